/** The outbound context's rules that need no storage: whom a conversation may be started with (OB2). */
package io.switchboard.outbound.domain;
