package org.staffroom.platforms.mastodon;

import org.jsoup.nodes.Entities;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.TextEntities;

/**
 * A post's text as Mastodon's {@code content} HTML: one paragraph, line breaks as {@code <br />},
 * hashtags and mentions as anchors of class {@code mention hashtag} and {@code u-url mention},
 * links as anchors whose scheme and tail are {@code invisible} spans, as Mastodon renders them.
 */
final class StatusHtml {
    private static final int LINK_SHOWN = 30;

    private StatusHtml() {}

    static String of(PostEvent post) {
        String text = post.text == null ? "" : post.text;
        StringBuilder html = new StringBuilder("<p>");
        int copied = 0;
        for (TextEntities.Span span : TextEntities.of(post)) {
            html.append(escape(text.substring(copied, span.start())));
            copied = span.end();
            switch (span.kind()) {
                case HASHTAG -> html.append("<a href=\"https://").append(MastodonAccounts.LOCAL_SERVER).append("/tags/")
                        .append(escape(span.value())).append("\" class=\"mention hashtag\" rel=\"tag\">")
                        .append(escape(span.sign())).append("<span>").append(escape(span.value())).append("</span></a>");
                case MENTION -> html.append("<span class=\"h-card\" translate=\"no\"><a href=\"")
                        .append(escape(MastodonAccounts.profileUrl(span.value())))
                        .append("\" class=\"u-url mention\">@<span>").append(escape(span.value())).append("</span></a></span>");
                case URL -> link(span.value(), html);
            }
        }
        html.append(escape(text.substring(copied)));
        return html.append("</p>").toString();
    }

    private static void link(String url, StringBuilder html) {
        int scheme = url.indexOf("://") + 3;
        String shown = url.substring(scheme);
        boolean long_ = shown.length() > LINK_SHOWN;
        html.append("<a href=\"").append(escape(url)).append("\" target=\"_blank\" rel=\"nofollow noopener\" translate=\"no\">")
                .append("<span class=\"invisible\">").append(escape(url.substring(0, scheme))).append("</span>")
                .append("<span class=\"").append(long_ ? "ellipsis" : "").append("\">")
                .append(escape(long_ ? shown.substring(0, LINK_SHOWN) : shown)).append("</span>")
                .append("<span class=\"invisible\">").append(escape(long_ ? shown.substring(LINK_SHOWN) : ""))
                .append("</span></a>");
    }

    private static String escape(String text) {
        return Entities.escape(text).replace("\n", "<br />");
    }
}
