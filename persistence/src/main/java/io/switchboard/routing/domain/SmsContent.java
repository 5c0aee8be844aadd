package io.switchboard.routing.domain;

import jakarta.json.JsonObject;

import static io.switchboard.routing.domain.ContentFields.phone;
import static io.switchboard.routing.domain.ContentFields.text;

/**
 * An SMS: the sender's number, the number it was sent to, the text (up to ten concatenated segments); then the
 * conversation's next messages either way in {@code messages}.
 */
final class SmsContent implements ChannelContent {

    static final int MAX_TEXT = 1600;

    @Override
    public void check(JsonObject json) {
        phone(json, "from");
        if (json.containsKey("to")) {
            phone(json, "to");
        }
        // a conversation an agent starts has no customer text yet: its messages come as the agent writes
        if (!json.getBoolean("outbound", false) || json.containsKey("text")) {
            text(json, "text", MAX_TEXT);
        }
    }

    @Override
    public void checkMessage(JsonObject message) {
        text(message, "text", MAX_TEXT);
    }
}
