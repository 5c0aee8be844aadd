/** Agent-state event payloads shared with the web module (WebSocket push) and back-office consumers (JMS). */
package io.switchboard.api.agentstate;
