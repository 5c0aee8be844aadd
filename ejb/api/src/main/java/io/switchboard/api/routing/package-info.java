/** Routing's shared types: interaction states, events and views. */
package io.switchboard.api.routing;
