package io.switchboard.routing.workflow.infrastructure;

import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import io.switchboard.api.routing.InteractionState;
import io.switchboard.persistence.outbox.Outbox;
import io.switchboard.routing.domain.Interaction;
import io.switchboard.routing.workflow.application.WorkflowContext;
import io.switchboard.routing.workflow.application.WorkflowService.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * OB11: tells the tenant's workflows of inbound tasks created, routed (offered to an agent) and ended, as the tenant
 * chose, by writing to the outbox in the transaction of the change (published after commit). A conversation an agent
 * started (outbound) never fires them, whatever happens to it later (a transfer to a queue, its end).
 * <p>
 * A tenant's choice is read at most every {@link #FRESH} per node rather than in every routing transaction (the
 * hot path): a change made on this node applies once committed ({@link #forget}), one made on another within that
 * time.
 */
@ApplicationScoped
public class WorkflowTriggers {

    static final String TOPIC = "java:/jms/topic/SwitchboardWorkflowTriggers";
    static final java.time.Duration FRESH = java.time.Duration.ofSeconds(5);

    private record Chosen(List<String> events, long readAt) {
    }

    private final java.util.concurrent.ConcurrentHashMap<UUID, Chosen> chosen =
            new java.util.concurrent.ConcurrentHashMap<>();

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Outbox outbox;

    void record(@Observes InteractionEvents fired) {
        Map<UUID, List<String>> enabled = new HashMap<>();
        for (InteractionEvent event : fired.events()) {
            Optional<Trigger> trigger = triggerOf(event);
            if (trigger.isEmpty() || !enabled.computeIfAbsent(event.tenantId(), this::triggersOf)
                    .contains(trigger.get().name())) {
                continue;
            }
            Interaction interaction = em.find(Interaction.class, event.interactionId());
            if (interaction == null || interaction.outbound()) {
                continue;
            }
            // one notification per event and trigger: a resend after a crash is recognised by its id
            UUID id = UUID.nameUUIDFromBytes(("workflow-trigger:" + event.eventId())
                    .getBytes(StandardCharsets.UTF_8));
            String body = Json.createObjectBuilder().add("notificationId", id.toString())
                    .add("event", trigger.get().name()).add("tenantId", event.tenantId().toString())
                    .add("occurredAt", event.occurredAt().toString())
                    .add("interaction", WorkflowContext.of(interaction)).build().toString();
            Map<String, Object> properties = new HashMap<>();
            properties.put("event", trigger.get().name());
            properties.put("tenantId", event.tenantId());
            properties.put("interactionId", event.interactionId());
            properties.put("channel", event.channel());
            outbox.add(id, TOPIC, body, properties, event.occurredAt());
        }
    }

    private static Optional<Trigger> triggerOf(InteractionEvent event) {
        if (event.cause() == null) {
            return Optional.empty();
        }
        return switch (event.cause()) {
            case CREATED -> Optional.of(Trigger.TASK_CREATED);
            case OFFERED -> Optional.of(Trigger.TASK_ROUTED);
            default -> event.from() != event.to()
                    && (event.to() == InteractionState.DONE || event.to() == InteractionState.ABANDONED)
                    ? Optional.of(Trigger.TASK_ENDED) : Optional.empty();
        };
    }

    /** The tenant changed its triggers on this node (committed): read them again next time. */
    void forget(@Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                io.switchboard.routing.workflow.application.WorkflowService.TriggersChanged changed) {
        chosen.remove(changed.tenantId());
    }

    @SuppressWarnings("unchecked")
    private List<String> triggersOf(UUID tenantId) {
        long now = System.nanoTime();
        Chosen known = chosen.get(tenantId);
        if (known != null && now - known.readAt() < FRESH.toNanos()) {
            return known.events();
        }
        List<String> events = List.copyOf(em.createNativeQuery(
                "select event from workflow_trigger where tenant_id = :t").setParameter("t", tenantId)
                .getResultList());
        chosen.put(tenantId, new Chosen(events, now));
        return events;
    }
}
