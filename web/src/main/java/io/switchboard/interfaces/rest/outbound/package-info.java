/** REST: agents start SMS and email conversations (the outbound context). */
package io.switchboard.interfaces.rest.outbound;
