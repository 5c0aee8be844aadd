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

/** An email: sender, recipients, subject, a text and/or HTML body, and its attachments' names, types and sizes. */
final class EmailContent implements ChannelContent {

    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

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
        optionalText(json, "subject", 998);
        boolean hasText = optionalText(json, "text", 100_000);
        boolean hasHtml = optionalText(json, "html", 100_000);
        if (!hasText && !hasHtml) {
            throw invalid("An email needs a body: content.text, content.html or both.");
        }
        if (json.containsKey("attachments")) {
            for (JsonObject attachment : objects(json, "attachments")) {
                text(attachment, "name", 255);
                String type = text(attachment, "type", 255);
                if (!MEDIA_TYPE.matcher(type).matches()) {
                    throw invalid("Attachment type '" + type + "' is not a media type such as application/pdf.");
                }
                size(attachment, "size", MAX_ATTACHMENT_BYTES);
            }
        }
    }

    private static void requireEmail(String field, String value) {
        if (!EMAIL.matcher(value).matches()) {
            throw invalid("content." + field + " '" + value + "' is not an email address.");
        }
    }
}
