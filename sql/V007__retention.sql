-- Staffroom schema, part 7: retention. org.staffroom.schema.Retention, run by the schema's owner,
-- deletes rows of rejected_posts and late_posts by received_at and of dead_letters by refused_at;
-- late_posts was indexed by created_at only, and each of its batches would scan the table.
CREATE INDEX late_posts_by_received ON late_posts (received_at);
