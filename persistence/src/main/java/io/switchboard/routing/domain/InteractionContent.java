package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a customer sent, in the shape its channel has (CH1): a call's ids and numbers, an email's addresses, subject,
 * bodies and attachment list, a chat's customer and transcript, a social message, an SMS, a workitem's document.
 * Content is checked once, when the interaction is created, so every screen and back-office consumer can rely on
 * the fields being there; fields an integration adds beyond these are kept as they are.
 */
public final class InteractionContent {

    /** Stored content is bounded so a chat transcript or an email cannot grow a row without limit. */
    public static final int MAX_BYTES = 128 * 1024;
    public static final int MAX_CHAT_MESSAGE = 4000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");
    private static final Set<String> WORKITEM_KINDS = Set.of("FAX", "PDF", "DOCUMENT");
    private static final long MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;

    private final Channel channel;
    private final JsonObject json;

    private InteractionContent(Channel channel, JsonObject json) {
        this.channel = channel;
        this.json = json;
    }

    /**
     * Checks the content an integration sent for an interaction on {@code channel}.
     *
     * @throws InvalidRequestException {@code content-invalid} naming the field at fault, or {@code content-too-large}
     */
    public static InteractionContent of(Channel channel, JsonObject json) {
        if (json == null) {
            throw invalid("An interaction needs its " + channel + " content.");
        }
        switch (channel) {
            case VOICE -> {
                text(json, "callId", 100);
                phone(json, "callerNumber");
                text(json, "dialledNumber", 40);
            }
            case EMAIL -> email(json);
            case CHAT -> {
                text(json, "customerName", 200);
                if (json.containsKey("messages")) {
                    for (JsonObject message : objects(json, "messages")) {
                        text(message, "from", 40);
                        text(message, "text", MAX_CHAT_MESSAGE);
                    }
                }
            }
            case FACEBOOK -> {
                text(json, "account", 200);
                text(json, "messageId", 200);
                text(json, "text", 8000);
            }
            case TWITTER -> {
                text(json, "handle", 200);
                text(json, "tweetId", 200);
                text(json, "text", 8000);
            }
            case SMS -> {
                phone(json, "from");
                text(json, "text", 1600);
            }
            case WORKITEM -> {
                String kind = text(json, "kind", 20).toUpperCase(Locale.ROOT);
                if (!WORKITEM_KINDS.contains(kind)) {
                    throw invalid("content.kind of a workitem is one of " + WORKITEM_KINDS + "; got '" + kind + "'.");
                }
                text(json, "title", 200);
                size(json, "size", MAX_ATTACHMENT_BYTES);
                text(json, "documentRef", 1000);
            }
        }
        InteractionContent content = new InteractionContent(channel, json);
        content.requireWithinLimit();
        return content;
    }

    /** Content as stored: trusted, it was checked when the interaction was created. */
    public static InteractionContent stored(Channel channel, String json) {
        return new InteractionContent(channel, Json.createReader(new java.io.StringReader(json)).readObject());
    }

    /** A chat message appended to the transcript (agent or customer side). */
    public InteractionContent withChatMessage(String from, String text, Instant at) {
        return withChatMessage(from, null, null, text, at);
    }

    /**
     * An agent's chat message, with their id (so each agent's screen knows its own lines) and display name (which
     * the customer sees), when known.
     */
    public InteractionContent withChatMessage(String from, java.util.UUID author, String name, String text,
                                              Instant at) {
        if (channel != Channel.CHAT) {
            throw new InvalidRequestException("not-a-chat", "Messages are sent in chats; this is " + channel + ".");
        }
        if (text == null || text.isBlank() || text.length() > MAX_CHAT_MESSAGE) {
            throw invalid("A chat message is 1 to " + MAX_CHAT_MESSAGE + " characters.");
        }
        var messages = Json.createArrayBuilder(json.containsKey("messages") ? json.getJsonArray("messages")
                : JsonValue.EMPTY_JSON_ARRAY);
        var message = Json.createObjectBuilder().add("from", from);
        if (author != null) {
            message.add("agentId", author.toString());
        }
        if (name != null) {
            message.add("name", name);
        }
        messages.add(message.add("text", text.strip()).add("at", at.toString()));
        InteractionContent next = new InteractionContent(channel,
                Json.createObjectBuilder(json).add("messages", messages).build());
        next.requireWithinLimit();
        return next;
    }

    public String json() {
        return json.toString();
    }

    private void requireWithinLimit() {
        int bytes = json.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidRequestException("content-too-large", "Interaction content is " + bytes
                    + " bytes; at most " + MAX_BYTES + " are stored.");
        }
    }

    private static void email(JsonObject json) {
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

    private static String text(JsonObject json, String field, int max) {
        if (!(json.get(field) instanceof JsonString value) || value.getString().isBlank()) {
            throw invalid("content." + field + " is required (text).");
        }
        if (value.getString().length() > max) {
            throw invalid("content." + field + " is longer than " + max + " characters.");
        }
        return value.getString().strip();
    }

    private static boolean optionalText(JsonObject json, String field, int max) {
        JsonValue value = json.get(field);
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid("content." + field + " must be text.");
        }
        if (string.getString().length() > max) {
            throw invalid("content." + field + " is longer than " + max + " characters.");
        }
        return !string.getString().isEmpty();
    }

    private static void phone(JsonObject json, String field) {
        String value = text(json, field, 40);
        try {
            CustomerAddress.of(CustomerAddress.Kind.PHONE, value);
        } catch (InvalidRequestException e) {
            throw invalid("content." + field + ": " + e.getMessage());
        }
    }

    private static void size(JsonObject json, String field, long max) {
        if (!(json.get(field) instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0
                || number.longValue() > max) {
            throw invalid("content." + field + " is required: a whole number of bytes from 0 to " + max + ".");
        }
    }

    private static java.util.List<JsonObject> objects(JsonObject json, String field) {
        if (!(json.get(field) instanceof JsonArray array)
                || !array.stream().allMatch(v -> v.getValueType() == JsonValue.ValueType.OBJECT)) {
            throw invalid("content." + field + " must be a list of objects.");
        }
        return array.getValuesAs(JsonObject.class);
    }

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException("content-invalid", detail);
    }
}
