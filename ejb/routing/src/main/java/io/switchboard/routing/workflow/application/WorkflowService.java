package io.switchboard.routing.workflow.application;

import io.switchboard.api.error.AccessDeniedException;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.error.InvalidRequestException;
import io.switchboard.api.error.NotFoundException;
import io.switchboard.api.routing.Conversations;
import io.switchboard.persistence.outbox.Outbox;
import io.switchboard.routing.domain.Interaction;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The tenant's workflow triggers and named workflows (OB11), and agents starting one by hand. */
@Stateless
public class WorkflowService {

    /** Task events of inbound work a tenant's workflows may be told of. */
    public enum Trigger { TASK_CREATED, TASK_ROUTED, TASK_ENDED }

    /** A workflow an agent may start: its name (the command's key) and the label agents see. */
    public record Workflow(String name, String label) {
    }

    /** A workflow started: the command's id, as the JMS message carries it. */
    public record Started(UUID commandId, String workflow, UUID interactionId) {
    }

    /** Where agents' commands go: one consumer (the tenant's workflow engine) takes each. */
    public static final String COMMANDS = "java:/jms/queue/SwitchboardWorkflowCommands";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Outbox outbox;

    /** The tenant's triggers changed (observed after commit, so no node keeps reading the old ones). */
    public record TriggersChanged(UUID tenantId) {
    }

    @Inject
    jakarta.enterprise.event.Event<TriggersChanged> changed;

    @EJB
    Conversations conversations;

    @SuppressWarnings("unchecked")
    public Set<Trigger> triggers(UUID tenantId) {
        Set<Trigger> on = EnumSet.noneOf(Trigger.class);
        ((List<String>) em.createNativeQuery("select event from workflow_trigger where tenant_id = :t")
                .setParameter("t", tenantId).getResultList()).forEach(event -> on.add(Trigger.valueOf(event)));
        return on;
    }

    /** Exactly these triggers are on afterwards. */
    public Set<Trigger> changeTriggers(UUID tenantId, Set<Trigger> on) {
        // two administrators at once: one after the other, never a duplicate key
        em.createNativeQuery("select id from tenant where id = :t for update").setParameter("t", tenantId)
                .getResultList();
        em.createNativeQuery("delete from workflow_trigger where tenant_id = :t").setParameter("t", tenantId)
                .executeUpdate();
        for (Trigger trigger : on) {
            em.createNativeQuery("insert into workflow_trigger (tenant_id, event) values (:t, :e)")
                    .setParameter("t", tenantId).setParameter("e", trigger.name()).executeUpdate();
        }
        changed.fire(new TriggersChanged(tenantId));
        return triggers(tenantId);
    }

    @SuppressWarnings("unchecked")
    public List<Workflow> workflows(UUID tenantId) {
        return ((List<Object[]>) em.createNativeQuery("select name, label from workflow where tenant_id = :t "
                        + "order by label, name").setParameter("t", tenantId).getResultList()).stream()
                .map(row -> new Workflow((String) row[0], (String) row[1])).toList();
    }

    public Workflow addWorkflow(UUID tenantId, String name, String label) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("workflow-invalid", "A workflow's name is 1 to 80 lower-case letters, "
                    + "digits and hyphens, starting with a letter or digit (it is the key your workflow engine "
                    + "receives); '" + name + "' is not.");
        }
        String shown = label == null ? "" : label.strip();
        if (shown.isEmpty() || shown.length() > 120 || shown.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("workflow-invalid", "A workflow's label has 1 to 120 characters on "
                    + "one line.");
        }
        int added = em.createNativeQuery("insert into workflow (tenant_id, name, label) values (:t, :n, :l) "
                        + "on conflict do nothing").setParameter("t", tenantId).setParameter("n", name)
                .setParameter("l", shown).executeUpdate();
        if (added == 0) {
            throw new ConflictException("workflow-exists", "The tenant already has a workflow named '" + name + "'.");
        }
        return new Workflow(name, shown);
    }

    public void removeWorkflow(UUID tenantId, String name) {
        if (em.createNativeQuery("delete from workflow where tenant_id = :t and name = :n")
                .setParameter("t", tenantId).setParameter("n", name).executeUpdate() == 0) {
            throw new NotFoundException("workflow-not-found", "No workflow '" + name + "'.");
        }
    }

    /**
     * The agent starts a named workflow on a conversation they have a part in: a JMS command (after commit) carrying
     * the conversation's context — its ids, channel, customer, subject, who started it and when.
     */
    public Started start(UUID tenantId, UUID agentId, UUID interactionId, String name) {
        List<?> label = em.createNativeQuery("select label from workflow where tenant_id = :t and name = :n")
                .setParameter("t", tenantId).setParameter("n", name == null ? "" : name).getResultList();
        if (label.isEmpty()) {
            throw new NotFoundException("workflow-not-found", "No workflow '" + name + "' in this tenant; "
                    + "pick one of its workflows.");
        }
        if (!conversations.readableBy(tenantId, agentId, false, interactionId)) {
            throw new AccessDeniedException("Only the agent who has interaction " + interactionId
                    + " can start a workflow on it.");
        }
        Interaction interaction = em.find(Interaction.class, interactionId);
        UUID commandId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        JsonObjectBuilder command = Json.createObjectBuilder()
                .add("commandId", commandId.toString())
                .add("workflow", name)
                .add("tenantId", tenantId.toString())
                .add("startedBy", agentId.toString())
                .add("startedAt", now.toString())
                .add("interaction", WorkflowContext.of(interaction));
        outbox.add(commandId, COMMANDS, command.build().toString(), Map.of("workflow", name,
                "tenantId", tenantId, "interactionId", interactionId), now);
        return new Started(commandId, name, interactionId);
    }
}
