/** What drives the send queue: a worker woken after each commit that queued a reply, and every two seconds. */
package io.switchboard.channels.reply.infrastructure;
