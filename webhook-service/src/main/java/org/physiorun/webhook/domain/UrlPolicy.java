package org.physiorun.webhook.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs deliveries may go to, so that an endpoint cannot make us call into our own network (SSRF): https only,
 * and never a host whose addresses include a loopback, private, link-local (the clouds' metadata address among
 * them), unique-local, shared or unspecified one; a host name is judged by every address it resolves to. The local
 * run also allows http, and any address, to loopback, where a developer's receiver listens.
 */
public final class UrlPolicy {

    /** Looks a host name up; {@link InetAddress#getAllByName} outside tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private static final int MAX_LENGTH = 2000;

    private final boolean allowLoopbackHttp;
    private final Resolver resolver;

    public UrlPolicy(boolean allowLoopbackHttp, Resolver resolver) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.resolver = resolver;
    }

    /** Why deliveries may not go to {@code url}, or empty when they may. */
    public Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("a URL is required");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("a URL has at most " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return Optional.of("an absolute https URL with a host is required");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("a URL must not carry a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("a URL must not have a fragment");
        }
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of("the host " + uri.getHost() + " cannot be resolved");
        }
        if (addresses.isEmpty()) {
            return Optional.of("the host " + uri.getHost() + " cannot be resolved");
        }
        boolean loopbackOnly = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
        if (allowLoopbackHttp && loopbackOnly) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return Optional.of(allowLoopbackHttp ? "https is required, except to a loopback address"
                    : "https is required");
        }
        return addresses.stream().filter(UrlPolicy::isInternal).findFirst()
                .map(address -> "the host " + uri.getHost() + " resolves to " + address.getHostAddress()
                        + ", an address that is not public");
    }

    /** An address of this machine or of a private network rather than one on the public internet. */
    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0                                   // "this network"
                    || first == 100 && second >= 64 && second < 128 // shared address space (carrier NAT)
                    || first == 198 && (second == 18 || second == 19) // benchmarking networks
                    || first >= 240;                            // reserved and broadcast
        }
        if (address instanceof Inet6Address v6) {
            if (v6.isIPv4CompatibleAddress()) {
                return true;
            }
            return (bytes[0] & 0xfe) == 0xfc; // unique-local fc00::/7
        }
        return true;
    }
}
