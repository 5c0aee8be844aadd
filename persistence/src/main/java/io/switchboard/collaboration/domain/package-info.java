/**
 * The collaboration context's aggregates: a {@link io.switchboard.collaboration.domain.Transfer} of an interaction,
 * referenced by id (the interaction itself is routing's).
 */
package io.switchboard.collaboration.domain;
