/** Interaction commands in from back-office systems over JMS. */
package io.switchboard.routing.infrastructure.messaging;
