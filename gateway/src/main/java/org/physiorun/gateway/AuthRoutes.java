package org.physiorun.gateway;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.ArrayList;
import java.util.Optional;

/**
 * Logging in and out, and who is logged in, for the pages. These paths are the gateway's own, outside
 * {@code /api}, which belongs to the services.
 */
@ApplicationScoped
public class AuthRoutes {

    void route(@Observes Router router, CsrfGuard csrf) {
        // quarkus-oidc does the login itself: /login needs an authenticated user (application.properties), so a
        // visitor goes to Keycloak's login page and comes back here, logged in. Then on to the pages.
        router.get("/login").handler(rc -> redirect(rc, "/"));
        router.post("/logout").handler(AuthRoutes::logout);
        router.get("/auth/me").handler(rc -> me(rc, csrf));
    }

    /**
     * Asking for the identity on quarkus.oidc.logout.path is what ends the session: quarkus-oidc clears the session
     * cookie and answers with a redirect to Keycloak's end-session endpoint, which ends Keycloak's session too and
     * comes back to the start page. Without a session there is nothing to end. Only a POST logs out, and only one
     * from the gateway's own pages, so that no other site can log anyone out.
     */
    private static void logout(RoutingContext rc) {
        Optional<Problem> foreign = CsrfGuard.foreignOrigin(rc.request());
        if (foreign.isPresent()) {
            foreign.get().send(rc.response());
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(rc, null).subscribe().with(
                identity -> redirect(rc, "/"),
                failure -> redirect(rc, "/"));
    }

    /** The person logged in, for the page's header and choices; 401 when nobody is. */
    private static void me(RoutingContext rc, CsrfGuard csrf) {
        Session.of(rc).subscribe().with(session -> {
            if (rc.response().ended()) {
                return;
            }
            // Personal, and it changes with every login.
            rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            if (session.isEmpty()) {
                new Problem("/problems/not-logged-in", "Not logged in", 401,
                        "Nobody is logged in in this browser. Log in at /login.").send(rc.response());
                return;
            }
            Session me = session.get();
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(new JsonObject()
                    .put("username", me.username())
                    .put("roles", new JsonArray(new ArrayList<>(me.roles())))
                    .put("clinicId", me.clinicId())
                    .put("athleteId", me.athleteId())
                    .put("csrfToken", csrf.tokenFor(me))
                    .toBuffer());
        }, rc::fail);
    }

    /** 303: after a POST as after a GET, the browser follows with a GET. */
    private static void redirect(RoutingContext rc, String location) {
        if (!rc.response().ended()) {
            rc.response().setStatusCode(303).putHeader(HttpHeaders.LOCATION, location).end();
        }
    }
}
