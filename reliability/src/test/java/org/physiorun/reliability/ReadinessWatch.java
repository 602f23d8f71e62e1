package org.physiorun.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Polls a service's {@code /q/health/ready} four times a second: when it first went DOWN, and came back UP. */
final class ReadinessWatch implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI ready;
    private final Thread thread;
    private volatile boolean watching = true;
    private volatile Instant wentDown;
    private volatile Instant cameBack;

    ReadinessWatch(String baseUrl) {
        ready = URI.create(baseUrl + "/q/health/ready");
        thread = new Thread(this::watch, "readiness-" + baseUrl);
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        while (watching) {
            boolean up;
            try {
                up = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (Exception e) {
                up = false;
            }
            Instant now = Instant.now();
            if (!up && wentDown == null) {
                wentDown = now;
            } else if (up && wentDown != null && cameBack == null) {
                cameBack = now;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    boolean wentDown() {
        return wentDown != null;
    }

    boolean cameBack() {
        return cameBack != null;
    }

    /** How long it answered DOWN (or not at all), in seconds. */
    double downSeconds() {
        return Duration.between(wentDown, cameBack).toMillis() / 1000.0;
    }

    @Override
    public void close() throws InterruptedException {
        watching = false;
        thread.interrupt();
        thread.join(5000);
    }
}
