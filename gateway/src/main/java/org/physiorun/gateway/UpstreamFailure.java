package org.physiorun.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * When a service cannot be reached or does not answer in time, the proxy on its own replies with an empty 502.
 * This turns that into a problem+json a browser can show: 503 with {@code Retry-After} for a service that is down
 * or unknown, 504 for one that stayed silent, 502 for anything else. Answers the service did give pass untouched.
 */
final class UpstreamFailure implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailure.class);
    private static final String FAILURE = UpstreamFailure.class.getName();

    private final String service;
    private final int retryAfterSeconds;

    UpstreamFailure(String service, int retryAfterSeconds) {
        this.service = service;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        // The proxy answers a failed request through handleProxyResponse; remember why it failed for that.
        return context.sendRequest().onFailure(failure -> context.set(FAILURE, failure));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        Throwable failure = context.get(FAILURE, Throwable.class);
        if (failure != null) {
            LOG.warnf("%s %s: %s did not answer (%s)", context.request().getMethod(), context.request().getURI(),
                    service, failure.toString());
            Problem problem = problemFor(failure);
            ProxyResponse response = context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setBody(Body.body(problem.toJson()));
            if (problem.status() == 503) {
                response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
            }
        }
        return context.sendResponse();
    }

    private Problem problemFor(Throwable failure) {
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return new Problem("/problems/service-unavailable", "Service unavailable", 503,
                    "The " + service + " cannot be reached just now. Please try again in a moment.");
        }
        if (failure instanceof TimeoutException) {
            return new Problem("/problems/service-timeout", "Service timed out", 504,
                    "The " + service + " did not answer in time. Please try again in a moment.");
        }
        return new Problem("/problems/bad-gateway", "Bad gateway", 502,
                "The " + service + " gave no usable answer. Please try again in a moment.");
    }
}
