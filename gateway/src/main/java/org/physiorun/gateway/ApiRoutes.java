package org.physiorun.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Routes {@code /api/*} by prefix to the service that owns it (the contract's ownership table). Each service
 * serves its prefixes itself, so the path and query go through unchanged, and so do the answers, problem+json
 * included. Only when a service cannot answer does the gateway speak for it (see {@link UpstreamFailure}).
 *
 * <p>Each request goes with the caller's identity, which the services check: the Authorization header a caller
 * sent itself (a script with a token of its own) as it is; otherwise the access token of the browser's session,
 * once {@link CsrfGuard} has made sure that a change was sent by a PhysioRun page; otherwise none, and the
 * service says what it allows anyone (reading the catalogue) or answers 401.
 */
@ApplicationScoped
public class ApiRoutes {

    /** One service and the path prefixes it owns. */
    private record Upstream(String name, URI url, List<String> prefixes) {
    }

    private static List<Upstream> upstreams(GatewayConfig config) {
        return List.of(
                new Upstream("catalog-service", config.catalogUrl(), List.of("/api/exercises", "/api/citations")),
                new Upstream("plan-service", config.planUrl(), List.of("/api/protocols", "/api/plans", "/api/calendars")),
                new Upstream("progress-service", config.progressUrl(), List.of("/api/sessions", "/api/progress")),
                new Upstream("webhook-service", config.webhookUrl(), List.of("/api/webhooks")));
    }

    void route(@Observes Router router, Vertx vertx, GatewayConfig config, CsrfGuard csrf) {
        UpstreamClients clients = new UpstreamClients(vertx, new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // Vert.x's default of 5 connections per service would queue a page's parallel calls.
                .setMaxPoolSize(32));
        for (Upstream upstream : upstreams(config)) {
            // The proxy's own client is not used: each request goes out through its event loop's client.
            HttpProxy proxy = HttpProxy.reverseProxy(clients.shared())
                    .origin(context -> clients.current().request(originRequest(upstream.url(), config)))
                    .addInterceptor(new ForwardedHeaders())
                    .addInterceptor(new UpstreamFailure(upstream.name(), config.retryAfterSeconds()));
            for (String prefix : upstream.prefixes()) {
                // "/api/plans/*" covers /api/plans itself as well as everything below it, but not /api/plansx.
                router.route(prefix + "/*").handler(rc -> relay(rc, proxy, csrf));
            }
        }
        // Anything else under /api belongs to no service: say so in the same format the services use.
        router.route("/api/*").handler(rc -> new Problem("/problems/not-found", "Not found", 404,
                "No PhysioRun service serves " + rc.normalizedPath() + ".").send(rc.response()));
    }

    private static void relay(RoutingContext rc, HttpProxy proxy, CsrfGuard csrf) {
        // A token of the caller's own (curl with a physiorun-cli token) goes on as it is, session or not. Without any
        // cookie there is no session to look up: the request goes on as it is too, without the security pipeline's
        // work per request (the catalogue's anonymous readers, scripts).
        MultiMap headers = rc.request().headers();
        if (headers.contains(HttpHeaders.AUTHORIZATION) || !headers.contains(HttpHeaders.COOKIE)) {
            proxy.handle(rc.request());
            return;
        }
        Session.of(rc).subscribe().with(session -> {
            if (rc.response().ended()) {
                return;
            }
            if (session.isPresent()) {
                Optional<Problem> refusal = csrf.refusal(rc.request(), session.get());
                if (refusal.isPresent()) {
                    refusal.get().send(rc.response());
                    return;
                }
                // The proxy passes the request's headers on; the token becomes one of them.
                rc.request().headers().set(HttpHeaders.AUTHORIZATION, "Bearer " + session.get().accessToken());
            }
            proxy.handle(rc.request());
        }, rc::fail);
    }

    private static RequestOptions originRequest(URI url, GatewayConfig config) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, url.getHost()))
                .setSsl(tls)
                .setIdleTimeout(config.responseTimeout().toMillis());
    }
}
