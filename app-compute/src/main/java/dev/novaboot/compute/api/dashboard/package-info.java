/**
 * The operator's dashboard ({@code /dashboard}): server-side pages that are clients of the
 * suite's public APIs, called over HTTP with the logged-in user's own token.
 */
package dev.novaboot.compute.api.dashboard;
