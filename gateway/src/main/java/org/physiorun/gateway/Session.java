package org.physiorun.gateway;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The person logged in through this browser's session cookie: who they are, and the access token the gateway
 * relays to the services on their behalf.
 *
 * @param identity    what quarkus-oidc made of the session (the ID token is its principal)
 * @param accessToken the session's access token, the one the services check
 */
record Session(SecurityIdentity identity, String accessToken) {

    /** The roles PhysioRun knows; Keycloak adds some of its own (offline_access...), which the page has no use for. */
    private static final Set<String> ROLES = Set.of("runner", "physio", "clinic-admin", "clinic-system");

    /** Leaves the answer to the caller when a session cannot be used (see {@link #of}). */
    private static final BiConsumer<RoutingContext, Throwable> NO_CHALLENGE = (rc, failure) -> {
    };

    /**
     * The session of this request, if it has a valid one. Looking it up is what makes quarkus-oidc read the
     * session cookie and refresh expired tokens (authentication is not proactive in the gateway). A session that
     * cannot be used (expired beyond refresh, made with another key) counts as none: the caller then goes on
     * without a token, and the quiet failure handler keeps quarkus-oidc from answering with a redirect to
     * Keycloak itself. It still clears the dead session cookie.
     */
    static Uni<Optional<Session>> of(RoutingContext rc) {
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, NO_CHALLENGE);
        return QuarkusHttpUser.getSecurityIdentity(rc, null)
                .map(Session::from)
                .onFailure().recoverWithItem(Optional.empty());
    }

    private static Optional<Session> from(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        return token == null ? Optional.empty() : Optional.of(new Session(identity, token.getToken()));
    }

    String username() {
        return identity.getPrincipal().getName();
    }

    /** The PhysioRun roles of the access token, in a stable order. */
    Set<String> roles() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(ROLES);
        return roles;
    }

    String clinicId() {
        return accessTokenClaims().getString("clinic_id");
    }

    String athleteId() {
        return accessTokenClaims().getString("athlete_id");
    }

    /**
     * Keycloak's id of the login session ({@code sid}), which a new login changes and a token refresh keeps; null
     * if the provider does not give one.
     */
    String loginSessionId() {
        return identity.getPrincipal() instanceof JsonWebToken idToken ? idToken.getClaim("sid") : null;
    }

    /** The access token's claims; quarkus-oidc has verified the token (it takes the roles from it). */
    private JsonObject accessTokenClaims() {
        String[] parts = accessToken.split("\\.");
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
