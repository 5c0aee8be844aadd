/**
 * Persistence infrastructure shared by every context: schema migration on deployment and the database readiness check. The persistence unit itself is
 * {@code META-INF/persistence.xml} of this jar, in {@code ear/lib}, visible to every module of the EAR.
 */
package io.switchboard.persistence;
