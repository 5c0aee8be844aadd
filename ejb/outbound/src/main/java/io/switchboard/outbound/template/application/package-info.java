/**
 * OB7: the tenant's message templates per channel — administrators write them (every placeholder checked as it is
 * written), agents pick one for a conversation and get its text filled from the customer and themselves, or a
 * refusal naming each placeholder that has no value, before anything is sent.
 */
package io.switchboard.outbound.template.application;
