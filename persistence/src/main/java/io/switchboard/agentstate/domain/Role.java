package io.switchboard.agentstate.domain;

/** What a user of a tenant may do. Names are the JWT groups and the {@code @RolesAllowed} values. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN, INTEGRATION;

    public String groupName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
