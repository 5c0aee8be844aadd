/** WebSocket push of committed events to agents' and supervisors' open sessions on this node. */
package io.switchboard.interfaces.websocket;
