package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.staffroom.collect.Backoff;
import org.staffroom.collect.output.CollectorCounts;
import org.staffroom.collect.output.ConversionWriter;
import org.staffroom.collect.output.KeptIds;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.RecordConverter;
import org.staffroom.platforms.mastodon.MastodonConverter;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * Mastodon's hashtag streams into the posts topic. A {@link HashtagStream} per (server, tag) puts
 * what it receives into one bounded queue; this collector's own thread takes it from there,
 * converts it with the converter of its server (whose bare {@code acct}s belong to that server),
 * writes each post whose uri it has not written lately (and the deletions of those), and every
 * {@code checkpointInterval} waits until Kafka has acknowledged everything sent and saves each
 * stream's position.
 */
final class MastodonCollector {
    /** The queue's end marker, put by {@link #stop} so that the collector's thread wakes at once. */
    private static final Arrival STOP = new Arrival(new ServerTag(MastodonServer.parse("stop.invalid"), "stop"), null,
            JsonNodeFactory.instance.nullNode());
    private static final int QUEUE_CAPACITY = 10_000;
    private static final Duration STREAM_STOP_WAIT = Duration.ofSeconds(10);

    /**
     * @param accessTokens the access token of each server that has one, by {@link MastodonServer#name()}: a
     *     token is only ever sent to the server that issued it
     * @param pageSize statuses per timeline page of a catch-up (Mastodon gives at most 40)
     * @param idleTimeout how long a stream may give nothing, not even a heartbeat (Mastodon sends one
     *     every 15 s), before it is closed and reconnected
     * @param recentUris how many uris of statuses written are remembered for the de-duplication
     */
    record Settings(List<MastodonServer> servers, List<String> tags, Map<String, String> accessTokens,
                           int pageSize, Duration reconnectDelay, Duration maxReconnectDelay,
                           Duration checkpointInterval, Duration idleTimeout, int recentUris) {
        Settings {
            servers = List.copyOf(servers);
            tags = List.copyOf(tags);
            accessTokens = Map.copyOf(accessTokens);
        }
    }

    private final Settings settings;
    private final ResumePositions positions;
    private final KafkaEventWriter writer;
    private final PrintWriter log;
    private final ConnectedStreams connected;
    private final CollectorCounts counts;
    private final ConversionWriter output;
    private final Map<MastodonServer, RecordConverter> converters = new HashMap<>();
    private final BlockingQueue<Arrival> arrivals = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<HashtagStream> streams = new ArrayList<>();
    private volatile boolean stopping;

    MastodonCollector(Settings settings, ResumePositions positions, KafkaEventWriter writer, PrintWriter log) {
        this.settings = settings;
        this.positions = positions;
        this.writer = writer;
        this.log = log;
        this.connected = new ConnectedStreams(settings.servers().size() * settings.tags().size());
        this.counts = new CollectorCounts("collect mastodon", writer::acknowledged, connected::toString);
        this.output = new ConversionWriter(writer, new UrisOnce(settings.recentUris()), counts);
        HttpClient http = MastodonApi.newHttpClient();
        for (MastodonServer server : settings.servers()) {
            // one converter per server: its bare accts are that server's, and it learns that server's ids
            converters.put(server, new MastodonConverter(Optional.of(server.domain())));
            MastodonApi api = new MastodonApi(http, server,
                    Optional.ofNullable(settings.accessTokens().get(server.name())));
            TagTimeline timeline = new TagTimeline(api, settings.pageSize());
            for (String tag : settings.tags()) {
                ServerTag key = new ServerTag(server, tag);
                streams.add(new HashtagStream(key, api, timeline, positions.lastSaved(key),
                        new Backoff(settings.reconnectDelay(), settings.maxReconnectDelay()), arrivals::put,
                        listener()));
            }
        }
    }

    /** What it has done; its progress line's numbers. */
    CollectorCounts counts() {
        return counts;
    }

    ConnectedStreams connected() {
        return connected;
    }

    /**
     * Collects until {@link #stop}: then the streams are closed, every record sent is flushed and
     * acknowledged, and the positions saved. Throws {@link org.staffroom.platforms.publish.DeliveryException}
     * when Kafka loses a record (the positions stay at the last acknowledged checkpoint).
     */
    void run() throws InterruptedException {
        ScheduledExecutorService idleCheck = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mastodon-idle-check");
            thread.setDaemon(true);
            return thread;
        });
        long idleNanos = settings.idleTimeout().toNanos();
        long idleCheckNanos = Math.max(1, idleNanos / 4);
        idleCheck.scheduleWithFixedDelay(() -> streams.forEach(stream -> stream.closeIfIdle(idleNanos)),
                idleCheckNanos, idleCheckNanos, TimeUnit.NANOSECONDS);
        List<Thread> threads = new ArrayList<>();
        for (HashtagStream stream : streams) {
            Thread thread = new Thread(stream, "mastodon-stream-" + threads.size());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            long checkpointNanos = settings.checkpointInterval().toNanos();
            long nextCheckpoint = System.nanoTime() + checkpointNanos;
            while (!stopping) {
                Arrival arrival = arrivals.poll(Math.max(0, nextCheckpoint - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (arrival != null && arrival != STOP) {
                    collect(arrival);
                }
                if (System.nanoTime() >= nextCheckpoint) {
                    checkpoint();
                    nextCheckpoint = System.nanoTime() + checkpointNanos;
                }
            }
        } finally {
            idleCheck.shutdownNow();
            streams.forEach(HashtagStream::stop);
            for (Thread thread : threads) {
                thread.join(STREAM_STOP_WAIT.toMillis());
            }
            connected.allClosed();
        }
        checkpoint();
    }

    /** Asks {@link #run} to end; callable from any thread (a shutdown hook). */
    void stop() {
        stopping = true;
        arrivals.offer(STOP); // when the queue is full the collector is busy and sees the flag after this record
    }

    private void collect(Arrival arrival) {
        output.seen(converters.get(arrival.from().server()).convert(arrival.record()));
        if (arrival.statusId() != null) {
            positions.advance(arrival.from(), arrival.statusId());
        }
    }

    private void checkpoint() {
        writer.finish();
        positions.save();
    }

    private HashtagStream.Listener listener() {
        return new HashtagStream.Listener() {
            @Override
            public void connected(ServerTag stream) {
                connected.connected(stream);
                log.println("collect mastodon: " + stream + ": connected");
            }

            @Override
            public void disconnected(ServerTag stream, String why) {
                connected.disconnected(stream);
                log.println("collect mastodon: " + stream + ": " + why + "; reconnecting");
            }
        };
    }

    /**
     * Every status of a followed hashtag is wanted, once per uri: a status seen through two servers, or
     * through a stream and its catch-up, is written once; a deletion of one written is written too.
     */
    private static final class UrisOnce implements ConversionWriter.Selection {
        private final KeptIds written;

        UrisOnce(int recentUris) {
            this.written = new KeptIds(recentUris);
        }

        @Override
        public boolean keep(PostEvent post) {
            return written.add(post.id);
        }

        @Override
        public boolean kept(String postId) {
            return written.contains(postId);
        }

        /** A hashtag stream carries only wanted statuses: each one that cannot be mapped is worth a look. */
        @Override
        public boolean worthRejecting(Conversion.Unmappable unmappable) {
            return true;
        }
    }
}
