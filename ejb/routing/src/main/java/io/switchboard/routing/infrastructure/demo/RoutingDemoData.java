package io.switchboard.routing.infrastructure.demo;

import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.MultimediaProfile;
import io.switchboard.routing.domain.RoutingQueue;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Routing for the demo tenant of the run command (after its users exist): a Support queue with every agent as a
 * member, 30 s of After-Call-Work after calls then Ready, one entry point per channel, and a blended profile
 * (1 call, 2 chats, 3 emails, 2 of the others; a live call blocks new chats and SMS).
 */
@Singleton
@Startup
@DependsOn("switchboard-agent-state.jar#DemoDataLoader")
public class RoutingDemoData {

    /** The demo users who take work (not users an administrator added later). */
    private static final String DEMO_AGENTS = "login ~ '^(agent[0-9]+|sup1)$'";

    private static final Logger LOG = Logger.getLogger(RoutingDemoData.class.getName());

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
        load("demo", Map.of(Channel.VOICE, "+551140000001", Channel.EMAIL, "support@demo.example",
                Channel.CHAT, "web-widget", Channel.FACEBOOK, "switchboard-demo", Channel.TWITTER, "@switchboard_demo",
                Channel.SMS, "+551140000002", Channel.WORKITEM, "fax-inbound"));
        load("northwind", Map.of(Channel.VOICE, "+551140000101", Channel.EMAIL, "help@northwind.example",
                Channel.CHAT, "northwind-widget", Channel.SMS, "+551140000102"));
    }

    private void load(String code, Map<Channel, String> addresses) {
        List<?> tenant = em.createNativeQuery("select id from tenant where code = :code", UUID.class)
                .setParameter("code", code).getResultList();
        if (tenant.isEmpty()) {
            return;
        }
        UUID tenantId = (UUID) tenant.get(0);
        boolean loaded = !em.createNativeQuery("select id from routing_queue where tenant_id = :t and name = 'Support'")
                .setParameter("t", tenantId).getResultList().isEmpty();
        if (loaded) {
            return;
        }
        RoutingQueue support = new RoutingQueue(tenantId, "Support", 0, 20, true,
                List.of("SOLVED", "FOLLOW_UP", "ESCALATED"));
        support.configureAfterCallWork(30, "READY", null);
        em.persist(support);
        addresses.forEach((channel, address) -> em.persist(new EntryPoint(tenantId, channel, address, support.id())));
        Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
        capacity.putAll(Map.of(Channel.VOICE, 1, Channel.CHAT, 2, Channel.EMAIL, 3, Channel.SMS, 2,
                Channel.FACEBOOK, 2, Channel.TWITTER, 2, Channel.WORKITEM, 2));
        // A live call blocks new chat and SMS offers; outbound SMS and email, two at a time.
        MultimediaProfile blended = new MultimediaProfile(tenantId, "Blended", capacity,
                Set.of(new MultimediaProfile.Blocking(Channel.VOICE, Channel.CHAT),
                        new MultimediaProfile.Blocking(Channel.VOICE, Channel.SMS)),
                LicenceTier.STANDARD, 2, Set.of(Channel.SMS, Channel.EMAIL));
        em.persist(blended);
        em.flush();
        em.createNativeQuery("insert into queue_member (queue_id, agent_id) select :q, id from agent "
                        + "where tenant_id = :t and " + DEMO_AGENTS)
                .setParameter("q", support.id()).setParameter("t", tenantId).executeUpdate();
        em.createNativeQuery("insert into agent_profile (agent_id, profile_id) select id, :p from agent "
                        + "where tenant_id = :t and " + DEMO_AGENTS + " on conflict (agent_id) do nothing")
                .setParameter("p", blended.id()).setParameter("t", tenantId).executeUpdate();
        LOG.info("Demo routing of tenant '" + code + "' created: queue Support, entry points, profile Blended");
    }
}
