package io.switchboard.outbound.infrastructure.demo;

import io.switchboard.api.Channel;
import io.switchboard.outbound.domain.MessageTemplate;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/** The demo tenant's message templates (OB7): one per channel that greets by name, one that needs no name. */
@Singleton
@Startup
@DependsOn("switchboard-agent-state.jar#DemoDataLoader")
public class OutboundDemoData {

    private static final Logger LOG = Logger.getLogger(OutboundDemoData.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "switchboard.demo.enabled", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        List<?> tenant = em.createNativeQuery("select id from tenant where code = 'demo'", UUID.class).getResultList();
        if (tenant.isEmpty() || !em.createNativeQuery("select 1 from message_template where tenant_id = :t")
                .setParameter("t", tenant.get(0)).getResultList().isEmpty()) {
            return;
        }
        UUID tenantId = (UUID) tenant.get(0);
        em.persist(new MessageTemplate(tenantId, Channel.SMS, "Order update", null,
                "Hi {{customer.firstName}}, this is {{agent.firstName}} from {{company.name}}. Your order is on its "
                        + "way; answer this message if you need anything."));
        em.persist(new MessageTemplate(tenantId, Channel.SMS, "Call back", null,
                "{{company.name}}: we tried to reach you. Answer here or call us back when it suits you."));
        em.persist(new MessageTemplate(tenantId, Channel.EMAIL, "Follow-up", "Following up on your request",
                "Dear {{customer.name}},\n\nThank you for contacting {{company.name}}. I am following up on your "
                        + "request and will stay with it until it is solved.\n\nKind regards,\n{{agent.name}}"));
        em.persist(new MessageTemplate(tenantId, Channel.EMAIL, "Appointment", "Your appointment",
                "Hello,\n\nThis confirms your appointment with {{company.name}}. Answer this email to change it."
                        + "\n\n{{agent.name}}"));
        LOG.info("Demo message templates created");
    }
}
