package org.physiorun.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * catalog-service as plan-service sees it: {@code GET /api/exercises} with the contract's JSON for the ten
 * exercises, on a random port. Tests can edit an exercise, take the whole server down (refusing connections)
 * or make it silent (taking requests and never answering), and bring it back.
 */
public class CatalogueStub implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, ObjectNode> EXERCISES = new ConcurrentHashMap<>();
    private static final AtomicInteger CALLS_WHILE_SILENT = new AtomicInteger();
    private static HttpServer server;
    private static int port;
    /** Holds every request while the catalogue is silent; null otherwise. */
    private static volatile CountDownLatch silence;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            restore();
            serve(0);
        }
        return Map.of("quarkus.rest-client.catalog.url", "http://localhost:" + port);
    }

    @Override
    public void stop() {
        // Kept for the next application start in this JVM; it dies with the JVM.
    }

    /** Changes one exercise as a clinician editing the catalogue would. */
    public static void edit(String slug, Consumer<ObjectNode> change) {
        change.accept(EXERCISES.get(slug));
    }

    /** Back to the reference data. */
    public static void restore() {
        try (InputStream in = CatalogueStub.class.getResourceAsStream("/catalogue/exercises.json")) {
            for (JsonNode exercise : JSON.readTree(in)) {
                EXERCISES.put(exercise.get("slug").asText(), (ObjectNode) exercise);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops listening: connections are refused, as when catalog-service is not running. */
    public static synchronized void goDown() {
        server.stop(0);
    }

    /**
     * Takes requests but never answers, as a catalog-service stuck in a long pause would: only a timeout on the
     * caller's side ends a request.
     */
    public static synchronized void goSilent() {
        CALLS_WHILE_SILENT.set(0);
        silence = new CountDownLatch(1);
    }

    /** The requests the catalogue has taken since it went silent: each is a call that reached it. */
    public static int callsWhileSilent() {
        return CALLS_WHILE_SILENT.get();
    }

    public static synchronized void comeBack() {
        if (silence != null) {
            silence.countDown();
            silence = null;
        } else {
            serve(port);
        }
    }

    private static void serve(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/exercises", CatalogueStub::exercises);
        // A thread per request, so that requests held while silent do not hold up the others.
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "catalogue-stub");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        port = server.getAddress().getPort();
    }

    private static void exercises(HttpExchange exchange) throws IOException {
        CountDownLatch held = silence;
        if (held != null) {
            CALLS_WHILE_SILENT.incrementAndGet();
            try {
                held.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        ArrayNode all = JSON.createArrayNode();
        EXERCISES.values().stream().sorted(Comparator.comparingInt(exercise -> exercise.get("number").asInt()))
                .forEach(all::add);
        byte[] body = JSON.writeValueAsBytes(all);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
