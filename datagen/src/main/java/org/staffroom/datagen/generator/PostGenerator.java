package org.staffroom.datagen.generator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.staffroom.platforms.PostEvent;

/**
 * The stream of posts for a {@link GeneratorConfig}, in event-time order: background traffic, one
 * source per chat session and the newcomers' first posts, merged by a priority queue on their next
 * due time (ties by source, so the order is fully determined). Post ids are assigned in that order
 * and so increase with time; every retweet, reply and quote points to a post generated earlier.
 *
 * <p>Deterministic: every random choice comes from {@link SplittableRandom}s derived from the seed,
 * one per source, and nothing depends on the wall clock or hash order.
 *
 * <pre>{@code
 * PostGenerator gen = new PostGenerator(GeneratorConfig.defaults());
 * try (JsonLines out = new JsonLines(Files.newOutputStream(file))) {
 *     while (gen.advance()) {
 *         out.write(gen.current());
 *     }
 * }
 * }</pre>
 */
public final class PostGenerator {
    private static final long STREAM_COMMUNITY = 1;
    private static final long STREAM_BACKGROUND = 2;
    private static final long STREAM_DEBUTS = 3;
    private static final long STREAM_CHATS = 1000;

    private final GeneratorConfig config;
    private final LocalClock clock;
    private final Community community;
    private final List<ChatSchedule.Session> sessions;
    private final PriorityQueue<Traffic> queue;
    private final GeneratedPost post = new GeneratedPost();
    private long generated;
    private boolean positioned;

    public PostGenerator(GeneratorConfig config) {
        this.config = config;
        this.clock = new LocalClock(config);
        this.sessions = ChatSchedule.sessions(config.start(), config.weeks());
        this.community = Community.build(config, sessions, stream(config.seed(), STREAM_COMMUNITY));
        Composer composer = new Composer(community, clock);
        RecentPosts[] recent = new RecentPosts[Community.PLATFORMS.length];
        for (int i = 0; i < recent.length; i++) {
            recent[i] = new RecentPosts(512);
        }
        this.queue = new PriorityQueue<>(16, (a, b) -> a.next != b.next
                ? Long.compare(a.next, b.next) : Integer.compare(a.order, b.order));
        List<Traffic> sources = new ArrayList<>();
        // traffic also depends on the start date, so that consecutive runs of one community differ
        long traffic = config.seed() ^ config.start().toEpochDay() * 0xD6E8FEB86659FD93L;
        sources.add(new BackgroundTraffic(0, composer, config.rate(), recent, stream(traffic, STREAM_BACKGROUND)));
        sources.add(new DebutTraffic(1, composer, recent, stream(traffic, STREAM_DEBUTS)));
        for (int i = 0; i < sessions.size(); i++) {
            sources.add(new ChatSessionTraffic(2 + i, sessions.get(i), composer, stream(traffic, STREAM_CHATS + i)));
        }
        for (Traffic t : sources) {
            if (t.next < clock.end) {
                queue.add(t);
            }
        }
    }

    /** An independent random stream per source: adding a source elsewhere leaves the others as they were. */
    static SplittableRandom stream(long seed, long id) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id * 0xBF58476D1CE4E5B9L + id);
    }

    public GeneratorConfig config() {
        return config;
    }

    /** Moves to the next post; false once the configured weeks are over. */
    public boolean advance() {
        Traffic source = queue.poll();
        if (source == null) {
            positioned = false;
            return false;
        }
        source.emit(post, GeneratedPost.ID_BASE + generated);
        generated++;
        if (source.next < clock.end) {
            queue.add(source);
        }
        positioned = true;
        return true;
    }

    /** The current post; overwritten by the next {@link #advance()}. */
    public GeneratedPost current() {
        if (!positioned) {
            throw new NoSuchElementException("call advance() first");
        }
        return post;
    }

    /** Posts generated so far. */
    public long generated() {
        return generated;
    }

    /** First instant of the run (UK local midnight of the start date), epoch ms. */
    public long startMillis() {
        return clock.start;
    }

    /** End of the run (exclusive), epoch ms. */
    public long endMillis() {
        return clock.end;
    }

    /** The remaining posts as event objects (convenient, but slower than {@link JsonLines}). */
    public Iterator<PostEvent> events() {
        return new Iterator<>() {
            private boolean ready;
            private boolean more;

            @Override
            public boolean hasNext() {
                if (!ready) {
                    more = advance();
                    ready = true;
                }
                return more;
            }

            @Override
            public PostEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return post.toPostEvent();
            }
        };
    }

    // for tests
    Community community() {
        return community;
    }

    List<ChatSchedule.Session> sessions() {
        return sessions;
    }

    LocalClock clock() {
        return clock;
    }
}
