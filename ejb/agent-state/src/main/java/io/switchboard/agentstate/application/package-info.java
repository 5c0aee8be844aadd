/**
 * Agent-state use cases, one small stateless service per family: My Channels, work notifications from routing,
 * queries (also for other contexts, through the api contract {@code AgentDirectory}), administration and
 * authentication. Each loads the aggregate under a row lock, calls one domain method, stores what changed and fires
 * the resulting events, which observers deliver only after commit.
 */
package io.switchboard.agentstate.application;
