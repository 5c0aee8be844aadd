package io.switchboard.interfaces.websocket;

import io.switchboard.api.agentstate.AgentEvent;
import io.switchboard.api.agentstate.AgentEvents;
import io.switchboard.api.json.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes each committed agent event to the sockets that must see it. Runs after commit only, so a rolled-back change
 * is never shown. Sends on one session are serialised, so each socket receives its events in commit order.
 */
@ApplicationScoped
public class AgentEventPush {

    private static final Logger LOG = Logger.getLogger(AgentEventPush.class.getName());

    @Inject
    AgentEventSessions sessions;

    @Inject
    EventJson json;

    void push(@Observes(during = TransactionPhase.AFTER_SUCCESS) AgentEvents committed) {
        committed.events().forEach(this::push);
    }

    private void push(AgentEvent event) {
        String frame = json.toJson(event);
        for (Session session : sessions.recipientsOf(event)) {
            send(session, frame);
        }
    }

    private static void send(Session session, String frame) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            try {
                session.getBasicRemote().sendText(frame);
            } catch (IOException | IllegalStateException e) {
                // The client went away mid-send; its close callback unregisters it, and it resyncs on reconnect.
                LOG.log(Level.FINE, "Dropping event for closed socket " + session.getId(), e);
            }
        }
    }
}
