/**
 * Agent-state event payloads shared with the web module (WebSocket push) and back-office consumers (JMS), its read
 * views and value types, and the contracts other contexts call it through ({@code AgentWork}, {@code AgentDirectory}).
 */
package io.switchboard.api.agentstate;
