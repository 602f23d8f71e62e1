package org.physiorun.webhook.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.physiorun.webhook.domain.UrlPolicy;

import java.net.InetAddress;
import java.util.List;

/** The URL rules of this run, resolving host names with the system's resolver. */
public class UrlPolicyProducer {

    @Produces
    @Singleton
    UrlPolicy urlPolicy(WebhookConfig config) {
        return new UrlPolicy(config.allowLoopbackHttp(), host -> List.of(InetAddress.getAllByName(host)));
    }
}
