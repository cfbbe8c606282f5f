package org.staffroom.report.chat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The chat report as one self-contained HTML page: styles inline, charts as inline SVG, no script,
 * nothing fetched. Every figure of a table carries its exact database value in {@code data-value}
 * beside the text people read, so that tests (and anyone) can check the page against the tables.
 */
final class ChatReportPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM yy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
    private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK);

    private static final String STYLE = """
            body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:#222;max-width:920px;margin:2em auto;padding:0 1em;line-height:1.4}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
            .meta{color:#555}figure{margin:1.5em 0}svg{max-width:100%;height:auto}
            table{border-collapse:collapse;font-size:.8em;margin:1em 0}th,td{padding:.25em .4em;border-bottom:1px solid #eee;text-align:right}
            td{white-space:nowrap}th{vertical-align:bottom}.wide{overflow-x:auto}
            th:first-child,td:first-child{text-align:left}td.open{color:#a60}.pair{display:flex;gap:2em;flex-wrap:wrap}
            footer{margin-top:3em;font-size:.8em;color:#555}
            """;

    private final ChatHistory history;
    private final Instant generatedAt;

    ChatReportPage(ChatHistory history, Instant generatedAt) {
        this.history = history;
        this.generatedAt = generatedAt;
    }

    String html() {
        Row chat = history.chat();
        String hashtag = "#" + chat.text("hashtag");
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(hashtag)).append(" chat report</title><style>").append(STYLE)
                .append("</style></head>\n<body>\n");
        page.append("<header><h1>").append(escape(hashtag)).append(" chat report</h1><p class=\"meta\" id=\"schedule\">")
                .append(escape(schedule(chat))).append(" · ").append(escape(span())).append(" · times in ")
                .append(escape(history.zone().getId())).append(" · generated ")
                .append(escape(GENERATED.format(generatedAt.atZone(ZoneOffset.UTC)))).append("</p></header>\n");
        if (history.latest().isEmpty()) {
            page.append("<p id=\"empty\">No session of this chat has posts yet.</p>\n");
        } else {
            latest(page);
            charts(page);
            top(page);
            platforms(page);
            section(page, "sessions", "Week by week", history.sessions(), ChatHistory.SESSION_COLUMNS);
            section(page, "weeks", "The session against the rest of its week", history.weeks(),
                    ChatHistory.WEEK_COLUMNS);
        }
        page.append("<footer><p>Participants are distinct (platform, account); new participants post in a session of "
                + "this chat for the first time ever; retained took part in the previous week's session too. "
                + "Brokering posts carry a link or a mention, or are retweets. A session's row is <em>open</em> "
                + "until nothing can change it any more. Mastodon's hashtag streams carry no boosts, so its "
                + "retweet counts are near zero by construction.</p></footer>\n</body></html>\n");
        return page.toString();
    }

    private void latest(StringBuilder page) {
        Row latest = history.latest().orElseThrow();
        ZonedDateTime start = local(latest.instant("session_start"));
        page.append("<section id=\"reading\"><h2>The latest session</h2><p id=\"latest\">")
                .append(escape(LONG_DAY.format(start))).append(", ").append(TIME.format(start)).append(": ")
                .append(Reading.format(latest.count("posts"), false)).append(" posts by ")
                .append(Reading.format(latest.count("participants"), false)).append(" participants, ")
                .append(Reading.format(latest.count("new_participants"), false)).append(" of them new")
                .append(latest.flag("is_final") ? "" : " (still open: the figures may change)").append(".</p>\n<ul>");
        for (String sentence : Reading.of(history.sessions())) {
            page.append("<li>").append(escape(sentence)).append("</li>");
        }
        page.append("</ul></section>\n");
    }

    private void charts(StringBuilder page) {
        Function<Row, String> session = r -> SHORT_DAY.format(local(r.instant("session_start")));
        Function<Row, String> week = r -> SHORT_DAY.format(local(r.instant("week_start")));
        page.append("<section id=\"charts\"><h2>Week by week, in charts</h2>\n");
        figure(page, ChatCharts.participants(history.sessions(), session));
        figure(page, ChatCharts.postsByKind(history.sessions(), session));
        figure(page, ChatCharts.ratios(history.sessions(), session));
        if (!history.weeks().isEmpty()) {
            figure(page, ChatCharts.sessionAgainstWeek(history.weeks(), week));
        }
        page.append("</section>\n");
    }

    private void top(StringBuilder page) {
        page.append("<section id=\"top\"><h2>Who was at the centre of the latest session</h2><div class=\"pair\">");
        ranking(page, "top-mentioned", "Most mentioned", "Posts mentioning them", history.topMentioned());
        ranking(page, "top-contributors", "Most active contributors", "Posts (not retweets)", history.topContributors());
        page.append("</div></section>\n");
    }

    private static void ranking(StringBuilder page, String id, String title, String postsLabel, List<Row> rows) {
        page.append("<table id=\"").append(id).append("\"><caption>").append(escape(title)).append("</caption>")
                .append("<thead><tr><th>#</th><th>Account</th><th>").append(escape(postsLabel)).append("</th></tr></thead><tbody>");
        if (rows.isEmpty()) {
            page.append("<tr><td colspan=\"3\">none yet (ranked once the session is final)</td></tr>");
        }
        for (Row r : rows) {
            page.append("<tr>").append(cell("rank", r.text("rank"), r.text("rank")))
                    .append(cell("account", r.text("account"), r.text("account")))
                    .append(cell("posts", r.text("posts"), Reading.format(r.count("posts"), false))).append("</tr>");
        }
        page.append("</tbody></table>");
    }

    private void platforms(StringBuilder page) {
        if (history.platforms().size() < 2) {
            return;
        }
        page.append("<section id=\"platforms\"><h2>The latest session by platform</h2>\n");
        figure(page, ChatCharts.platforms(history.platforms()));
        table(page, "platforms-table", history.platforms(), List.of("platform", "posts", "participants",
                "new_participants", "retained_from_previous", "brokering_ratio"));
        page.append("</section>\n");
    }

    /** A section of its own holding one table, {@code <id>-table}. */
    private void section(StringBuilder page, String id, String title, List<Row> rows, List<String> columns) {
        page.append("<section id=\"").append(id).append("\"><h2>").append(escape(title)).append("</h2>\n");
        table(page, id + "-table", rows, columns);
        page.append("</section>\n");
    }

    private void table(StringBuilder page, String tableId, List<Row> rows, List<String> columns) {
        page.append("<div class=\"wide\"><table id=\"").append(tableId).append("\"><thead><tr>");
        for (String column : columns) {
            page.append("<th>").append(escape(heading(column))).append("</th>");
        }
        page.append("</tr></thead><tbody>\n");
        for (Row r : rows) {
            page.append("<tr>");
            for (String column : columns) {
                page.append(cell(column, r.text(column), display(column, r.text(column))));
            }
            page.append("</tr>\n");
        }
        page.append("</tbody></table></div>\n");
    }

    private String display(String column, String value) {
        if (value == null) {
            return "–";
        }
        if (column.endsWith("_start")) {
            ZonedDateTime at = local(Instant.parse(value));
            return DAY.format(at);
        }
        if (column.endsWith("_ratio")) {
            return String.format(Locale.UK, "%.1f %%", Double.parseDouble(value) * 100);
        }
        if (column.equals("is_final")) {
            return "t".equals(value) ? "final" : "open";
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Reading.format(Long.parseLong(value), false);
        }
        return value;
    }

    private static String heading(String column) {
        return switch (column) {
            case "session_start" -> "session";
            case "week_start" -> "week of";
            case "is_final" -> "row";
            case "retained_from_previous" -> "retained";
            case "new_participants" -> "new";
            case "returning_participants" -> "returning";
            default -> column.replace("_ratio", " %").replace('_', ' ');
        };
    }

    private static String cell(String column, String value, String shown) {
        StringBuilder td = new StringBuilder("<td data-column=\"").append(column).append('"');
        if ("is_final".equals(column) && "f".equals(value)) {
            td.append(" class=\"open\"");
        }
        if (value != null) {
            td.append(" data-value=\"").append(escape(value)).append('"');
        }
        return td.append('>').append(escape(shown)).append("</td>").toString();
    }

    private static void figure(StringBuilder page, String svg) {
        page.append("<figure>").append(svg).append("</figure>\n");
    }

    private ZonedDateTime local(Instant at) {
        return at.atZone(history.zone());
    }

    private String schedule(Row chat) {
        String day = DayOfWeek.valueOf(chat.text("day_of_week").toUpperCase(Locale.ROOT))
                .getDisplayName(TextStyle.FULL, Locale.UK);
        return day + "s at " + TIME.format(LocalTime.parse(chat.text("local_start")));
    }

    private String span() {
        List<Row> sessions = history.sessions();
        if (sessions.isEmpty()) {
            return "no sessions yet";
        }
        return sessions.size() + " session" + (sessions.size() == 1 ? "" : "s") + ", "
                + DAY.format(local(sessions.get(0).instant("session_start"))) + " to "
                + DAY.format(local(sessions.get(sessions.size() - 1).instant("session_start")));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
