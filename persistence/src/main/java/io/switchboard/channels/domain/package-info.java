/**
 * The channels context's stored facts: the send queue of agents' email and SMS replies ({@link
 * io.switchboard.channels.domain.OutboundMessage}) and the images their emails show ({@link
 * io.switchboard.channels.domain.InlineImage}). Threading records, received SMS and attachments are rows the
 * adapters write with SQL (unique constraints make them idempotent).
 */
package io.switchboard.channels.domain;
