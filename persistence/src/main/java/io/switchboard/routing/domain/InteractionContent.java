package io.switchboard.routing.domain;

import io.switchboard.api.Channel;
import io.switchboard.api.error.InvalidRequestException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a customer sent, in the shape its channel has (CH1; each channel's shape is its own {@link ChannelContent}
 * class): a call's ids and numbers, an email's addresses, subject, bodies and attachment list, a chat's customer and
 * transcript, a social message, an SMS, a workitem's document. Content is checked once, when the interaction is
 * created, so every screen and back-office consumer can rely on the fields being there; fields an integration adds
 * beyond these are kept as they are.
 */
public final class InteractionContent {

    /** Stored content is bounded so a chat transcript or an email cannot grow a row without limit. */
    public static final int MAX_BYTES = 128 * 1024;
    public static final int MAX_CHAT_MESSAGE = 4000;

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
        if (json != null && json.containsKey("outbound")) {
            throw invalid("content.outbound is the server's: a conversation is outbound when an agent starts it.");
        }
        return checked(channel, json);
    }

    /** The content of a conversation an agent starts (OB1): marked {@code outbound}, its messages still to come. */
    public static InteractionContent startedByAgent(Channel channel, JsonObject json) {
        return checked(channel, Json.createObjectBuilder(json).add("outbound", true).build());
    }

    private static InteractionContent checked(Channel channel, JsonObject json) {
        if (json == null) {
            throw invalid("An interaction needs its " + channel + " content.");
        }
        ChannelContent.BY_CHANNEL.get(channel).check(json);
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

    /**
     * The conversation's next message on an email or SMS (a customer's follow-up, an agent's reply), checked against
     * the channel's shape and appended to {@code messages}.
     *
     * @throws InvalidRequestException {@code content-invalid}, {@code not-a-conversation}, or {@code content-too-large}
     *                                 when the conversation holds no more
     */
    public InteractionContent withMessage(JsonObject message) {
        String from = message.getString("from", "");
        if (!from.equals("customer") && !from.equals("agent")) {
            throw invalid("A message is from the customer or an agent, not '" + from + "'.");
        }
        ChannelContent.BY_CHANNEL.get(channel).checkMessage(message);
        var messages = Json.createArrayBuilder(json.containsKey("messages") ? json.getJsonArray("messages")
                : JsonValue.EMPTY_JSON_ARRAY);
        InteractionContent next = new InteractionContent(channel,
                Json.createObjectBuilder(json).add("messages", messages.add(message)).build());
        next.requireWithinLimit();
        return next;
    }

    public JsonObject asJson() {
        return json;
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

    private static InvalidRequestException invalid(String detail) {
        return new InvalidRequestException("content-invalid", detail);
    }
}
