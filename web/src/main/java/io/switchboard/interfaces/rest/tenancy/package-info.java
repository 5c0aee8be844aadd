/** REST for the platform operator: {@code /api/operator/tenants}. */
package io.switchboard.interfaces.rest.tenancy;
