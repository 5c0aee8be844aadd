package io.switchboard.api.collaboration;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A consultation opened, got a message or closed; fired in the committing transaction and pushed after commit to its
 * two parties only ({@code parties}) — never to supervisors' boards, the interaction's history or back office.
 *
 * @param kind OPENED, MESSAGE, INVITED (to join the conversation), JOINED or CLOSED
 * @param text the message, for MESSAGE; null otherwise
 */
public record ConsultationEvent(String type, UUID tenantId, UUID consultationId, UUID interactionId, String kind,
                                UUID authorId, String text, Instant occurredAt, List<UUID> parties) {

    public static ConsultationEvent of(UUID tenantId, UUID consultationId, UUID interactionId, String kind,
                                       UUID authorId, String text, Instant at, List<UUID> parties) {
        return new ConsultationEvent("CONSULTATION", tenantId, consultationId, interactionId, kind, authorId, text, at,
                List.copyOf(parties));
    }
}
