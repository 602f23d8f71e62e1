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
 * Stand-ins for the services, on the JDK's HTTP server: catalog-service and plan-service echo what reached them
 * (which service, method, path with query, body, and the headers that carry the caller's identity and address);
 * progress-service is down (nothing listens on its port).
 * A few paths answer in special ways: {@link #REFERRAL} with plan-service's refusal, {@link #SILENT} never.
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final String REFERRAL = "/api/plans/refused";
    static final String SILENT = "/api/citations/silent";
    static final String REFERRAL_BODY = """
            {"type":"/problems/referral-required","title":"Referral required","status":422,\
            "detail":"Have it assessed first.","rules":[{"id":"grade-3-strain","reason":"Grade 3.","advice":"See a clinician."}]}""";

    private HttpServer catalog;
    private HttpServer plan;
    private final CountDownLatch stopping = new CountDownLatch(1);

    @Override
    public Map<String, String> start() {
        try {
            catalog = echo("catalog-service");
            plan = echo("plan-service");
            return Map.of(
                    "physiorun.gateway.catalog-url", "http://localhost:" + catalog.getAddress().getPort(),
                    "physiorun.gateway.plan-url", "http://localhost:" + plan.getAddress().getPort(),
                    "physiorun.gateway.progress-url", "http://localhost:" + ServiceProcess.freePort(),
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
            if (uri.equals(SILENT)) {
                awaitStop();
            } else if (uri.equals(REFERRAL)) {
                reply(exchange, 422, "application/problem+json", REFERRAL_BODY);
            } else {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Headers headers = exchange.getRequestHeaders();
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
    }
}
