package org.physiorun.progress.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.physiorun.infra.testing.TestTokens;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Stands in for the two endpoints of a Keycloak realm that a service reads, the discovery document and the signing
 * keys, with {@link TestTokens}' key: for tests of how a service behaves while its identity provider is down or up.
 */
public final class IdentityProviderStandIn implements AutoCloseable {

    // TestTokens signs with this key id; a service looks the key up by it.
    private static final String KEY_ID = "physiorun-test";

    private final HttpServer server;

    private IdentityProviderStandIn(HttpServer server) {
        this.server = server;
    }

    /** The realm {@code http://127.0.0.1:{port}{realmPath}}, answering from now on. */
    public static IdentityProviderStandIn start(int port, String realmPath) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        String issuer = issuer(port, realmPath);
        String discovery = """
                {"issuer": "%s", "jwks_uri": "%s/protocol/openid-connect/certs",
                 "token_endpoint": "%s/protocol/openid-connect/token"}""".formatted(issuer, issuer, issuer);
        server.createContext(realmPath + "/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
        String keys = signingKeys();
        server.createContext(realmPath + "/protocol/openid-connect/certs", exchange -> answer(exchange, keys));
        server.start();
        return new IdentityProviderStandIn(server);
    }

    /** The issuer of the realm, as the service is configured with it and as the tokens name it. */
    public static String issuer(int port, String realmPath) {
        return "http://127.0.0.1:" + port + realmPath;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** TestTokens' public key as a JSON Web Key Set. */
    private static String signingKeys() {
        try {
            RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(TestTokens.publicKey())));
            return """
                    {"keys": [{"kty": "RSA", "kid": "%s", "use": "sig", "alg": "RS256", "n": "%s", "e": "%s"}]}"""
                    .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // A JWK's numbers are unsigned big-endian: without the sign byte BigInteger may put in front.
    private static String base64Url(BigInteger number) {
        byte[] bytes = number.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
