/**
 * Conferences (CO2): colleagues in a live chat or call next to its holder. The conference is the interaction's
 * participations (routing's); joining goes through a consultation's invitation, leaving through here.
 */
package io.switchboard.collaboration.conference;
