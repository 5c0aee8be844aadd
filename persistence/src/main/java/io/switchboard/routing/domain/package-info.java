/**
 * The routing domain model: queues with their members, entry points, multimedia profiles and the
 * {@link io.switchboard.routing.domain.Interaction} aggregate with its lifecycle.
 */
package io.switchboard.routing.domain;
