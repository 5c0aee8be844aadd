/**
 * Types every bounded context shares: channels, CDI event payloads and the domain error hierarchy. Bundled in
 * {@code ear/lib}, so modules talk through these types and never reach into each other's domain packages.
 */
package io.switchboard.api;
