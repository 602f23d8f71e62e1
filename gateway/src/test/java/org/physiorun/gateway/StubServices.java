package org.physiorun.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonObject;
import org.physiorun.infra.ServiceProcess;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/**
 * Stand-ins for the services, on the JDK's HTTP server: catalog-service, plan-service and webhook-service echo what
 * reached them (which service, method, path with query, body, and the headers that carry the caller's identity and
 * address);
 * progress-service is down (nothing listens on its port).
 * A few paths answer in special ways: {@link #REFERRAL} with plan-service's refusal, {@link #CREATED} with a new
 * plan's {@code Location} built from the forwarded headers, {@link #BUSY} with plan-service's own 503 and its
 * {@code Retry-After}, {@link #SILENT} never, and {@link #HANGS_UP} by closing the connection without a word.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final String REFERRAL = "/api/plans/refused";
    static final String SILENT = "/api/citations/silent";
    static final String HANGS_UP = "/api/citations/hangs-up";
    static final String CREATED = "/api/plans/created";
    static final String BUSY = "/api/plans/busy";
    /** What plan-service asks a client to wait while the catalogue is down; the gateway's own is 5. */
    static final String BUSY_RETRY_AFTER = "10";
    static final String BUSY_BODY = """
            {"type":"/problems/dependency-unavailable","title":"Service unavailable","status":503,\
            "detail":"The exercise catalogue is not answering, so no plan was made."}""";
    static final String REFERRAL_BODY = """
            {"type":"/problems/referral-required","title":"Referral required","status":422,\
            "detail":"Have it assessed first.","rules":[{"id":"grade-3-strain","reason":"Grade 3.","advice":"See a clinician."}]}""";

    private HttpServer catalog;
    private HttpServer plan;
    private HttpServer webhook;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Override
    public Map<String, String> start() {
        try {
            catalog = echo("catalog-service");
            plan = echo("plan-service");
            webhook = echo("webhook-service");
            return Map.of(
                    "physiorun.gateway.catalog-url", "http://localhost:" + catalog.getAddress().getPort(),
                    "physiorun.gateway.plan-url", "http://localhost:" + plan.getAddress().getPort(),
                    "physiorun.gateway.progress-url", "http://localhost:" + ServiceProcess.freePort(),
                    "physiorun.gateway.webhook-url", "http://localhost:" + webhook.getAddress().getPort(),
                    "physiorun.gateway.response-timeout", "1s");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the stub services", e);
        }
    }

    private HttpServer echo(String service) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            Headers headers = exchange.getRequestHeaders();
            if (uri.equals(SILENT)) {
                awaitStop();
            } else if (uri.equals(HANGS_UP)) {
                // Closing the exchange before any status line drops the connection.
                exchange.close();
            } else if (uri.equals(REFERRAL)) {
                reply(exchange, 422, "application/problem+json", REFERRAL_BODY);
            } else if (uri.equals(CREATED)) {
                exchange.getResponseHeaders().set("Location", headers.getFirst("X-Forwarded-Proto") + "://"
                        + headers.getFirst("X-Forwarded-Host") + ":" + headers.getFirst("X-Forwarded-Port")
                        + "/api/plans/0f7d9a52");
                reply(exchange, 201, "application/json", "{\"planId\":\"0f7d9a52\"}");
            } else if (uri.equals(BUSY)) {
                exchange.getResponseHeaders().set("Retry-After", BUSY_RETRY_AFTER);
                reply(exchange, 503, "application/problem+json", BUSY_BODY);
            } else {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                reply(exchange, 200, "application/json", new JsonObject()
                        .put("service", service)
                        .put("method", exchange.getRequestMethod())
                        .put("uri", uri)
                        .put("contentType", headers.getFirst("Content-Type"))
                        .put("body", body)
                        .put("authorization", headers.getFirst("Authorization"))
                        .put("cookie", headers.getFirst("Cookie"))
                        .put("forwardedProto", headers.getFirst("X-Forwarded-Proto"))
                        .put("forwardedHost", headers.getFirst("X-Forwarded-Host"))
                        .put("forwardedPort", headers.getFirst("X-Forwarded-Port"))
                        .encode());
            }
        });
        server.start();
        return server;
    }

    private void awaitStop() {
        try {
            stopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        stopping.countDown();
        catalog.stop(0);
        plan.stop(0);
        webhook.stop(0);
    }
}
