/** Routing demo data for the run command only; never part of the production migrations. */
package io.switchboard.routing.infrastructure.demo;
