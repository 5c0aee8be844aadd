package io.switchboard.channels.sms.application;

import io.switchboard.api.routing.Conversations;
import io.switchboard.channels.domain.OutboundMessage;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** An agent's SMS reply: from the entry point's number the customer wrote to, to the customer's. */
@ApplicationScoped
public class SmsReplies {

    public OutboundMessage compose(UUID tenantId, UUID agentId, UUID replyId, Conversations.ReplyTo to, String text,
                                   Instant now) {
        return OutboundMessage.sms(replyId, tenantId, to.interactionId(), agentId, to.entryPointAddress(),
                to.customerAddress(), text, now);
    }
}
