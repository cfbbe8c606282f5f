package org.staffroom.collect;

import java.time.Duration;
import org.staffroom.datagen.replay.DurationConverter;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * When every collector reconnects, a picocli mixin: after {@code --idle-timeout} without a word
 * from the server, as after any other disconnection; and how long it waits first:
 * {@code --reconnect-delay}, doubled after each attempt that brought nothing, up to
 * {@code --max-reconnect-delay}.
 */
public final class ReconnectOptions {
    @Option(names = "--reconnect-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The first wait before reconnecting; doubled after each attempt that got nothing (default: ${DEFAULT-VALUE}).")
    Duration reconnectDelay = Duration.ofSeconds(1);

    @Option(names = "--max-reconnect-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The longest wait before reconnecting (default: ${DEFAULT-VALUE}).")
    Duration maxReconnectDelay = Duration.ofMinutes(1);

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a connection may bring nothing (Bluesky: no event; Mastodon: not even the "
                    + "heartbeat it sends every 15 s) before it is taken for dead, aborted and reconnected from where "
                    + "it was, like any other disconnection: a network drop that the client does not notice would "
                    + "otherwise leave the collector connected to nothing (default: ${DEFAULT-VALUE}).")
    Duration idleTimeout = Duration.ofMinutes(1);

    /** Checks the three; a {@link ParameterException} names the option refused. */
    public ReconnectOptions validated(CommandLine commandLine) {
        if (reconnectDelay.isNegative() || reconnectDelay.isZero()) {
            throw new ParameterException(commandLine, "--reconnect-delay: " + reconnectDelay.toMillis()
                    + "ms must be more than zero");
        }
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new ParameterException(commandLine, "--max-reconnect-delay: " + maxReconnectDelay.toMillis()
                    + "ms is shorter than --reconnect-delay " + reconnectDelay.toMillis() + "ms");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new ParameterException(commandLine, "--idle-timeout: " + idleTimeout.toMillis()
                    + "ms must be more than zero");
        }
        return this;
    }

    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A back-off of these delays: one per connection that reconnects on its own. */
    public Backoff backoff() {
        return new Backoff(reconnectDelay, maxReconnectDelay);
    }
}
