/** The demo tenant's outbound configuration for the run command (message templates). */
package io.switchboard.outbound.infrastructure.demo;
