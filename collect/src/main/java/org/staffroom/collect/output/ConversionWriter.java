package org.staffroom.collect.output;

import java.util.List;
import org.staffroom.platforms.Conversion;
import org.staffroom.platforms.DeletionEvent;
import org.staffroom.platforms.PostEvent;
import org.staffroom.platforms.publish.KafkaEventWriter;

/**
 * What every collector does with the conversions of one record it has seen: writes the posts its
 * {@link Selection} keeps, the deletions of posts it kept, the rejections worth a person's look
 * (as the import writes them, so that the job keeps them in {@code rejected_posts}), and counts it
 * all. A deletion of a post never kept is not ours: it is counted as seen, not written; so is
 * whatever is not a post (likes, edits, identity events).
 */
public final class ConversionWriter {
    /** Which posts a collector keeps: its platform's rule. */
    public interface Selection {
        /** Whether to write {@code post}; a post kept is remembered, for its deletion and its reposts. */
        boolean keep(PostEvent post);

        /** Whether the post of this id was kept (lately): its deletion is then written. */
        boolean kept(String postId);

        /** Whether a record that cannot be mapped is written as a rejection, or only counted as seen. */
        boolean worthRejecting(Conversion.Unmappable unmappable);
    }

    private final KafkaEventWriter writer;
    private final Selection selection;
    private final CollectorCounts counts;

    public ConversionWriter(KafkaEventWriter writer, Selection selection, CollectorCounts counts) {
        this.writer = writer;
        this.selection = selection;
        this.counts = counts;
    }

    /** One record seen, and what its conversions are. */
    public void seen(List<Conversion> conversions) {
        counts.seen();
        for (Conversion conversion : conversions) {
            if (conversion instanceof Conversion.Converted converted) {
                counts.converted();
                post(converted.event());
            } else if (conversion instanceof Conversion.Deleted deleted) {
                deletion(deleted.event());
            } else if (conversion instanceof Conversion.Unmappable unmappable) {
                rejection(unmappable);
            }
        }
    }

    private void post(PostEvent post) {
        if (selection.keep(post)) {
            counts.kept();
            KafkaOutput.send(writer, post);
        }
    }

    private void deletion(DeletionEvent deletion) {
        if (selection.kept(deletion.id)) {
            counts.deleted();
            KafkaOutput.send(writer, deletion);
        }
    }

    private void rejection(Conversion.Unmappable unmappable) {
        if (selection.worthRejecting(unmappable)) {
            counts.rejected();
            KafkaOutput.sendRejection(writer, unmappable);
        }
    }
}
