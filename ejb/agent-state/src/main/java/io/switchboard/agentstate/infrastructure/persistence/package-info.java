/** JPA repositories of the agent-state aggregates; tenant scoping is enforced here, on every lookup. */
package io.switchboard.agentstate.infrastructure.persistence;
