/**
 * Routing use cases: interactions created, offered, accepted, rejected, ended and marked done, the engine that offers
 * work, and the configuration of queues, entry points and multimedia profiles.
 */
package io.switchboard.routing.application;
