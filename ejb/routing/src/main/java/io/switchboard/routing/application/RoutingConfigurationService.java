package io.switchboard.routing.application;

import io.switchboard.api.Channel;
import io.switchboard.api.Enums;
import io.switchboard.api.agentstate.AgentDirectory;
import io.switchboard.api.agentstate.ReasonCodeCatalogue;
import io.switchboard.api.agentstate.LicenceTier;
import io.switchboard.api.error.ConflictException;
import io.switchboard.routing.domain.EntryPoint;
import io.switchboard.routing.domain.MultimediaProfile;
import io.switchboard.routing.domain.RoutingQueue;
import io.switchboard.persistence.Constraints;
import io.switchboard.routing.infrastructure.RoutingRepository;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Admins configure routing: queues and their members, entry points, multimedia profiles and who has which. */
@Stateless
public class RoutingConfigurationService {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    RoutingRepository repository;

    @EJB
    AgentDirectory agents;

    @EJB
    ReasonCodeCatalogue reasonCodes;

    /** After-Call-Work settings of a queue: seconds (0 none, -1 until done), next state and its reason. */
    public record AfterCallWork(int seconds, String nextState, String nextReason) {
        public static final AfterCallWork NONE = new AfterCallWork(0, "READY", null);
    }

    public UUID createQueue(UUID tenantId, String name, int priority, int ronaTimeoutSeconds, boolean wrapUpRequired,
                            List<String> wrapUpCodes, AfterCallWork acw, int serviceLevelSeconds) {
        RoutingQueue queue = new RoutingQueue(tenantId, name, priority, ronaTimeoutSeconds, wrapUpRequired,
                wrapUpCodes);
        queue.targetServiceLevel(serviceLevelSeconds);
        queue.configureAfterCallWork(acw.seconds(), acw.nextState(), acw.nextReason());
        if (queue.acwNextReason() != null && !reasonCodes.isActiveAndHeld(tenantId, queue.acwNextReason())) {
            throw new io.switchboard.api.error.InvalidRequestException("unknown-reason-code", "'"
                    + queue.acwNextReason() + "' is not an active Not Ready reason code of this tenant; After-Call-"
                    + "Work can end only in one of those.");
        }
        return persist(queue, queue.id(), "queue-exists", "A queue named '" + name + "' already exists.");
    }

    /** A new service-level threshold for the queue: the KPIs judge every answer in the window by it. */
    public void targetServiceLevel(UUID tenantId, UUID queueId, int seconds) {
        repository.queue(tenantId, queueId).targetServiceLevel(seconds);
    }

    /** How long transfers to agents ring in the queue, and where transfers into it wait. */
    public void configureTransfers(UUID tenantId, UUID queueId, int timeoutSeconds, String position) {
        repository.queue(tenantId, queueId).configureTransfers(timeoutSeconds, position);
    }

    /** Makes exactly these agents of the tenant the queue's members. */
    public void setMembers(UUID tenantId, UUID queueId, Set<UUID> agentIds) {
        repository.queue(tenantId, queueId);
        em.createNativeQuery("delete from queue_member where queue_id = :queue")
                .setParameter("queue", queueId).executeUpdate();
        for (UUID agentId : agentIds) {
            int added = em.createNativeQuery("insert into queue_member (queue_id, agent_id) "
                            + "select :queue, id from agent where id = :agent and tenant_id = :tenant")
                    .setParameter("queue", queueId).setParameter("agent", agentId).setParameter("tenant", tenantId)
                    .executeUpdate();
            if (added == 0) {
                throw new io.switchboard.api.error.InvalidRequestException("unknown-agent",
                        "No agent " + agentId + " in this tenant.");
            }
        }
    }

