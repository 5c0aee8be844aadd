package io.switchboard.routing.domain;

import jakarta.json.JsonObject;

import static io.switchboard.routing.domain.ContentFields.phone;
import static io.switchboard.routing.domain.ContentFields.text;

/** A call: the telephony platform's call id, the caller's number and the number they dialled. */
final class VoiceContent implements ChannelContent {

    @Override
    public void check(JsonObject json) {
        text(json, "callId", 100);
        phone(json, "callerNumber");
        text(json, "dialledNumber", 40);
    }
}
