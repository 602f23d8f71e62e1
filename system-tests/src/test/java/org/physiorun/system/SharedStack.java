package org.physiorun.system;

import org.physiorun.infra.testing.Stack;

import java.nio.file.Path;

/**
 * The three services that this module's end-to-end tests drive, started once for the test JVM and stopped when it
 * exits, as RealServers shares PostgreSQL and Kafka: each start of the stack took some 20 s of the build, and the
 * tests share the services' databases anyway. Each test keeps to data of its own (its own athletes, clinics or
 * exercises). A test that needs webhook-service adds it to this stack.
 */
final class SharedStack {

    private static Stack stack;

    private SharedStack() {
    }

    static synchronized Stack get() throws Exception {
        if (stack == null) {
            Stack started = Stack.start(Path.of("target/stack-logs"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "shared-stack-stop"));
            stack = started;
        }
        return stack;
    }
}
