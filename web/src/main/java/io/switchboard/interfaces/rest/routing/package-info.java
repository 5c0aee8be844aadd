/** REST resources of the routing context: the agent's interactions, integrations' intake, routing configuration. */
package io.switchboard.interfaces.rest.routing;
