package org.staffroom.datagen.generator;

import java.util.SplittableRandom;

/**
 * Puts posts together: text with its hashtags, mentions and links recorded as they are written,
 * and the reactions every kind of traffic shares (retweet, reply, quote). Which post to write is
 * the traffic's decision; how it reads is decided here.
 */
final class Composer {
    /** Share of posts whose producer sends the entity arrays; the rest leave extraction to the job. */
    static final double ENTITIES_SHARE = 0.6;
    /** Of those, the share that writes hashtags with their sign (both forms are allowed). */
    static final double ARRAY_HASH_SHARE = 0.25;

    private static final byte[] RT = ByteText.utf8("RT ");
    private static final byte[] COLON = ByteText.utf8(": ");
    private static final byte[] HTTPS = ByteText.utf8("https://");
    private static final byte[] WORDPRESS = ByteText.utf8(".wordpress.com/");

    final Community community;
    final LocalClock clock;
    private final byte[][] values = new byte[Template.SLOTS][];

    Composer(Community community, LocalClock clock) {
        this.community = community;
        this.clock = clock;
    }

    /** Starts post {@code id} by {@code author} at {@code t}. */
    void begin(GeneratedPost p, long id, long t, int author, SplittableRandom r) {
        p.begin(community, id, t, author, community.followersAt(author, clock.week(t)));
        p.entities = r.nextDouble() < ENTITIES_SHARE;
        p.arrayHash = r.nextDouble() < ARRAY_HASH_SHARE;
    }

    // ---- entities, recorded in text order

    void tag(GeneratedPost p, Tag t, SplittableRandom r) {
        if (t == null || p.hasTag(t) || p.tagCount == GeneratedPost.MAX_TAGS) {
            return;
        }
        int variant = Tag.pickVariant(r);
        boolean fullWidthHash = variant == Tag.FULL_WIDTH && r.nextBoolean();
        p.text.space().append(fullWidthHash ? Tag.FULL_WIDTH_HASH : Tag.HASH).append(t.written(variant));
        p.tags[p.tagCount] = t;
        p.tagVariant[p.tagCount] = (byte) variant;
        p.tagFullWidthHash[p.tagCount] = fullWidthHash;
        p.tagCount++;
    }

    /** Appends {@code @handle} (unless already mentioned: the arrays must match the text). */
    boolean mention(GeneratedPost p, int member) {
        if (p.mentions(member) || p.mentionCount == GeneratedPost.MAX_MENTIONS) {
            return false;
        }
        p.text.space().append('@').append(community.handle[member]);
        p.mentions[p.mentionCount++] = member;
        return true;
    }

    void url(GeneratedPost p, byte[] url) {
        if (p.urlCount == GeneratedPost.MAX_URLS) {
            return;
        }
        p.text.space().append(url);
        p.urls[p.urlCount++].set(url);
    }

    /** A link to the author's own blog ({@code https://mrspatelmaths.wordpress.com/slug/}). */
    void blogUrl(GeneratedPost p, SplittableRandom r) {
        if (p.urlCount == GeneratedPost.MAX_URLS) {
            return;
        }
        ByteText u = p.urls[p.urlCount++];
        u.clear();
        u.append(HTTPS);
        for (byte c : community.handle[p.author]) {
            if (c != '_') { // not allowed in host names
                u.append((char) ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c));
            }
        }
        u.append(WORDPRESS).append(Phrases.pick(Phrases.BLOG_SLUGS, r)).append('/');
        p.text.space().append(u);
    }

    void words(GeneratedPost p, byte[] words) {
        p.text.space().append(words);
    }

    /** Appends a sentence about {@code topic}, the other slots filled at random. */
    void say(GeneratedPost p, Template template, int topic, int n, SplittableRandom r) {
        values[Template.TOPIC] = Phrases.TOPICS[topic];
        values[Template.PHASE] = Phrases.pick(Phrases.PHASES, r);
        values[Template.N] = Phrases.NUMBERS[Math.min(n, Phrases.NUMBERS.length - 1)];
        // an educator keeps their job title and home town from post to post
        int mix = (p.author * 0x9E3779B1) >>> 8;
        byte[][] roles = Phrases.ROLES[community.role[p.author]];
        values[Template.ROLE] = roles[mix % roles.length];
        values[Template.PLACE] = Phrases.PLACES[(mix >>> 4) % Phrases.PLACES.length];
        p.text.space();
        template.render(p.text, values);
    }

    static int topic(SplittableRandom r) {
        return r.nextInt(Phrases.TOPICS.length);
    }

    // ---- reactions to an earlier post

    /**
     * A retweet (a boost on Mastodon, a repost on Bluesky) carries the original's text and entities;
     * on Twitter it reads {@code RT @author: text}, which mentions the original author.
     */
    void retweet(GeneratedPost p, GeneratedPost target) {
        p.retweetOf = target.id;
        if (p.platform == Community.TWITTER) {
            p.text.append(RT);
            mention(p, target.author);
            p.text.append(COLON);
        }
        p.text.append(target.text);
        for (int i = 0; i < target.tagCount && p.tagCount < GeneratedPost.MAX_TAGS; i++) {
            if (!p.hasTag(target.tags[i])) {
                p.tags[p.tagCount] = target.tags[i];
                p.tagVariant[p.tagCount] = target.tagVariant[i];
                p.tagFullWidthHash[p.tagCount] = target.tagFullWidthHash[i];
                p.tagCount++;
            }
        }
        for (int i = 0; i < target.mentionCount; i++) {
            if (!p.mentions(target.mentions[i]) && p.mentionCount < GeneratedPost.MAX_MENTIONS) {
                p.mentions[p.mentionCount++] = target.mentions[i];
            }
        }
        for (int i = 0; i < target.urlCount && p.urlCount < GeneratedPost.MAX_URLS; i++) {
            p.urls[p.urlCount++].copyFrom(target.urls[i]);
        }
    }

    /** A reply starts with the author it answers (unless continuing one's own thread). */
    void reply(GeneratedPost p, GeneratedPost target, SplittableRandom r) {
        p.replyTo = target.id;
        if (target.author != p.author) {
            mention(p, target.author);
        }
        words(p, Phrases.pick(Phrases.REPLIES, r));
        if (r.nextDouble() < 0.4) {
            tag(p, carriedTag(target), r);
        }
    }

    /** A quote: a comment on an earlier post, usually keeping its main hashtag. */
    void quote(GeneratedPost p, GeneratedPost target, SplittableRandom r) {
        p.quoteOf = target.id;
        words(p, Phrases.pick(Phrases.QUOTE_COMMENTS, r));
        if (r.nextDouble() < 0.7) {
            tag(p, carriedTag(target), r);
        }
    }

    /**
     * The hashtag a reaction keeps: the first one, except #earlybirds (only said early in the
     * morning) and #TwitteratiChallenge (only in a nomination, with its five mentions).
     */
    static Tag carriedTag(GeneratedPost target) {
        for (int i = 0; i < target.tagCount; i++) {
            Tag t = target.tags[i];
            if (t != Hashtags.EARLYBIRDS && t != Hashtags.TWITTERATI) {
                return t;
            }
        }
        return null;
    }
}
