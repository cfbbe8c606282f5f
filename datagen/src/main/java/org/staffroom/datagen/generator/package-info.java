/**
 * A realistic, seeded, deterministic generator of education posts in the contract's input format
 * (§1), in the style of the Nexmark generator: a {@link org.staffroom.datagen.generator.GeneratorConfig}
 * describes the stream, a {@link org.staffroom.datagen.generator.PostGenerator} produces it in
 * event-time order, and a {@link org.staffroom.datagen.generator.PostSink}
 * ({@link org.staffroom.datagen.generator.JsonLines} for files and stdout,
 * {@link org.staffroom.datagen.generator.KafkaPostSink} for a topic,
 * {@link org.staffroom.datagen.generator.NativeRecords} for one platform's native records) writes it.
 *
 * <h2>What is in the stream</h2>
 *
 * <ul>
 *   <li>{@code Community}: educators with Zipf-skewed activity, log-normal followers (3…80,000, some
 *       unknown), roles, platforms, chat habits; newcomers joining each week, some lurking first,
 *       half of them returning.
 *   <li>{@code BackgroundTraffic}: everyday posts at the configured average rate, shaped by the UK
 *       day ({@code DiurnalProfile}); #earlybirds only 05:00–07:30 UK time.
 *   <li>{@code ChatSessionTraffic}: each #SLTchat, #primedchat and #UKEdChat evening
 *       ({@code ChatSchedule}, the contract's default calendar), with the host's script and the
 *       regulars' burst.
 *   <li>{@code DebutTraffic}: newcomers' first posts.
 * </ul>
 *
 * <h2>Distributions</h2>
 *
 * For the defaults (seed 42, 2025-01-06, 4 weeks, 2,000 educators, 60 posts/h), measured as the job
 * measures them; {@code RealismTest} asserts the ranges in brackets, other seeds and sizes give
 * about the same shares.
 *
 * <table>
 *   <caption>Shares of all posts (about 44,000)</caption>
 *   <tr><th>what</th><th>measured</th><th>asserted</th></tr>
 *   <tr><td>retweets ({@code retweetOf})</td><td>24%</td><td>15–35%</td></tr>
 *   <tr><td>replies ({@code replyTo})</td><td>14%</td><td>8–25%</td></tr>
 *   <tr><td>quotes ({@code quoteOf})</td><td>4%</td><td>1–8%</td></tr>
 *   <tr><td>with a link</td><td>32%</td><td>20–45%</td></tr>
 *   <tr><td>with a mention</td><td>41%</td><td>25–55%</td></tr>
 *   <tr><td>questions (contract §2)</td><td>15%</td><td>8–25%</td></tr>
 *   <tr><td>without hashtags</td><td>18%</td><td>10–25%</td></tr>
 *   <tr><td>with two or more hashtags</td><td>26%</td><td>15–40%</td></tr>
 *   <tr><td>with the entity arrays (else text only)</td><td>60%</td><td>55–65%</td></tr>
 *   <tr><td>with a full-width hashtag</td><td>1.6%</td><td>0.3–5%</td></tr>
 *   <tr><td>platform twitter / mastodon / bluesky</td><td>88 / 8 / 4%</td><td>75–93 / 3–15 / 1–12%</td></tr>
 *   <tr><td>author's followers unknown</td><td>8%</td><td>3–15%</td></tr>
 *   <tr><td>written by the most active 10% of authors</td><td>56%</td><td>≥ 40%</td></tr>
 * </table>
 *
 * <p>Also asserted: every follower count in 3…80,000; a #UKEdChat session carries about 12 posts a
 * minute against 0.07 for the hashtag elsewhere (≥ 5×); sessions start at 20:00 UK time (19:00Z in
 * summer) with a welcome and Q1–Q5, answers {@code A1 …} threaded under their question, the host
 * mentioned, a few posts before and after; #earlybirds only 05:00–07:30 UK time; every
 * #TwitteratiChallenge nomination mentions exactly five colleagues; first-time authors in every
 * week, and some of each week's newcomers posting again later; every reference points to an
 * earlier post.
 */
package org.staffroom.datagen.generator;
