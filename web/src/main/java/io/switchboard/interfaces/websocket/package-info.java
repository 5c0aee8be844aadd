/**
 * WebSocket push of committed events to the open sockets on this node of the agent concerned and of the tenant's
 * supervisors and admins: put back in sequence order per agent and per interaction, then sent asynchronously through
 * a bounded queue per socket, so a slow client is closed and never slows a commit or another socket.
 */
package io.switchboard.interfaces.websocket;
