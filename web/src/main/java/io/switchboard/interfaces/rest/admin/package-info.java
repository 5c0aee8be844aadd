/** REST resources for tenant administration and tenant-wide reference data. */
package io.switchboard.interfaces.rest.admin;
