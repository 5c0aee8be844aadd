/**
 * Email on the wire (CH1, IX1): mailboxes read over IMAP become conversations routed like any interaction, a
 * customer's reply joins its conversation by the ids in {@code References}/{@code In-Reply-To}, and agents' replies
 * leave over SMTP with {@code Message-ID}, {@code In-Reply-To} and the whole {@code References} chain.
 */
package io.switchboard.channels.email.application;
