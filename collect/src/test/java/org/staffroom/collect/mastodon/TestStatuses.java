package org.staffroom.collect.mastodon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Status entities in the shape Mastodon's REST and streaming APIs give them (the fields the
 * converter reads, and a few it does not), written for these tests. The same post seen through
 * two servers has one {@code uri} and a local {@code id} on each.
 */
final class TestStatuses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestStatuses() {}

    /**
     * @param localId the status' id on the server asked
     * @param acct {@code user@domain}, or a bare user for an account of the server asked
     * @param home the account's own server, where its uri and profile live
     */
    static ObjectNode status(String localId, String uri, String createdAt, String acct, String home, long followers,
                             String text, String tag) {
        String user = acct.contains("@") ? acct.substring(0, acct.indexOf('@')) : acct;
        ObjectNode status = JSON.createObjectNode()
                .put("id", localId)
                .put("created_at", createdAt)
                .putNull("in_reply_to_id")
                .putNull("in_reply_to_account_id")
                .put("sensitive", false)
                .put("spoiler_text", "")
                .put("visibility", "public")
                .put("language", "en")
                .put("uri", uri)
                .put("url", uri.replace("/users/" + user + "/statuses/", "/@" + user + "/"))
                .put("replies_count", 0)
                .put("reblogs_count", 0)
                .put("favourites_count", 0)
                .putNull("edited_at")
                .put("content", "<p>" + text + " <a href=\"https://" + home + "/tags/" + tag
                        + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + tag + "</span></a></p>");
        status.putNull("reblog");
        status.putObject("account")
                .put("id", "1090000000" + Math.abs(acct.hashCode()))
                .put("username", user)
                .put("acct", acct)
                .put("display_name", user)
                .put("url", "https://" + home + "/@" + user)
                .put("uri", "https://" + home + "/users/" + user)
                .put("followers_count", followers);
        status.putArray("media_attachments");
        status.putArray("mentions");
        ArrayNode tags = status.putArray("tags");
        tags.addObject().put("name", tag).put("url", "https://" + home + "/tags/" + tag);
        status.putArray("emojis");
        status.putNull("card");
        status.putNull("poll");
        return status;
    }

    /** The same status as another server gives it: its own local id, and the acct qualified if it was bare. */
    static ObjectNode seenFrom(ObjectNode status, String localId, String homeDomain) {
        ObjectNode copy = status.deepCopy();
        copy.put("id", localId);
        ObjectNode account = (ObjectNode) copy.get("account");
        String acct = account.get("acct").asText();
        if (!acct.contains("@")) {
            account.put("acct", acct + "@" + homeDomain);
        }
        return copy;
    }
}
