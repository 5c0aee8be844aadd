package io.switchboard.routing.domain;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.regex.Pattern;

import static io.switchboard.routing.domain.ContentFields.EMAIL;
import static io.switchboard.routing.domain.ContentFields.MAX_ATTACHMENT_BYTES;
import static io.switchboard.routing.domain.ContentFields.invalid;
import static io.switchboard.routing.domain.ContentFields.objects;
import static io.switchboard.routing.domain.ContentFields.optionalText;
import static io.switchboard.routing.domain.ContentFields.size;
import static io.switchboard.routing.domain.ContentFields.text;

/**
 * An email: sender, recipients, subject, a text and/or HTML body, and its attachments' names, types and sizes (and
 * the parts refused for their size); then the conversation's follow-ups in {@code messages}.
 */
final class EmailContent implements ChannelContent {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    /** A body as stored; the mail adapter keeps a longer one whole as a file and stores its beginning here. */
    static final int MAX_BODY = 100_000;

    @Override
    public void check(JsonObject json) {
        String from = text(json, "from", 320);
        if (!EMAIL.matcher(from).matches()) {
            throw invalid("content.from '" + from + "' is not an email address.");
        }
        JsonValue to = json.get("to");
        if (to instanceof JsonString single) {
            requireEmail("to", single.getString());
        } else if (to instanceof JsonArray many && !many.isEmpty()) {
            for (JsonValue each : many) {
                requireEmail("to", each instanceof JsonString s ? s.getString() : each.toString());
            }
        } else {
            throw invalid("content.to is required: an email address or a non-empty list of them.");
        }
        // Subject and bodies are optional: customers do send empty emails and files without a word. A conversation an
        // agent starts has its subject (OB9), and its bodies come as the agent writes.
        if (json.getBoolean("outbound", false)) {
            text(json, "subject", 998);
        }
        optionalText(json, "subject", 998);
        optionalText(json, "text", MAX_BODY);
        optionalText(json, "html", MAX_BODY);
        files(json, "attachments");
        files(json, "refused");
    }

    /**
     * A follow-up in the conversation: the customer's next email or an agent's reply ({@code from} says whose), with
     * its own subject, bodies and files.
     */
    @Override
    public void checkMessage(JsonObject message) {
        optionalText(message, "subject", 998);
        optionalText(message, "text", MAX_BODY);
        optionalText(message, "html", MAX_BODY);
        files(message, "attachments");
        files(message, "refused");
    }

    /** Files kept ({@code attachments}) or refused for their size ({@code refused}, with a reason): name, type, size. */
    private static void files(JsonObject json, String field) {
        if (!json.containsKey(field)) {
            return;
        }
        for (JsonObject file : objects(json, field)) {
            text(file, "name", 255);
            String type = text(file, "type", 255);
            if (!MEDIA_TYPE.matcher(type).matches()) {
                throw invalid("Attachment type '" + type + "' is not a media type such as application/pdf.");
            }
            size(file, "size", MAX_ATTACHMENT_BYTES);
        }
    }

    private static void requireEmail(String field, String value) {
        if (!EMAIL.matcher(value).matches()) {
            throw invalid("content." + field + " '" + value + "' is not an email address.");
        }
    }
}
