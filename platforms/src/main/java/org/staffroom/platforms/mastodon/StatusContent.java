package org.staffroom.platforms.mastodon;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text and links of a status's {@code content} HTML, read by an HTML parser: entities decoded,
 * a {@code ?} inside an attribute never taken for text.
 *
 * <p>Links whose class has {@code mention} are mentions and hashtags, which the status lists in
 * {@code mentions} and {@code tags}; the others are the links shared. The {@code quote-inline}
 * paragraph ("RE: link") is the fallback a quote carries for clients without quotes: like X's
 * quote permalink it is not a link shared, and readers with quotes never see it, so it is neither
 * text nor url. The {@code invisible} spans Mastodon wraps around a long link's scheme and tail
 * stay in the text, so the text holds the link whole and the job can remove it as a url.
 */
record StatusContent(String text, List<String> urls) {

    static StatusContent parse(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(".quote-inline").remove();
        List<String> urls = new ArrayList<>();
        for (Element link : body.select("a[href]")) {
            if (!link.hasClass("mention")) {
                urls.add(link.attr("href"));
            }
        }
        return new StatusContent(visibleText(body), List.copyOf(urls));
    }

    /** Paragraphs and line breaks as new lines, the rest as HTML shows it. */
    private static String visibleText(Element body) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node.nameIs("br")) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node.nameIs("p")) {
                    text.append('\n');
                }
            }
        }, body);
        return text.toString().strip();
    }
}
