/**
 * Interaction commands in from back-office systems over JMS; a command that can never succeed goes to the dead-letter
 * queue with its reason, one that failed for a transient reason is redelivered.
 */
package io.switchboard.routing.infrastructure.messaging;
