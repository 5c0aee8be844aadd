package io.switchboard.it;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A back-office consumer of an event topic on the server's embedded broker, reached the way an external
 * system reaches it: Artemis core protocol over HTTP upgrade on port 8080, as the back-office user.
 */
public final class BackOfficeTopic implements AutoCloseable {

    private final JMSContext context;
    private final JMSConsumer consumer;

    private BackOfficeTopic(String topic, String selector) {
        this(topic, selector, false);
    }

    private BackOfficeTopic(String destination, String selector, boolean queue) {
        // No client-side buffer: unread messages stay on the broker, as a slow consumer's would.
        ConnectionFactory factory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor&enable1xPrefixes=true"
                        + "&consumerWindowSize=0");
        this.context = factory.createContext(System.getProperty("switchboard.backoffice.user", "backoffice"),
                System.getProperty("switchboard.backoffice.password", "Backoffice-dev-1"), JMSContext.AUTO_ACKNOWLEDGE);
        this.consumer = context.createConsumer(queue ? context.createQueue(destination)
                : context.createTopic(destination), selector);
    }

    /** Subscribes to one agent's events (a JMS selector on the agentId property). */
    public static BackOfficeTopic forAgent(String agentId) {
        return new BackOfficeTopic("SwitchboardAgentEvents", "agentId = '" + agentId + "'");
    }

    /** Subscribes to every interaction event. */
    public static BackOfficeTopic interactions() {
        return new BackOfficeTopic("SwitchboardInteractionEvents", null);
    }

    /** Subscribes to the tenant's workflow triggers (OB11). */
    public static BackOfficeTopic workflowTriggers() {
        return new BackOfficeTopic("SwitchboardWorkflowTriggers", null);
    }

    /** Takes agents' workflow commands for one interaction from their queue, as the workflow engine would (OB11). */
    public static BackOfficeTopic workflowCommands(String interactionId) {
        return new BackOfficeTopic("SwitchboardWorkflowCommands", "interactionId = '" + interactionId + "'", true);
    }

    /** The next message's body, or null when none arrives within the wait. */
    public String next(long waitMillis) {
        try {
            Message message = consumer.receive(waitMillis);
            return message == null ? null : ((TextMessage) message).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    public Message nextMessage(long waitMillis) {
        return consumer.receive(waitMillis);
    }

    @Override
    public void close() {
        context.close();
    }
}
