package org.physiorun.infra.testing;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A clinic's webhook receiver: a JDK HTTP server on loopback that records every delivery of webhook-service and
 * answers each path as told (by default 204), so that tests see exactly what went over the wire.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(String path, String webhookId, String timestamp, String signature, String contentType,
                           String body) {

        /** True when the signature is the one {@code secret} gives, checked as a receiver would. */
        public boolean signedWith(String secret) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal((webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
                // the header may carry several space-separated signatures
                return List.of(signature.split(" ")).contains(expected);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** How to answer one request: a status, after a pause. */
    public record Answer(int status, long delayMillis) {
        public static Answer status(int status) {
            return new Answer(status, 0);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, ConcurrentLinkedQueue<Answer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> mostOpen = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String path = exchange.getRequestURI().getPath();
            var headers = exchange.getRequestHeaders();
            receiver.received.add(new Received(path, headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                    headers.getFirst("content-type"), body));
            Answer answer = receiver.next(path);
            AtomicInteger openHere = receiver.open.computeIfAbsent(path, p -> new AtomicInteger());
            receiver.mostOpen.computeIfAbsent(path, p -> new AtomicInteger()).accumulateAndGet(
                    openHere.incrementAndGet(), Math::max);
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                openHere.decrementAndGet();
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return receiver;
    }

    /** The URL of {@code path} on this receiver. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} get these answers, in turn; later ones get 204. */
    public void answer(String path, Answer... answers) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
    }

    /** What {@code path} received, in the order it arrived. */
    public List<Received> at(String path) {
        return new ArrayList<>(received.stream().filter(r -> r.path().equals(path)).toList());
    }

    /** The most requests to {@code path} that were being answered at the same time. */
    public int mostAtOnce(String path) {
        return mostOpen.getOrDefault(path, new AtomicInteger()).get();
    }

    private Answer next(String path) {
        Answer answer = scripted.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
        return answer != null ? answer : Answer.status(204);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
