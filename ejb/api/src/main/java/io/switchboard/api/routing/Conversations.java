package io.switchboard.api.routing;

import io.switchboard.api.Channel;
import jakarta.json.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the channel adapters (email, SMS) ask of routing, inside the caller's transaction: where customers write
 * to, a new conversation through an entry point (created and routed like any interaction), a customer's follow-up
 * in a conversation still open, and an agent's reply written into the conversation before it is sent. Routing checks
 * every message against the channel's content shape and announces each change as an {@link InteractionEvent}.
 */
public interface Conversations {

    /** An entry point of a tenant: where customers write to. */
    record EntryPointRef(UUID tenantId, UUID entryPointId, Channel channel, String address) {
    }

    /** The interaction and whether this call created it (false: its idempotency key was seen before). */
    record Started(UUID interactionId, boolean created) {
    }

    /** What a reply needs: the customer's address, the entry point's (the reply leaves from it), the content. */
    record ReplyTo(UUID interactionId, Channel channel, String customerAddress, String entryPointAddress,
                   JsonObject content) {
    }

    /** Every tenant's entry points of a channel (the mailboxes to poll). */
    List<EntryPointRef> entryPoints(Channel channel);

    Optional<EntryPointRef> entryPoint(UUID entryPointId);

    /** A tenant's entry points of a channel, by address (where an agent's conversation may leave from). */
    List<EntryPointRef> entryPointsOf(UUID tenantId, Channel channel);

    /** A new conversation through the entry point, routed at once; idempotent on {@code idempotencyKey}. */
    Started start(UUID tenantId, UUID entryPointId, String customerAddress, JsonObject content, String idempotencyKey);

    /**
     * OB1–OB6: an agent starts a conversation with a customer through one of the tenant's SMS or email entry points;
     * it is theirs at once (ACTIVE, accepted by starting it, counted against their capacity and outbound allowance).
     * Refused, each with its reason, unless the tenant's digital channels are on, the agent's licence is Premium,
     * they are Ready or in RONA on the channel, their profile allows outbound on it and its maximum is not reached,
     * and no open conversation with that address on that channel exists in the tenant (a database constraint
     * decides between two agents starting one at once). Refused as a whole: nothing of it stays.
     */
    Started startOutbound(UUID tenantId, UUID agentId, UUID entryPointId, String customerAddress, JsonObject content);

    /**
     * The customer wrote again in the conversation: appended to its {@code messages} while it is waiting, offered,
     * in hand or parked (its row locked); false when it is closed (wrap-up, done, abandoned) or too large to take
     * more, and the caller starts a new one.
     */
    boolean followUp(UUID tenantId, UUID interactionId, JsonObject message);

    /**
     * Serialises, until the transaction ends and across nodes, everything that opens a conversation with this
     * customer address on this channel: an inbound SMS or email starting one and an agent starting one wait for each
     * other, so neither misses the other's and two open conversations never result.
     */
    void lockConversationsWith(UUID tenantId, Channel channel, String customerAddress);

    /**
     * The customer's newest open conversation through this entry point, if any (not closed, see {@link #followUp}):
     * a customer who texts a tenant's sales number and its support number has two conversations.
     */
    Optional<UUID> openWith(UUID tenantId, UUID entryPointId, String customerAddress);

    /**
     * The agent's reply, appended to the conversation's {@code messages} (with their id and display name): refused
     * unless the interaction is an email or SMS, active and in this agent's hands.
     */
    ReplyTo reply(UUID tenantId, UUID agentId, UUID interactionId, JsonObject message);

    /**
     * Whether the caller may read the conversation's replies and files: its holder, an agent with a part in it (a
     * transfer's sender or target, a colleague in conference), or a supervisor of the tenant.
     */
    boolean readableBy(UUID tenantId, UUID agentId, boolean supervisor, UUID interactionId);

    /** Whether the conversation is on {@code channel}, active and in this agent's hands (they may write in it). */
    boolean inHandsOf(UUID tenantId, UUID agentId, UUID interactionId, io.switchboard.api.Channel channel);
}
