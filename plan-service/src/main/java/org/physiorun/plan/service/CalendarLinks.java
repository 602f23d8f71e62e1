package org.physiorun.plan.service;

import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;

/**
 * Where the private calendar links in one request's answers point: under the base URI the caller used, which is
 * the gateway's when the gateway forwarded the request (forwarded headers), so the link works from outside.
 */
public record CalendarLinks(URI base) {

    public URI of(String token) {
        return UriBuilder.fromUri(base).path("api/calendars/{token}.ics").build(token);
    }
}
