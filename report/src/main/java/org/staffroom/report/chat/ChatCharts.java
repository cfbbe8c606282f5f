package org.staffroom.report.chat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, drawn with JFreeChart into SVG (JFreeSVG) on the server: the page needs no
 * script and no network, and prints as it shows. One method per chart; each returns an
 * {@code <svg>} element with the given id.
 */
final class ChatCharts {
    private static final int WIDTH = 860;
    private static final int HEIGHT = 340;
    private static final Font TEXT = new Font("SansSerif", Font.PLAIN, 12);
    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 14);
    /** Colour-blind safe (Okabe and Ito). */
    private static final Paint[] SERIES = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00)};

    private ChatCharts() {}

    /** Participants of each session, new on top of returning, and the line of those retained from the week before. */
    static String participants(List<Row> sessions, Function<Row, String> label) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        DefaultCategoryDataset retained = new DefaultCategoryDataset();
        for (Row s : sessions) {
            bars.addValue(s.count("returning_participants"), "returning", label.apply(s));
            bars.addValue(s.count("new_participants"), "new", label.apply(s));
            retained.addValue(s.count("retained_from_previous"), "retained from the week before", label.apply(s));
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Participants per session", "Session (local date)",
                "Participants", bars, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = styled(chart);
        overlayLine(plot, retained, 2);
        return svg(chart, "chart-participants");
    }

    /** Posts of each session by kind. */
    static String postsByKind(List<Row> sessions, Function<Row, String> label) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        for (Row s : sessions) {
            for (String kind : List.of("originals", "replies", "quotes", "retweets")) {
                bars.addValue(s.count(kind), kind, label.apply(s));
            }
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Posts per session, by kind", "Session (local date)",
                "Posts", bars, PlotOrientation.VERTICAL, true, false, false);
        styled(chart);
        return svg(chart, "chart-posts");
    }

    /** The brokering, link, mention and reply ratios of each session. */
    static String ratios(List<Row> sessions, Function<Row, String> label) {
        DefaultCategoryDataset lines = new DefaultCategoryDataset();
        for (Row s : sessions) {
            for (String ratio : List.of("brokering_ratio", "link_ratio", "mention_ratio", "reply_ratio")) {
                lines.addValue(s.number(ratio), ratio.replace("_ratio", ""), label.apply(s));
            }
        }
        JFreeChart chart = ChartFactory.createLineChart("Knowledge brokering: share of posts", "Session (local date)",
                "Share of the session's posts", lines, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = styled(chart);
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.UK));
        axis.setRange(0, 1);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        for (int i = 0; i < 4; i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return svg(chart, "chart-ratios");
    }

    /** Posts in each session against the rest of its week (the chat's hashtag outside the session). */
    static String sessionAgainstWeek(List<Row> weeks, Function<Row, String> label) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        for (Row w : weeks) {
            bars.addValue(w.count("session_posts"), "in the session", label.apply(w));
            bars.addValue(w.count("rest_posts"), "rest of the week", label.apply(w));
        }
        JFreeChart chart = ChartFactory.createBarChart("The session against the rest of its week",
                "Week (local date of its Monday)", "Posts", bars, PlotOrientation.VERTICAL, true, false, false);
        styled(chart);
        return svg(chart, "chart-week");
    }

    /** The latest session's posts and participants by platform. */
    static String platforms(List<Row> platforms) {
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        for (Row p : platforms) {
            bars.addValue(p.count("posts"), "posts", p.text("platform"));
            bars.addValue(p.count("participants"), "participants", p.text("platform"));
            bars.addValue(p.count("new_participants"), "new participants", p.text("platform"));
        }
        JFreeChart chart = ChartFactory.createBarChart("The latest session by platform", "Platform", "Count", bars,
                PlotOrientation.VERTICAL, true, false, false);
        styled(chart);
        return svg(chart, "chart-platforms");
    }

    private static CategoryPlot styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setTitle(new TextTitle(chart.getTitle().getText(), TITLE));
        chart.getLegend().setItemFont(TEXT);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        domain.setTickLabelFont(TEXT);
        domain.setLabelFont(TEXT);
        plot.getRangeAxis().setTickLabelFont(TEXT);
        plot.getRangeAxis().setLabelFont(TEXT);
        if (plot.getRenderer() instanceof BarRenderer bars) {
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setDrawBarOutline(false);
        }
        for (int i = 0; i < SERIES.length; i++) {
            plot.getRenderer().setSeriesPaint(i, SERIES[i]);
        }
        return plot;
    }

    private static void overlayLine(CategoryPlot plot, DefaultCategoryDataset line, int colour) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, SERIES[colour]);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, line);
        plot.setRenderer(1, renderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    }

    private static String svg(JFreeChart chart, String id) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement(id);
    }
}