    /**
     * The mail domains whose mailboxes tenants may make entry points of (comma-separated; none: any). An operator
     * hosting several tenants lists the contact center's domains, so a tenant cannot have the server read a mailbox
     * of the mail server that is not meant for it.
     */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "switchboard.email.mailbox-domains")
    java.util.Optional<List<String>> mailboxDomains;

    public UUID addEntryPoint(UUID tenantId, Channel channel, String address, UUID queueId) {
        repository.queue(tenantId, queueId);
        EntryPoint entryPoint = new EntryPoint(tenantId, channel, address, queueId);
        if (channel == Channel.EMAIL && mailboxDomains.isPresent()) {
            String domain = entryPoint.address().substring(entryPoint.address().indexOf('@') + 1);
            if (mailboxDomains.get().stream().map(d -> d.strip().toLowerCase(java.util.Locale.ROOT))
                    .noneMatch(domain::equals)) {
                throw new io.switchboard.api.error.InvalidRequestException("mailbox-not-allowed", "Mailboxes of "
                        + domain + " are not among this server's (" + String.join(", ", mailboxDomains.get()) + ").");
            }
        }
        repository.add(entryPoint);
        // A mailbox or an SMS number belongs to one tenant (the adapters read it for that tenant alone).
        Constraints.flush(em, Map.of(
                "entry_point_unique", () -> new ConflictException("entry-point-exists",
                        "The " + channel + " entry point '" + address + "' already exists."),
                "entry_point_wire_address_unique", () -> new ConflictException("entry-point-taken",
                        "The " + channel + " address '" + address + "' is already an entry point (of this tenant "
                                + "or another): a mailbox or a number is read for one tenant only.")));
        return entryPoint.id();
    }

    /**
     * A profile's rules beyond capacity: blending ({@code whileEngagedOn → blocks} pairs), the licence it needs
     * (null: STANDARD), the outbound allowance.
     */
    public record ProfileRules(Map<Channel, Set<Channel>> blending, String licenceTier, int maxOutbound,
                               Set<Channel> outboundChannels) {
        public static final ProfileRules NONE = new ProfileRules(Map.of(), null, 0, Set.of());
    }

    public UUID createProfile(UUID tenantId, String name, Map<Channel, Integer> capacity, ProfileRules rules) {
        Set<MultimediaProfile.Blocking> blending = new java.util.HashSet<>();
        rules.blending().forEach((engaged, blocked) -> blocked.forEach(channel ->
                blending.add(new MultimediaProfile.Blocking(engaged, channel))));
        MultimediaProfile profile = new MultimediaProfile(tenantId, name, capacity, blending,
                licenceTier(rules.licenceTier()), rules.maxOutbound(), rules.outboundChannels());
        return persist(profile, profile.id(), "profile-exists", "A profile named '" + name + "' already exists.");
    }

    public void assignProfile(UUID tenantId, UUID agentId, UUID profileId) {
        MultimediaProfile profile = em.find(MultimediaProfile.class, profileId);
        if (profile == null || !profile.tenantId().equals(tenantId)) {
            throw new io.switchboard.api.error.NotFoundException("profile-not-found", "No profile " + profileId + ".");
        }
        LicenceTier agentTier = agents.licenceTierOf(tenantId, agentId).orElseThrow(() ->
                new io.switchboard.api.error.NotFoundException("agent-not-found", "No agent " + agentId + "."));
        profile.requireLicence(agentTier);
        em.createNativeQuery("insert into agent_profile (agent_id, profile_id) "
                        + "select id, :profile from agent where id = :agent and tenant_id = :tenant "
                        + "on conflict (agent_id) do update set profile_id = excluded.profile_id")
                .setParameter("profile", profileId).setParameter("agent", agentId).setParameter("tenant", tenantId)
                .executeUpdate();
    }

    private static LicenceTier licenceTier(String name) {
        return name == null ? LicenceTier.STANDARD
                : Enums.parse(LicenceTier.class, name, "unknown-licence-tier", "licence tier");
    }

    /** Stores a queue, entry point or profile; only a violation of its unique name (address) is a conflict. */
    private UUID persist(Object entity, UUID id, String conflictCode, String conflict) {
        Map<Class<?>, String> uniqueName = Map.of(RoutingQueue.class, "routing_queue_name_unique",
                MultimediaProfile.class, "multimedia_profile_name_unique");
        repository.add(entity);
        Constraints.flush(em, Map.of(uniqueName.get(entity.getClass()),
                () -> new ConflictException(conflictCode, conflict)));
        return id;
    }
}
