package org.physiorun.gateway;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Tells a service where the request really came from, so that the URLs in its answers (a Location, a plan's
 * calendarUrl) are the gateway's, which the browser can reach, and not the service's own address. The services
 * trust these headers (quarkus.http.proxy.*). Whatever a client sent in them is replaced: the gateway knows better.
 * The cookies stay behind: they are the browser's session with the gateway, and the services go by the token.
 */
final class ForwardedHeaders implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest from = request.proxiedRequest();
        request.headers().remove(HttpHeaders.COOKIE);
        request.putHeader("X-Forwarded-Proto", from.scheme());
        HostAndPort authority = from.authority();
        if (authority != null) {
            request.putHeader("X-Forwarded-Host", authority.host());
            request.putHeader("X-Forwarded-Port", Integer.toString(authority.port() >= 0 ? authority.port()
                    : "https".equals(from.scheme()) ? 443 : 80));
        }
        SocketAddress client = from.remoteAddress();
        if (client != null && client.hostAddress() != null) {
            request.putHeader("X-Forwarded-For", client.hostAddress());
        }
        return context.sendRequest();
    }
}
