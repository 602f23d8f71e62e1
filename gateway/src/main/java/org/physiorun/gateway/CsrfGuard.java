package org.physiorun.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps other sites from making changes in a logged-in person's name (cross-site request forgery). A browser sends
 * the session cookie along with requests that other sites' pages start too, so a change that relies on the session
 * (POST, PUT, PATCH or DELETE without an Authorization header of its own) must show that a PhysioRun page sent it:
 * <ul>
 *   <li>its {@code Origin} and {@code Sec-Fetch-Site}, where the browser sends them, name the gateway's own origin;</li>
 *   <li>it carries the session's token in {@code X-CSRF-Token}. The page reads the token from {@code /auth/me},
 *   which other sites' pages cannot read, and they cannot set that header on a request to the gateway either
 *   (that needs CORS, which the gateway does not offer).</li>
 * </ul>
 * The token is an HMAC of the login (username and Keycloak's session id): nothing to store, the same on every
 * instance of the gateway, different for every login. A request with its own Authorization header is not at risk:
 * browsers never add one by themselves, so it is not checked here.
 */
@ApplicationScoped
class CsrfGuard {

    static final String HEADER = "X-CSRF-Token";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    CsrfGuard(GatewayConfig config) {
        if (config.csrfSecret().length() < 32) {
            throw new IllegalStateException("physiorun.gateway.csrf-secret must have at least 32 characters");
        }
        key = new SecretKeySpec(config.csrfSecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The token a page of this session sends with its changes. */
    String tokenFor(Session session) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // Labelled, so that the key gives nothing usable for any other purpose it may serve (the client secret).
            String login = "physiorun-csrf\n" + session.username() + "\n" + session.loginSessionId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(login.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Why this request, made with the session's authority, is refused; empty if it may go on. */
    Optional<Problem> refusal(HttpServerRequest request, Session session) {
        if (SAFE.contains(request.method())) {
            return Optional.empty();
        }
        Optional<Problem> foreign = foreignOrigin(request);
        if (foreign.isPresent()) {
            return foreign;
        }
        String sent = request.getHeader(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                tokenFor(session).getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(refused("The change came without this page's proof that you sent it. Reload the"
                    + " page and try again."));
        }
        return Optional.empty();
    }

    /** A refusal if the browser says that another origin's page started this request. */
    static Optional<Problem> foreignOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equalsIgnoreCase(originOf(request))) {
            return Optional.of(refused("Another site's page tried to make this change in your name."));
        }
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equalsIgnoreCase("same-origin")) {
            return Optional.of(refused("Another site's page tried to make this change in your name."));
        }
        return Optional.empty();
    }

    /** The gateway's origin as the browser sees it: the default port is not written. */
    private static String originOf(HttpServerRequest request) {
        String scheme = request.scheme();
        HostAndPort authority = request.authority();
        if (authority == null) {
            return "";
        }
        int port = authority.port();
        boolean defaultPort = port < 0 || port == 80 && "http".equals(scheme) || port == 443 && "https".equals(scheme);
        return scheme + "://" + authority.host() + (defaultPort ? "" : ":" + port);
    }

    private static Problem refused(String detail) {
        return new Problem("/problems/cross-site-request", "Change refused", 403, detail);
    }
}
