package io.switchboard.api.collaboration;

import io.switchboard.api.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A private exchange between the agent handling an interaction ({@code requesterId}) and a colleague
 * ({@code consultedId}) about it, with its messages in order. Never part of the interaction's customer-facing content.
 * {@code invitedAt}: when the requester invited the colleague to join the conversation (CO2), null until then.
 */
public record ConsultationView(UUID consultationId, UUID interactionId, Channel channel, String customerAddress,
                               UUID requesterId, UUID consultedId, String state, Instant openedAt, Instant closedAt,
                               UUID closedBy, Instant invitedAt, List<Line> messages) {

    /** One message of the exchange. */
    public record Line(UUID authorId, String text, Instant sentAt) {
    }
}
