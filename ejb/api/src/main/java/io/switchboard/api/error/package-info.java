/**
 * The domain error hierarchy. Each subtype maps to one HTTP status in the single exception mapper of the web module;
 * each instance carries a stable code that becomes the problem type.
 */
package io.switchboard.api.error;
