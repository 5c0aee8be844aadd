/** Password hashing for the users of every tenant. */
package io.switchboard.agentstate.infrastructure.security;
