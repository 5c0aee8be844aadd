/** Token issuing and verification, and the caller's identity and access rules. */
package io.switchboard.interfaces.security;
