/** JMS publication of agent events to back-office systems (topic {@code SwitchboardAgentEvents}). */
package io.switchboard.agentstate.infrastructure.messaging;
