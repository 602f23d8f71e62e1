package org.physiorun.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A bootstrap address for Kafka clients where no broker answers until {@link #open()}: connections are refused, as
 * when the broker is down; from then on it forwards to the test broker. Only the bootstrap goes through it (the
 * broker's metadata names the broker's own address), so it stands for a broker that was away and came back
 * without restarting the broker the other tests share.
 */
final class LateBrokerAddress implements AutoCloseable {

    private final int port;
    private final String brokerHost;
    private final int brokerPort;
    private volatile ServerSocket server;

    LateBrokerAddress(String brokerBootstrap) throws IOException {
        String first = brokerBootstrap.split(",")[0];
        brokerHost = first.substring(0, first.lastIndexOf(':'));
        brokerPort = Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** The broker is reachable at this address from now on. */
    void open() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        daemon("late-broker-accept", () -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket broker = new Socket(brokerHost, brokerPort);
                    daemon("late-broker-in", () -> pipe(client, broker));
                    daemon("late-broker-out", () -> pipe(broker, client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        });
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // either side went away: the client reconnects if it still needs to
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        if (server != null) {
            closeQuietly(server);
        }
    }
}
