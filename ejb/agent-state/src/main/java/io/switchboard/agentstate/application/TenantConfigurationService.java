package io.switchboard.agentstate.application;

import io.switchboard.agentstate.domain.ReasonCode;
import io.switchboard.agentstate.domain.Tenant;
import io.switchboard.agentstate.infrastructure.persistence.ReasonCodes;
import io.switchboard.agentstate.infrastructure.persistence.Tenants;
import io.switchboard.api.agentstate.ReasonCodeView;
import io.switchboard.api.agentstate.TenantSettingsView;
import io.switchboard.api.error.ConflictException;
import io.switchboard.api.routing.ReasonCodeUsage;
import io.switchboard.persistence.Constraints;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant's settings and Not Ready reason codes, managed by admins and read by everyone in the tenant. */
@Stateless
public class TenantConfigurationService {

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    ReasonCodes reasonCodes;

    @EJB
    ReasonCodeUsage usage;

    public TenantSettingsView settings(UUID tenantId) {
        return viewOf(tenants.byId(tenantId));
    }

    /** Changes the settings given (null: unchanged). */
    public TenantSettingsView changeSettings(UUID tenantId, Boolean pendingNotReady, Boolean digitalChannels,
                                             Boolean pciRestricted) {
        Tenant tenant = tenants.byId(tenantId);
        em.lock(tenant, LockModeType.PESSIMISTIC_WRITE);
        if (pendingNotReady != null) {
            tenant.changePendingNotReady(pendingNotReady);
        }
        if (pciRestricted != null) {
            tenant.changePciRestricted(pciRestricted);
        }
        if (digitalChannels != null) {
            tenant.changeDigitalChannels(digitalChannels);
        }
        return viewOf(tenant);
    }

    public List<ReasonCodeView> reasonCodes(UUID tenantId) {
        return reasonCodes.allOf(tenantId).stream().map(TenantConfigurationService::view).toList();
    }

    public ReasonCodeView addReasonCode(UUID tenantId, String code, String label) {
        ReasonCode reason = new ReasonCode(tenantId, code, label);
        reasonCodes.add(reason);
        Constraints.flush(em, Map.of("reason_code_unique_per_tenant",
                () -> new ConflictException("reason-code-exists", "Reason code '" + code + "' already exists.")));
        return view(reason);
    }

    /** Relabels or (de)activates a reason code; one that a queue's After-Call-Work ends in cannot be retired. */
    public ReasonCodeView changeReasonCode(UUID tenantId, String code, String label, Boolean active) {
        ReasonCode reason = reasonCodes.existingOrFail(tenantId, code);
        em.refresh(reason, LockModeType.PESSIMISTIC_WRITE);   // locked and re-read: no stale "active" or label
        if (label != null) {
            reason.relabel(label);
        }
        if (Boolean.FALSE.equals(active) && reason.active()) {
            List<String> queues = usage.queuesUsing(tenantId, code);
            if (!queues.isEmpty()) {
                throw new ConflictException("reason-code-in-use", "Reason code '" + code + "' is the state after "
                        + "After-Call-Work of queue(s) " + queues + "; change those queues before retiring it.");
            }
        }
        if (active != null) {
            reason.activate(active);
        }
        return view(reason);
    }

    static TenantSettingsView viewOf(Tenant tenant) {
        return new TenantSettingsView(tenant.code(), tenant.name(), tenant.pendingNotReadyEnabled(),
                tenant.digitalChannelsEnabled(), tenant.pciRestricted());
    }

    private static ReasonCodeView view(ReasonCode reason) {
        return new ReasonCodeView(reason.code(), reason.label(), reason.active());
    }
}
