package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.Colleague;
import io.switchboard.api.agentstate.ChannelState;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.IllegalTransitionException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.CustomerAddress;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.domain.InteractionContent;
import io.switchboard.persistence.Constraints;
import io.switchboard.routing.infrastructure.RoutingCandidates;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Routing's side of the email and SMS adapters (the {@link Conversations} contract): conversations started through an
 * entry point and routed like any interaction, the customer's follow-ups, and agents' replies written into the
 * conversation in the caller's transaction (the adapter queues the sending in the same one).
 */
@Stateless
@Local(Conversations.class)
public class ConversationService implements Conversations {

    @Inject
    RoutingRepository repository;

    @Inject
    RoutingCandidates candidates;

    @Inject
    InteractionEventsFired events;

    @EJB
    InteractionService interactions;

    @EJB
    AgentDirectory directory;

    @EJB
    io.switchboard.api.agentstate.AgentWork agentWork;

    @Inject
    io.switchboard.routing.infrastructure.Customers customers;

    @Override
    public List<EntryPointRef> entryPoints(Channel channel) {
        return repository.entryPointsOf(channel).stream().map(ConversationService::ref).toList();
    }

    @Override
    public Optional<EntryPointRef> entryPoint(UUID entryPointId) {
        return repository.entryPoint(entryPointId).map(ConversationService::ref);
    }

    @Override
    public List<EntryPointRef> entryPointsOf(UUID tenantId, Channel channel) {
        return repository.entryPointsOf(channel).stream().filter(e -> e.tenantId().equals(tenantId))
                .map(ConversationService::ref).sorted(java.util.Comparator.comparing(EntryPointRef::address)).toList();
    }

    @Override
    public Started start(UUID tenantId, UUID entryPointId, String customerAddress, JsonObject content,
                         String idempotencyKey) {
        EntryPoint entryPoint = repository.entryPoint(entryPointId).filter(e -> e.tenantId().equals(tenantId))
                .orElseThrow(() -> new NotFoundException("entry-point-not-found", "No entry point " + entryPointId
                        + "."));
        var created = interactions.create(tenantId, new InteractionService.NewInteraction(entryPoint.channel(),
                entryPoint.address(), customerAddress, content, idempotencyKey));
        return new Started(created.interaction().interactionId(), created.created());
    }

    @Override
    public Started startOutbound(UUID tenantId, UUID agentId, UUID entryPointId, String customerAddress,
                                 JsonObject content) {
        // the lock order: the agent's row first; their state, allowance and work are read under it
        candidates.lockAgent(agentId);
        EntryPoint entryPoint = repository.entryPoint(entryPointId).filter(e -> e.tenantId().equals(tenantId))
                .orElseThrow(() -> new InvalidRequestException("unknown-entry-point", "No entry point "
                        + entryPointId + " in this tenant."));
        Channel channel = entryPoint.channel();
        if (channel != Channel.SMS && channel != Channel.EMAIL) {
            throw new InvalidRequestException("outbound-channel-unsupported", "Conversations are started by SMS or "
                    + "email; entry point " + entryPoint.address() + " is " + channel + ".");
        }
        var standing = directory.outboundStanding(tenantId, agentId, channel).orElseThrow(() ->
                new NotFoundException("agent-not-found", "No agent " + agentId + "."));
        if (!standing.digitalChannelsEnabled()) {
            throw new IllegalTransitionException("digital-channels-disabled", "This tenant's digital channels are "
                    + "off; no conversation can be started.");
        }
        if (standing.licence() != LicenceTier.PREMIUM) {
            throw new IllegalTransitionException("licence-not-premium", "Starting conversations needs a Premium "
                    + "licence; the agent has " + standing.licence() + ".");
        }
        if (standing.state() != ChannelState.READY && standing.state() != ChannelState.RONA) {
            throw new IllegalTransitionException("not-available", "Conversations are started while Ready or in RONA "
                    + "on " + channel + "; the agent is " + standing.state() + ".");
        }
        candidates.profileOf(agentId).requireOutbound(channel, repository.outboundHeldBy(agentId));
        CustomerAddress address = CustomerAddress.onChannel(channel, customerAddress);
        // an inbound message from this customer starting a conversation right now waits for this one, or this for it
        repository.lockConversationsWith(tenantId, channel, address.address());
        if (repository.openConversationExists(tenantId, channel, address.address())) {
            throw new ConflictException("conversation-exists", "A " + channel + " conversation with "
                    + address.address() + " is open already.");
        }
        InteractionContent checked = InteractionContent.startedByAgent(channel, content);
        Instant now = InteractionService.now();
        Interaction interaction = new Interaction(tenantId, repository.queue(tenantId, entryPoint.queueId()), channel,
                "outbound:" + UUID.randomUUID(), address.address(), checked.json(), now).cameThrough(entryPoint);
        interaction.belongsTo(customers.matchOrCreate(tenantId, address));
        InteractionEvent started = interaction.startOutbound(agentId, now);
        repository.add(interaction);
        // two agents starting one with the same customer at once: the index lets one in
        Constraints.run(repository::flush, java.util.Map.of("interaction_one_active_outbound", () ->
                new ConflictException("conversation-exists", "A " + channel + " conversation with "
                        + address.address() + " was just started by another agent.")));
        agentWork.startWork(tenantId, agentId, channel);
        events.fire(List.of(started));
        return new Started(interaction.id(), true);
    }

