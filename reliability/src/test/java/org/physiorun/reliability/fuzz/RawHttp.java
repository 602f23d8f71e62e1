package org.physiorun.reliability.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request target goes out byte for byte, so it may
 * hold what {@link java.net.URI} refuses (bad percent-encodings, raw non-ASCII bytes, a lone {@code %}).
 */
public final class RawHttp {

    private final String host;
    private final int port;

    public RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /** The answer; {@code token} and {@code body} may be null. */
    public Reply send(String method, String target, String token, String body) throws IOException {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (token != null) {
            head.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            try {
                // ISO-8859-1 writes each char of the target as the one byte it stands for
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(content);
                out.flush();
            } catch (IOException refusedEarly) {
                // the server may answer and close before reading all of a request it refuses; read what it said
            }
            return Reply.parse(socket.getInputStream().readAllBytes());
        }
    }

    /** What came back: the status, the content type ("" when none) and the body. */
    public record Reply(int status, String contentType, byte[] body) {

        static Reply parse(byte[] raw) throws IOException {
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (end < 0) {
                throw new IOException("no complete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = "";
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = lines[i].substring(colon + 1).trim();
                if (name.equals("content-type")) {
                    contentType = value;
                } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                }
            }
            byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
            return new Reply(status, contentType, chunked ? dechunk(rest) : rest);
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (at < chunked.length) {
                int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[]{'\r', '\n'});
                if (lineEnd < 0) {
                    break;
                }
                String sizeText = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
                int size = Integer.parseInt(sizeText, 16);
                at += lineEnd + 2;
                if (size == 0) {
                    break;
                }
                body.write(chunked, at, Math.min(size, chunked.length - at));
                at += size + 2;
            }
            return body.toByteArray();
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= data.length; i++) {
                for (int j = 0; j < pattern.length; j++) {
                    if (data[i + j] != pattern[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
