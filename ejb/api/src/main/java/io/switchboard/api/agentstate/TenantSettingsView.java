package io.switchboard.api.agentstate;

/** The tenant settings that shape agent state. */
public record TenantSettingsView(String tenantCode, String name, boolean pendingNotReadyEnabled,
                                 boolean digitalChannelsEnabled, boolean pciRestricted) {
}
