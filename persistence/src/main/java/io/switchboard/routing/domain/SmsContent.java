package io.switchboard.routing.domain;

import jakarta.json.JsonObject;

import static io.switchboard.routing.domain.ContentFields.phone;
import static io.switchboard.routing.domain.ContentFields.text;

/** An SMS: the sender's number and the text (up to ten concatenated segments). */
final class SmsContent implements ChannelContent {

    @Override
    public void check(JsonObject json) {
        phone(json, "from");
        text(json, "text", 1600);
    }
}
