package io.switchboard.agentstate.infrastructure.demo;

import io.switchboard.agentstate.application.PasswordHasher;
import io.switchboard.agentstate.domain.Agent;
import io.switchboard.agentstate.domain.ReasonCode;
import io.switchboard.agentstate.domain.Role;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.api.Channel;
import io.switchboard.api.agentstate.LicenceTier;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Logger;

import static io.switchboard.api.Channel.CHAT;
import static io.switchboard.api.Channel.EMAIL;
import static io.switchboard.api.Channel.FACEBOOK;
import static io.switchboard.api.Channel.SMS;
import static io.switchboard.api.Channel.TWITTER;
import static io.switchboard.api.Channel.VOICE;
import static io.switchboard.api.Channel.WORKITEM;

/**
 * The demo tenant of the run command, created once when {@code switchboard.demo.enabled} is true: an admin, two
 * supervisors, twenty agents with varied channels, an integration user and reason codes, with Pending Not Ready on.
 * Production deployments leave it off; it is not a migration.
 */
@Singleton
@Startup
public class DemoDataLoader {

    public static final String TENANT = "demo";
    public static final String PASSWORD = "switchboard";
    public static final String SECOND_TENANT = "northwind";

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    PasswordHasher hasher;

    @Inject
    @ConfigProperty(name = "switchboard.demo.enabled", defaultValue = "false")
    boolean enabled;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        loadDemo();
        loadSecondTenant();
    }

    /** A second, small tenant, so that two contact centers can be seen side by side (and kept apart). */
    private void loadSecondTenant() {
        if (tenants.byCode(SECOND_TENANT).isPresent()) {
            return;
        }
        Tenant tenant = new Tenant(SECOND_TENANT, "Northwind Traders Support");
        em.persist(tenant);
        for (String[] reason : new String[][] {{"BREAK", "Break"}, {"LUNCH", "Lunch"}}) {
            em.persist(new ReasonCode(tenant.id(), reason[0], reason[1]));
        }
        String hash = hasher.hash(PASSWORD.toCharArray());
        Instant now = Instant.now();
        user(tenant, "admin", "Nadia Admin", "1000", Set.of(Role.ADMIN), Set.of(), hash, now);
        user(tenant, "backoffice", "Northwind Integration", "1099", Set.of(Role.INTEGRATION), Set.of(), hash, now);
        user(tenant, "sup1", "Nuno Supervisor", "1901", Set.of(Role.SUPERVISOR, Role.AGENT),
                EnumSet.allOf(Channel.class), hash, now);
        for (int i = 1; i <= 3; i++) {
            user(tenant, String.format("agent%02d", i), "Northwind Agent " + i, String.valueOf(2000 + i),
                    Set.of(Role.AGENT), EnumSet.of(VOICE, EMAIL, CHAT, SMS), hash, now);
        }
        LOG.info("Demo tenant '" + SECOND_TENANT + "' created: admin, sup1, agent01..agent03, backoffice");
    }

    private void loadDemo() {
        if (tenants.byCode(TENANT).isPresent()) {
            return;
        }
        Tenant tenant = new Tenant(TENANT, "Demo Contact Center");
        tenant.changePendingNotReady(true);
        em.persist(tenant);
        for (String[] reason : new String[][] {{"BREAK", "Break"}, {"LUNCH", "Lunch"}, {"TRAINING", "Training"},
                {"MEETING", "Meeting"}, {"COACHING", "Coaching"}}) {
            em.persist(new ReasonCode(tenant.id(), reason[0], reason[1]));
        }
        String hash = hasher.hash(PASSWORD.toCharArray());
        Instant now = Instant.now();
        user(tenant, "admin", "Ada Admin", "1000", Set.of(Role.ADMIN), Set.of(), hash, now);
        user(tenant, "backoffice", "Back Office Integration", "1099", Set.of(Role.INTEGRATION), Set.of(), hash, now);
        user(tenant, "sup1", "Sofia Supervisor", "1901", Set.of(Role.SUPERVISOR, Role.AGENT),
                EnumSet.allOf(Channel.class), hash, now);
        user(tenant, "sup2", "Samuel Supervisor", "1902", Set.of(Role.SUPERVISOR), Set.of(), hash, now);
        for (int i = 1; i <= 20; i++) {
            user(tenant, String.format("agent%02d", i), "Agent " + i, String.valueOf(2000 + i), Set.of(Role.AGENT),
                    channelsOf(i), hash, now);
        }
        LOG.info("Demo tenant '" + TENANT + "' created: admin, sup1, sup2, agent01..agent20, backoffice");
    }

    private void user(Tenant tenant, String login, String name, String extension, Set<Role> roles,
                      Set<Channel> channels, String hash, Instant now) {
        LicenceTier tier = login.hashCode() % 2 == 0 ? LicenceTier.PREMIUM : LicenceTier.STANDARD;
        Agent agent = new Agent(tenant.id(), login, name, extension, tier, hash, roles);
        agent.assignChannels(channels, now);
        em.persist(agent);
    }

    private static Set<Channel> channelsOf(int agentNumber) {
        return switch ((agentNumber - 1) / 4) {
            case 0 -> EnumSet.allOf(Channel.class);
            case 1 -> EnumSet.of(VOICE, EMAIL);
            case 2 -> EnumSet.of(CHAT, EMAIL, SMS, FACEBOOK, TWITTER);
            case 3 -> EnumSet.of(VOICE);
            default -> EnumSet.of(WORKITEM, EMAIL, CHAT);
        };
    }
}
