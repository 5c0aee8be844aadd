package io.switchboard.platform.outbox;

import io.switchboard.persistence.outbox.OutboxMessage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.TextMessage;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.StringReader;
import java.util.List;

/**
 * Publishes one batch of outbox rows in one transaction: the rows are locked with {@code SKIP LOCKED} (so several
 * relays, on one node or many, never take the same row), sent through the JTA-enlisted connection factory and
 * deleted. The JMS sends and the deletes commit together; on any failure both roll back and the rows wait for the
 * next attempt. A crash between the two commits can only resend, never lose: the event id is the message's
 * duplicate-detection id, and consumers de-duplicate on it too.
 */
@Stateless
public class OutboxBatch {

    static final int SIZE = 200;

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Resource(lookup = "java:/JmsXA")
    ConnectionFactory connectionFactory;

    private final JsonProvider jsonp = JsonProvider.provider();

    /** @return how many messages were published; {@link #SIZE} means there may be more */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public int publishNext() throws JMSException, NamingException {
        List<OutboxMessage> batch = em.createNativeQuery("select * from outbox_message order by id limit "
                + SIZE + " for update skip locked", OutboxMessage.class).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            InitialContext naming = new InitialContext();
            for (OutboxMessage row : batch) {
                TextMessage message = context.createTextMessage(row.payload());
                message.setStringProperty("_AMQ_DUPL_ID", row.eventId().toString());
                copyProperties(row.properties(), message);
                producer.send((Destination) naming.lookup(row.destination()), message);
            }
        }
        em.createQuery("delete from OutboxMessage m where m.id in :ids")
                .setParameter("ids", batch.stream().map(OutboxMessage::id).toList()).executeUpdate();
        return batch.size();
    }

    private void copyProperties(String json, TextMessage message) throws JMSException {
        JsonObject properties = jsonp.createReader(new StringReader(json)).readObject();
        for (var entry : properties.entrySet()) {
            JsonValue value = entry.getValue();
            if (value instanceof JsonNumber number) {
                message.setLongProperty(entry.getKey(), number.longValue());
            } else if (value instanceof JsonString string) {
                message.setStringProperty(entry.getKey(), string.getString());
            }
        }
    }
}
