/**
 * Agent-state adapters: JPA repositories, the JMS publication of agent events, password hashing and the demo data.
 */
package io.switchboard.agentstate.infrastructure;
