package org.physiorun.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the AsyncAPI document of PhysioRun's topics and webhook deliveries to anyone, as the catalogue is: it
 * describes formats, not anybody's data. No service owns the path, so the gateway answers it itself.
 */
@ApplicationScoped
public class AsyncApiRoute {

    static final String PATH = "/api/asyncapi.yaml";
    static final String MEDIA_TYPE = "application/yaml";
    /** The one copy of the document; the services' tests check the records they publish against it. */
    private static final String RESOURCE = "asyncapi/asyncapi.yaml";

    void route(@Observes Router router) {
        byte[] document = read();
        // Ahead of ApiRoutes, whose catch-all for /api/* would answer 404 for a path no service serves.
        router.get(PATH).order(-1).handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(Buffer.buffer(document)));
    }

    private static byte[] read() {
        try (InputStream in = AsyncApiRoute.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the gateway");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
