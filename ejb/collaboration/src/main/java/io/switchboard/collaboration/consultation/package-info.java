/**
 * Consultations (CO1): the agent handling an interaction talks privately with a colleague about it; the exchange is
 * stored apart from the interaction and pushed only to the two of them.
 */
package io.switchboard.collaboration.consultation;
