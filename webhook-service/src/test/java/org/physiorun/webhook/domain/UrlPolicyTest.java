package org.physiorun.webhook.domain;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UrlPolicyTest {

    /** A resolver that knows a few names, so that the rules are judged without a DNS server. */
    private static final UrlPolicy.Resolver DNS = host -> {
        Map<String, List<String>> names = Map.of(
                "clinic.example", List.of("93.184.216.34"),
                "localhost", List.of("127.0.0.1", "::1"),
                "intranet.clinic.example", List.of("10.1.2.3"),
                "sneaky.clinic.example", List.of("93.184.216.34", "192.168.1.10"));
        List<String> addresses = names.get(host);
        if (addresses == null) {
            // an address literal resolves to itself, as InetAddress does; anything else is unknown
            if (host.matches("[0-9.]+") || host.startsWith("[")) {
                return List.of(InetAddress.getByName(host));
            }
            throw new UnknownHostException(host);
        }
        return addresses.stream().map(a -> {
            try {
                return InetAddress.getByName(a);
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    };

    private final UrlPolicy strict = new UrlPolicy(false, DNS);
    private final UrlPolicy localRun = new UrlPolicy(true, DNS);

    @Test
    void httpsToAPublicHostIsAllowedEverywhere() {
        assertThat(strict.refusal("https://clinic.example/hooks/physiorun")).isEmpty();
        assertThat(localRun.refusal("https://clinic.example/hooks/physiorun")).isEmpty();
        assertThat(strict.refusal("https://93.184.216.34:8443/in")).isEmpty();
    }

    @Test
    void plainHttpIsRefusedOutsideTheLocalRun() {
        assertThat(strict.refusal("http://clinic.example/hooks")).get().asString().contains("https");
        assertThat(localRun.refusal("http://clinic.example/hooks")).get().asString().contains("https");
    }

    @Test
    void theLocalRunAllowsHttpToLoopbackAndNothingElseDoes() {
        assertThat(localRun.refusal("http://localhost:9000/hooks")).isEmpty();
        assertThat(localRun.refusal("http://127.0.0.1:9000/hooks")).isEmpty();
        assertThat(localRun.refusal("http://[::1]:9000/hooks")).isEmpty();
        assertThat(strict.refusal("http://localhost:9000/hooks")).isPresent();
        assertThat(strict.refusal("https://localhost:9000/hooks")).isPresent();
        assertThat(strict.refusal("https://127.0.0.1/hooks")).isPresent();
    }

    @Test
    void privateLinkLocalAndUnspecifiedAddressesAreRefusedOutsideTheLocalRun() {
        for (String url : List.of("https://10.0.0.1/", "https://172.16.5.4/", "https://192.168.0.1/",
                "https://169.254.169.254/latest/meta-data/", "https://0.0.0.0/", "https://100.64.0.1/",
                "https://[fd00::1]/", "https://[fe80::1]/", "https://[::]/", "https://[::ffff:10.0.0.1]/")) {
            assertThat(strict.refusal(url)).as(url).get().asString().contains("not public");
        }
    }

    @Test
    void aHostNameIsJudgedByEveryAddressItResolvesTo() {
        assertThat(strict.refusal("https://intranet.clinic.example/hooks")).get().asString().contains("10.1.2.3");
        assertThat(strict.refusal("https://sneaky.clinic.example/hooks")).get().asString().contains("192.168.1.10");
        assertThat(strict.refusal("https://unknown.clinic.example/hooks")).get().asString()
                .contains("cannot be resolved");
    }

    @Test
    void whatIsNotAnAbsoluteWebUrlIsRefused() {
        for (String url : List.of("", "clinic.example/hooks", "ftp://clinic.example/", "https:///path",
                "https://user:password@clinic.example/", "https://clinic.example/a b", "file:///etc/passwd",
                "https://clinic.example/#part", "https://clinic.example/" + "a".repeat(2000))) {
            assertThat(strict.refusal(url)).as(url).isPresent();
        }
        assertThat(strict.refusal(null)).isPresent();
    }
}
