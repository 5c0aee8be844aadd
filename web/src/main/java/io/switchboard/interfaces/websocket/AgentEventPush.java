package io.switchboard.interfaces.websocket;

import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.delivery.Delivery;
import io.switchboard.api.json.EventJson;
import io.switchboard.api.routing.InteractionEvent;
import io.switchboard.api.routing.InteractionEvents;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pushes each committed agent and interaction event to the sockets that must see it: those of the agent concerned
 * (for an interaction event, also of the agent who held or was offered it before) and the tenant's observers
 * (supervisors, admins). Runs after commit only, so a rolled-back change is never shown.
 * <p>
 * Order: the after-commit observers of two commits race, so frames pass a {@link Resequencer} first, per agent for
 * agent events and per interaction for interaction events. Each socket therefore receives one agent's events, and
 * one interaction's events, in sequence order; an event whose predecessor has not come waits at most
 * {@code switchboard.push.reorder-grace-ms} (default 250), and a key unused for
 * {@code switchboard.push.reorder-idle-ms} (default 60 000) is forgotten. Events of different agents or interactions
 * keep no order between them.
 * <p>
 * The committing thread only serialises the event and hands the frame to the {@link Delivery} port, which queues it
 * on each recipient's socket and sends asynchronously; a slow client is closed, never waited for.
 */
@ApplicationScoped
public class AgentEventPush {

    @Inject
    Delivery delivery;

    @Inject
    EventJson json;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "switchboard.push.reorder-grace-ms", defaultValue = "250")
    long graceMillis;

    @Inject
    @ConfigProperty(name = "switchboard.push.reorder-idle-ms", defaultValue = "60000")
    long idleMillis;

    private Resequencer<UUID, Frame> agentStreams;
    private Resequencer<UUID, Frame> interactionStreams;
    private ScheduledFuture<?> forgetting;

    @PostConstruct
    void start() {
        Duration grace = Duration.ofMillis(graceMillis);
        Duration idle = Duration.ofMillis(idleMillis);
        // An agent's stream is remembered for an hour (few keys, and a forgotten one restarts at whatever comes
        // first); an interaction's always starts at 1, so it can be forgotten after the idle time.
        agentStreams = new Resequencer<>(scheduler, grace, Duration.ofHours(1).plus(idle), this::send);
        interactionStreams = new Resequencer<>(scheduler, grace, idle, 1, this::send);
        forgetting = scheduler.scheduleWithFixedDelay(() -> {
            agentStreams.forgetIdle();
            interactionStreams.forgetIdle();
        }, idleMillis, idleMillis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        forgetting.cancel(false);
    }

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEvents committed) {
        for (AgentEvent event : committed.events()) {
            agentStreams.accept(event.agentId(), event.sequence(),
                    new Frame(event.tenantId(), List.of(event.agentId()), json.toJson(event)));
        }
    }

    /**
     * Offers and every later step reach the agent concerned, the agent it was taken from (an offer withdrawn, a
     * customer who left), the other agent of a transfer, and observers, in order, after commit.
     */
    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) InteractionEvents committed) {
        for (InteractionEvent event : committed.events()) {
            List<UUID> agents = Stream.concat(Stream.of(event.agentId(), event.formerAgentId(),
                            event.counterpartId()), event.conference().stream())
                    .filter(Objects::nonNull).distinct().toList();
            interactionStreams.accept(event.interactionId(), event.sequence(),
                    new Frame(event.tenantId(), agents, json.toJson(event)));
        }
    }

    private void send(Frame frame) {
        delivery.toAgentsAndObservers(frame.tenantId(), frame.agentIds(), frame.json());
    }

    /** One event as it goes out, with the agents it concerns. */
    private record Frame(UUID tenantId, List<UUID> agentIds, String json) {
    }
}
