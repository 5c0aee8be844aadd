/**
 * SMS on the wire (CH1, IX1), in Twilio Programmable Messaging's format: inbound messages from the provider's signed
 * webhook join the customer's open conversation or start one; agents' replies go out through the provider's REST
 * API, whose signed status callbacks say whether they were delivered.
 */
package io.switchboard.channels.sms.application;
