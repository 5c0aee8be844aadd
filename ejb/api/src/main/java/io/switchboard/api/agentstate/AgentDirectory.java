package io.switchboard.api.agentstate;

import java.util.Optional;
import java.util.UUID;

/**
 * What other contexts may read about an agent, in their own transaction. Implemented by the agent-state context;
 * callers depend on this contract only, never on its {@code Agent} aggregate.
 */
public interface AgentDirectory {

    /** The agent's licence tier; empty when the tenant has no such agent. */
    Optional<LicenceTier> licenceTierOf(UUID tenantId, UUID agentId);

    /** The agent as colleagues see them; empty when the tenant has no such agent. */
    Optional<Colleague> colleague(UUID tenantId, UUID agentId);

    /** The agent's standing for starting an outbound conversation on {@code channel}; empty: no such agent. */
    Optional<OutboundStanding> outboundStanding(UUID tenantId, UUID agentId, io.switchboard.api.Channel channel);

    /** Every agent of the tenant as colleagues see them, by name. */
    java.util.List<Colleague> colleagues(UUID tenantId);

    /** The tenant's name and settings (OB7: templates name the company; OB10: PCI-restricted tenants); empty: none. */
    Optional<TenantSettingsView> tenant(UUID tenantId);
}