    @Override
    public boolean followUp(UUID tenantId, UUID interactionId, JsonObject message) {
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        Optional<InteractionEvent> appended = interaction.followUp(Json.createObjectBuilder(message)
                .add("from", "customer").add("at", InteractionService.now().toString()).build(),
                InteractionService.now());
        appended.ifPresent(event -> events.fire(List.of(event)));
        return appended.isPresent();
    }

    @Override
    public void lockConversationsWith(UUID tenantId, Channel channel, String customerAddress) {
        repository.lockConversationsWith(tenantId, channel,
                CustomerAddress.onChannel(channel, customerAddress).address());
    }

    @Override
    public Optional<UUID> openWith(UUID tenantId, UUID entryPointId, String customerAddress) {
        EntryPoint entryPoint = repository.entryPoint(entryPointId).filter(e -> e.tenantId().equals(tenantId))
                .orElseThrow(() -> new NotFoundException("entry-point-not-found", "No entry point " + entryPointId
                        + "."));
        return repository.openConversationWith(tenantId, entryPoint,
                CustomerAddress.onChannel(entryPoint.channel(), customerAddress).address());
    }

    @Override
    public ReplyTo reply(UUID tenantId, UUID agentId, UUID interactionId, JsonObject message) {
        // the lock order: the agent's row, then the interaction's
        candidates.lockAgent(agentId);
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        var line = Json.createObjectBuilder(message).add("from", "agent").add("agentId", agentId.toString())
                .add("at", InteractionService.now().toString());
        directory.colleague(tenantId, agentId).map(Colleague::displayName).ifPresent(name -> line.add("name", name));
        events.fire(List.of(interaction.reply(agentId, line.build(), InteractionService.now())));
        JsonObject content = Json.createReader(new java.io.StringReader(interaction.content())).readObject();
        return new ReplyTo(interaction.id(), interaction.channel(), interaction.customerAddress(),
                ourAddress(interaction, content), content);
    }

    @Override
    public boolean readableBy(UUID tenantId, UUID agentId, boolean supervisor, UUID interactionId) {
        Interaction interaction = repository.interaction(tenantId, interactionId);
        return supervisor || agentId.equals(interaction.agentId())
                || repository.openParticipation(interactionId, agentId).isPresent();
    }

    @Override
    public boolean inHandsOf(UUID tenantId, UUID agentId, UUID interactionId, io.switchboard.api.Channel channel) {
        Interaction interaction = repository.interaction(tenantId, interactionId);
        return interaction.channel() == channel && interaction.state() == io.switchboard.api.routing.InteractionState.ACTIVE
                && agentId.equals(interaction.agentId());
    }

    /**
     * The address the customer wrote to: the entry point's; for conversations created before entry points were
     * recorded, the one the content names.
     */
    private String ourAddress(Interaction interaction, JsonObject content) {
        Optional<String> entryPoint = interaction.entryPointId().flatMap(repository::entryPoint)
                .map(EntryPoint::address);
        if (entryPoint.isPresent()) {
            return entryPoint.get();
        }
        JsonValue to = content.get("to");
        if (to instanceof JsonString single) {
            return single.getString();
        }
        if (to instanceof jakarta.json.JsonArray many && !many.isEmpty()
                && many.get(0) instanceof JsonString first) {
            return first.getString();
        }
        throw new InvalidRequestException("no-reply-address", "Interaction " + interaction.id()
                + " does not say which address the customer wrote to; it cannot be replied to.");
    }

    private static EntryPointRef ref(EntryPoint entryPoint) {
        return new EntryPointRef(entryPoint.tenantId(), entryPoint.id(), entryPoint.channel(), entryPoint.address());
    }
}
