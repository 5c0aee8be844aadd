package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.Colleague;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.routing.domain.CustomerAddress;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.Interaction;
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

    @Override
    public List<EntryPointRef> entryPoints(Channel channel) {
        return repository.entryPointsOf(channel).stream().map(ConversationService::ref).toList();
    }

    @Override
    public Optional<EntryPointRef> entryPoint(UUID entryPointId) {
        return repository.entryPoint(entryPointId).map(ConversationService::ref);
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
    public boolean followUp(UUID tenantId, UUID interactionId, JsonObject message) {
        Interaction interaction = repository.lockInteraction(tenantId, interactionId);
        Optional<InteractionEvent> appended = interaction.followUp(Json.createObjectBuilder(message)
                .add("from", "customer").add("at", InteractionService.now().toString()).build(),
                InteractionService.now());
        appended.ifPresent(event -> events.fire(List.of(event)));
        return appended.isPresent();
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
