/**
 * The outbox relay every context shares: after each commit that wrote to the outbox, and on a timer, it publishes the
 * stored messages to their JMS destinations in batches locked with {@code SKIP LOCKED}. Each context writes its own
 * rows (agent state's {@code AgentEventOutbox}, routing's {@code InteractionEventOutbox}).
 */
package io.switchboard.platform.outbox;
