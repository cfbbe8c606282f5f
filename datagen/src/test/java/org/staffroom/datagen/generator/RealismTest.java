package org.staffroom.datagen.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.staffroom.datagen.generator.GeneratedStreams.Post;

/**
 * The stream looks like the education community it imitates: the proportions, ranges and patterns
 * that {@link PostGenerator} documents, measured as the job would measure them.
 */
class RealismTest {
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final GeneratorConfig DEFAULTS = GeneratorConfig.defaults();
    /** Two weeks around the start of British Summer Time (30 March 2025). */
    private static final GeneratorConfig SPRING = DEFAULTS.toBuilder().start(LocalDate.of(2025, 3, 24)).weeks(2).build();
    private static final GeneratorConfig SUMMER = DEFAULTS.toBuilder().start(LocalDate.of(2025, 6, 30)).weeks(2).build();

    private static double share(List<Post> posts, Predicate<Post> p) {
        return (double) posts.stream().filter(p).count() / posts.size();
    }

    @Test
    void kindsOfPostsComeInPlausibleProportions() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        assertThat(posts.size()).isBetween(35_000, 55_000); // 60/h × 672 h plus 12 chat evenings
        assertThat(share(posts, Post::isRetweet)).isBetween(0.15, 0.35);
        assertThat(share(posts, p -> p.replyTo() != null)).isBetween(0.08, 0.25);
        assertThat(share(posts, p -> p.quoteOf() != null)).isBetween(0.01, 0.08);
        assertThat(share(posts, p -> !p.urls().isEmpty())).isBetween(0.20, 0.45);
        assertThat(share(posts, p -> !p.mentions().isEmpty())).isBetween(0.25, 0.55);
        assertThat(share(posts, Post::isQuestion)).isBetween(0.08, 0.25);
        assertThat(share(posts, p -> p.tags().isEmpty())).isBetween(0.10, 0.25);
        assertThat(share(posts, p -> p.tags().size() > 1)).isBetween(0.15, 0.40);
        assertThat(share(posts, p -> p.json().has("hashtags"))).isBetween(0.55, 0.65);
    }

    @Test
    void mostPostsAreOnTwitterSomeOnMastodonAndBluesky() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        assertThat(share(posts, p -> p.platform().equals("twitter"))).isBetween(0.75, 0.93);
        assertThat(share(posts, p -> p.platform().equals("mastodon"))).isBetween(0.03, 0.15);
        assertThat(share(posts, p -> p.platform().equals("bluesky"))).isBetween(0.01, 0.12);
    }

    @Test
    void hashtagsAreWrittenInMixedCaseAndSometimesFullWidth() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        String all = String.join("\n", posts.stream().map(Post::text).toList());
        assertThat(all).contains("#UKEdChat", "#ukedchat", "#UKEDCHAT", "#edchat", "#teacher5aday",
                "#sharingiscaring", "#earlybirds", "#TwitteratiChallenge", "#SLTchat", "#primedchat");
        assertThat(all).containsPattern("[#\uFF03][\uFF21-\uFF3A\uFF41-\uFF5A\uFF10-\uFF19]+");
        long fullWidth = posts.stream().filter(p -> p.text().matches("(?s).*[\uFF21-\uFF5A].*")).count();
        assertThat((double) fullWidth / posts.size()).isBetween(0.003, 0.05);
        // some posts with the arrays write the '#', most do not
        assertThat(posts.stream().anyMatch(p -> p.json().path("hashtags").toString().contains("\"#"))).isTrue();
    }

    @Test
    void followerCountsRangeFromAHandfulToTensOfThousandsAndAreSometimesUnknown() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        Map<String, Long> byAuthor = new HashMap<>();
        for (Post p : posts) {
            if (p.followers() != null) {
                assertThat(p.followers()).isBetween(3L, 80_000L);
                byAuthor.merge(p.authorId(), p.followers(), Math::max);
            }
        }
        assertThat(share(posts, p -> p.followers() == null)).isBetween(0.03, 0.15);
        List<Long> counts = byAuthor.values().stream().sorted().toList();
        assertThat(counts.get(0)).isLessThan(20);
        assertThat(counts.get(counts.size() - 1)).isGreaterThan(20_000);
        long median = counts.get(counts.size() / 2);
        assertThat(median).isBetween(150L, 1_500L);
    }

    @Test
    void aFewAccountsWriteMostOfThePosts() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        Map<String, Integer> perAuthor = new HashMap<>();
        posts.forEach(p -> perAuthor.merge(p.authorId(), 1, Integer::sum));
        List<Integer> counts = perAuthor.values().stream().sorted((a, b) -> b - a).toList();
        long top = counts.subList(0, counts.size() / 10).stream().mapToLong(Integer::longValue).sum();
        assertThat((double) top / posts.size()).isGreaterThanOrEqualTo(0.40);
        // and a long tail: the median author writes a handful
        assertThat(counts.get(counts.size() / 2)).isBetween(1, 15);
        assertThat((double) counts.get(0) / posts.size()).isLessThan(0.10);
    }

    @Test
    void ukEdChatSessionsAreBursts() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        List<Instant> sessions = sessionStarts(DEFAULTS, "ukedchat");
        assertThat(sessions).hasSize(4);
        long inside = 0;
        long outside = 0;
        for (Post p : posts) {
            if (!p.hasTag("ukedchat")) {
                continue;
            }
            if (sessions.stream().anyMatch(s -> !p.at().isBefore(s) && p.at().isBefore(s.plus(Duration.ofMinutes(30))))) {
                inside++;
            } else if (sessions.stream().allMatch(s -> Duration.between(s, p.at()).abs().toMinutes() > 90)) {
                outside++;
            }
        }
        double insidePerMinute = inside / (30.0 * sessions.size());
        double outsideMinutes = Duration.ofDays(28).toMinutes() - sessions.size() * 180.0;
        double outsidePerMinute = outside / outsideMinutes;
        assertThat(outside).isPositive(); // #UKEdChat is used between sessions too
        assertThat(insidePerMinute).isGreaterThanOrEqualTo(5 * outsidePerMinute).isGreaterThan(3.0);
    }

    @Test
    void everyChatSessionHasItsScriptAndABurst() {
        for (GeneratorConfig config : List.of(DEFAULTS, SPRING, SUMMER)) {
            List<Post> posts = GeneratedStreams.posts(config);
            for (ChatSchedule.Session s : ChatSchedule.sessions(config.start(), config.weeks())) {
                Instant start = Instant.ofEpochMilli(s.startMillis());
                Instant end = Instant.ofEpochMilli(s.endMillis());
                String tag = s.chat().tag.normalised;
                List<Post> inSession = posts.stream()
                        .filter(p -> p.hasTag(tag) && !p.at().isBefore(start) && p.at().isBefore(end)).toList();
                List<Post> host = inSession.stream()
                        .filter(p -> p.handle().equals(s.chat().hostHandle) && !p.isRetweet()).toList();
                assertThat(host.get(0).at()).isEqualTo(start); // the welcome
                List<Post> questions = host.stream().filter(p -> p.text().matches("Q\\d: .*\\?.*")).toList();
                assertThat(questions).extracting(p -> p.text().substring(0, 3))
                        .containsExactly("Q1:", "Q2:", "Q3:", "Q4:", "Q5:");
                assertThat(inSession.size()).as("%s at %s", s.chat(), start).isGreaterThan(50);
                assertThat(inSession.stream().filter(p -> p.text().matches("A\\d .*")).count()).isGreaterThan(10);
                assertThat(inSession.stream().filter(p -> p.mentions().stream()
                        .anyMatch(m -> m.equals(s.chat().hostHandle))).count()).isGreaterThan(5);
                Set<String> questionIds = new HashSet<>(questions.stream().map(Post::id).toList());
                assertThat(inSession.stream().filter(p -> p.text().startsWith("A") && p.replyTo() != null)
                        .allMatch(p -> questionIds.contains(p.replyTo()))).isTrue();
                // a little before and after
                long before = posts.stream().filter(p -> p.hasTag(tag) && p.at().isBefore(start)
                        && p.at().isAfter(start.minus(Duration.ofMinutes(20)))).count();
                long after = posts.stream().filter(p -> p.hasTag(tag) && !p.at().isBefore(end)
                        && p.at().isBefore(end.plus(Duration.ofMinutes(30)))).count();
                assertThat(before).isPositive().isLessThan(inSession.size() / 4);
                assertThat(after).isPositive().isLessThan(inSession.size() / 2);
            }
        }
    }

    @Test
    void chatsStartAt20UkTimeWhichIs19UtcInSummer() {
        List<Instant> summer = sessionStarts(SUMMER, "ukedchat");
        assertThat(summer).containsExactly(Instant.parse("2025-07-03T19:00:00Z"), Instant.parse("2025-07-10T19:00:00Z"));
        List<Instant> winter = sessionStarts(DEFAULTS, "sltchat");
        assertThat(winter.get(0)).isEqualTo(Instant.parse("2025-01-12T20:00:00Z"));
        // the Sunday the clocks go forward: #SLTchat at 20:00 BST
        assertThat(sessionStarts(SPRING, "sltchat"))
                .containsExactly(Instant.parse("2025-03-30T19:00:00Z"), Instant.parse("2025-04-06T19:00:00Z"));

        List<Post> posts = GeneratedStreams.posts(SUMMER);
        Instant s = Instant.parse("2025-07-03T19:00:00Z");
        long during = countTagged(posts, "ukedchat", s, s.plus(Duration.ofMinutes(30)));
        long anHourLater = countTagged(posts, "ukedchat", s.plus(Duration.ofHours(1)), s.plus(Duration.ofMinutes(90)));
        assertThat(during).isGreaterThan(10 * Math.max(1, anHourLater));
    }

    @Test
    void earlybirdsPostOnlyBetween5And730UkTime() {
        for (GeneratorConfig config : List.of(DEFAULTS, SPRING, SUMMER)) {
            List<Post> early = GeneratedStreams.posts(config).stream().filter(p -> p.hasTag("earlybirds")).toList();
            assertThat(early.size()).isGreaterThan(100 * config.weeks());
            for (Post p : early) {
                LocalTime local = p.at().atZone(UK).toLocalTime();
                assertThat(local).as("%s %s", p.at(), p.text())
                        .isAfterOrEqualTo(LocalTime.of(5, 0)).isBefore(LocalTime.of(7, 30));
            }
        }
    }

    @Test
    void twitteratiNominationsMentionExactlyFiveColleagues() {
        List<Post> nominations = GeneratedStreams.posts(DEFAULTS).stream()
                .filter(p -> p.hasTag("twitteratichallenge") && !p.isRetweet()).toList();
        assertThat(nominations.size()).isGreaterThan(50);
        for (Post p : nominations) {
            assertThat(p.mentions()).as(p.text()).hasSize(5).doesNotHaveDuplicates().doesNotContain(p.handle());
            assertThat(p.replyTo()).isNull();
        }
    }

    @Test
    void researchLinksAreShared() {
        List<Post> posts = GeneratedStreams.posts(DEFAULTS);
        List<String> urls = posts.stream().flatMap(p -> p.urls().stream()).toList();
        assertThat(urls).anyMatch(u -> u.startsWith("https://eef.org.uk/")
                || u.startsWith("https://educationendowmentfoundation.org.uk/"));
        assertThat(urls).anyMatch(u -> u.startsWith("https://researchschool.org.uk/"));
        assertThat(urls).anyMatch(u -> u.contains(".wordpress.com/"));
        assertThat(urls).anyMatch(u -> u.contains("?")); // a '?' in a link does not make a question
    }

    @Test
    void newcomersArriveEveryWeekAndSomeReturn() {
        for (GeneratorConfig config : List.of(DEFAULTS, DEFAULTS.toBuilder().seed(7).weeks(6).build())) {
            List<Post> posts = GeneratedStreams.posts(config);
            Instant start = config.startInstant();
            Map<String, Integer> firstWeek = new HashMap<>();
            Map<String, Set<Integer>> weeks = new HashMap<>();
            for (Post p : posts) {
                int week = (int) (Duration.between(start, p.at()).toDays() / 7);
                firstWeek.putIfAbsent(p.authorId(), week);
                weeks.computeIfAbsent(p.authorId(), a -> new HashSet<>()).add(week);
            }
            Map<Integer, Integer> newcomersPerWeek = new TreeMap<>();
            firstWeek.values().forEach(w -> newcomersPerWeek.merge(w, 1, Integer::sum));
            for (int w = 0; w < config.weeks(); w++) {
                assertThat(newcomersPerWeek.getOrDefault(w, 0)).as("week %d", w).isPositive();
            }
            for (int firstWeekOfNewcomers : new int[] {0, 1}) {
                List<String> cohort = firstWeek.entrySet().stream()
                        .filter(e -> e.getValue() == firstWeekOfNewcomers).map(Map.Entry::getKey).toList();
                long returned = cohort.stream().filter(a -> weeks.get(a).stream().anyMatch(w -> w > firstWeekOfNewcomers)).count();
                assertThat(returned).as("week %d's newcomers posting later", firstWeekOfNewcomers).isPositive();
            }
        }
    }

    @Test
    void scheduledNewcomersLurkFirstAndHalfOfThemStay() {
        PostGenerator generator = new PostGenerator(DEFAULTS.toBuilder().weeks(6).build());
        Community c = generator.community();
        Map<String, List<Instant>> postsBy = new HashMap<>();
        while (generator.advance()) {
            GeneratedPost p = generator.current();
            postsBy.computeIfAbsent(p.authorId(), a -> new ArrayList<>()).add(Instant.ofEpochMilli(p.timeMillis()));
        }
        int lurkedThenPosted = 0;
        int stayed = 0;
        int left = 0;
        long start = generator.startMillis();
        for (int m = 0; m < c.size; m++) {
            if (c.joinWeek[m] < 0 || c.debutAt[m] == Community.NEVER) {
                continue;
            }
            List<Instant> times = postsBy.getOrDefault(Long.toString(Community.AUTHOR_ID_BASE + m), List.of());
            assertThat(times).as("member %d posts first at its debut", m).isNotEmpty();
            assertThat(times.get(0)).isEqualTo(Instant.ofEpochMilli(c.debutAt[m]));
            int week = (int) ((c.debutAt[m] - start) / LocalClock.WEEK);
            assertThat(week).isEqualTo(c.joinWeek[m] + c.lurkWeeks[m]);
            if (c.lurkWeeks[m] > 0) {
                lurkedThenPosted++;
            }
            Instant last = times.get(times.size() - 1);
            if (c.returns[m]) {
                stayed += times.size() > 1 ? 1 : 0;
            } else {
                assertThat(Duration.between(times.get(0), last)).isLessThan(Duration.ofHours(3));
                left++;
            }
        }
        assertThat(lurkedThenPosted).isGreaterThan(10);
        assertThat(stayed).isGreaterThan(10);
        assertThat(left).isGreaterThan(10);
    }

    private static long countTagged(List<Post> posts, String tag, Instant from, Instant to) {
        return posts.stream().filter(p -> p.hasTag(tag) && !p.at().isBefore(from) && p.at().isBefore(to)).count();
    }

    /** Session starts as seen in the stream: the host's welcome. */
    private static List<Instant> sessionStarts(GeneratorConfig config, String chatId) {
        ChatSchedule.Chat chat = ChatSchedule.UK.stream().filter(c -> c.chatId.equals(chatId)).findFirst().orElseThrow();
        return GeneratedStreams.posts(config).stream()
                .filter(p -> p.handle().equals(chat.hostHandle) && p.text().startsWith("Welcome!"))
                .map(Post::at).toList();
    }
}
