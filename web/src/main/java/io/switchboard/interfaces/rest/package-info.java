/** The REST API: the application, cross-cutting request filters; resources live in one package per context. */
package io.switchboard.interfaces.rest;
