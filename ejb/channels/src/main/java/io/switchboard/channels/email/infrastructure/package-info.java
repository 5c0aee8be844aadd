/**
 * Email's wire and storage: the IMAP poller with its per-mailbox lease, the MIME reader (Jakarta Mail) with the HTML
 * sanitiser (OWASP's), the SMTP sender over WildFly's mail session, and the threading records.
 */
package io.switchboard.channels.email.infrastructure;
