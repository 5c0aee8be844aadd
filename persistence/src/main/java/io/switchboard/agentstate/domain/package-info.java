/**
 * The agent-state domain model: the {@link io.switchboard.agentstate.domain.Agent} aggregate with its per-channel
 * {@link io.switchboard.agentstate.domain.ChannelSession}s, tenants, reason codes and the recorded state intervals.
 * JPA-mapped here, in the persistence module, so one persistence unit in {@code ear/lib} serves every context.
 */
package io.switchboard.agentstate.domain;
