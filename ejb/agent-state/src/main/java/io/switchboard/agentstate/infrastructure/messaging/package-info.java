/**
 * Agent events bound for back-office systems (topic {@code SwitchboardAgentEvents}), written to the shared outbox in
 * the transaction of the change; the platform module's relay publishes them.
 */
package io.switchboard.agentstate.infrastructure.messaging;
