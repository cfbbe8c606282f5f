package org.staffroom.collect;

import java.time.Duration;
import org.staffroom.datagen.replay.DurationConverter;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * How every collector waits before reconnecting, a picocli mixin: {@code --reconnect-delay},
 * doubled after each attempt that brought nothing, up to {@code --max-reconnect-delay}.
 */
public final class ReconnectOptions {
    @Option(names = "--reconnect-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The first wait before reconnecting; doubled after each attempt that got nothing (default: ${DEFAULT-VALUE}).")
    Duration reconnectDelay = Duration.ofSeconds(1);

    @Option(names = "--max-reconnect-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The longest wait before reconnecting (default: ${DEFAULT-VALUE}).")
    Duration maxReconnectDelay = Duration.ofMinutes(1);

    /** Checks the two together; a {@link ParameterException} names the option refused. */
    public ReconnectOptions validated(CommandLine commandLine) {
        if (reconnectDelay.isNegative() || reconnectDelay.isZero()) {
            throw new ParameterException(commandLine, "--reconnect-delay: " + reconnectDelay.toMillis()
                    + "ms must be more than zero");
        }
        if (maxReconnectDelay.compareTo(reconnectDelay) < 0) {
            throw new ParameterException(commandLine, "--max-reconnect-delay: " + maxReconnectDelay.toMillis()
                    + "ms is shorter than --reconnect-delay " + reconnectDelay.toMillis() + "ms");
        }
        return this;
    }

    public Duration reconnectDelay() {
        return reconnectDelay;
    }

    public Duration maxReconnectDelay() {
        return maxReconnectDelay;
    }

    /** A back-off of these delays: one per connection that reconnects on its own. */
    public Backoff backoff() {
        return new Backoff(reconnectDelay, maxReconnectDelay);
    }
}
