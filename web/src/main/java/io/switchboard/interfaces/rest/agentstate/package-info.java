/** REST resources of the agent-state context: My Channels, time in state, login and work notifications. */
package io.switchboard.interfaces.rest.agentstate;
