/**
 * The interfaces layer of every context: REST resources and their request records, WebSocket endpoints, the token
 * issuer, the health check and the single error mapper. Entities never reach this layer; it speaks in the API views.
 */
package io.switchboard.interfaces;
