/**
 * Routing adapters: the repository, the candidate queries that lock rows (agents, then interactions with SKIP LOCKED),
 * the outbox writer, the triggers that run routing after commits and the sweeper for deadlines and stragglers.
 */
package io.switchboard.routing.infrastructure;
