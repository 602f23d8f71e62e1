package org.physiorun.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;
import java.util.List;

/**
 * Routes {@code /api/*} by prefix to the service that owns it (the contract's ownership table). Each service
 * serves its prefixes itself, so the path and query go through unchanged, and so do the answers, problem+json
 * included. Only when a service cannot answer does the gateway speak for it (see {@link UpstreamFailure}).
 */
@ApplicationScoped
public class ApiRoutes {

    /** One service and the path prefixes it owns. */
    private record Upstream(String name, URI url, List<String> prefixes) {
    }

    private static List<Upstream> upstreams(GatewayConfig config) {
        return List.of(
                new Upstream("catalog-service", config.catalogUrl(), List.of("/api/exercises", "/api/citations")),
                new Upstream("plan-service", config.planUrl(), List.of("/api/protocols", "/api/plans")),
                new Upstream("progress-service", config.progressUrl(), List.of("/api/sessions", "/api/progress")));
    }

    void route(@Observes Router router, Vertx vertx, GatewayConfig config) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                // Vert.x's default of 5 connections per service would queue a page's parallel calls.
                .setMaxPoolSize(32));
        for (Upstream upstream : upstreams(config)) {
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(originRequest(upstream.url(), config)))
                    .addInterceptor(new UpstreamFailure(upstream.name(), config.retryAfterSeconds()));
            for (String prefix : upstream.prefixes()) {
                // "/api/plans/*" covers /api/plans itself as well as everything below it, but not /api/plansx.
                router.route(prefix + "/*").handler(rc -> proxy.handle(rc.request()));
            }
        }
        // Anything else under /api belongs to no service: say so in the same format the services use.
        router.route("/api/*").handler(rc -> {
            Problem problem = new Problem("/problems/not-found", "Not found", 404,
                    "No PhysioRun service serves " + rc.normalizedPath() + ".");
            rc.response().setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(problem.toJson());
        });
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
