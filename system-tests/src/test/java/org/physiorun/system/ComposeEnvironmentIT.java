package org.physiorun.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every environment variable docker-compose.yml sets for one of our services is one that service reads: a misspelt
 * or stale variable would be ignored without a word, and the service would run on its default (localhost, no Kafka
 * login). What a service reads comes from its packaged application ({@link ServiceConfiguration}).
 */
class ComposeEnvironmentIT {

    private static ComposeFile compose;
    private static final Map<String, ServiceConfiguration> configurations = new HashMap<>();

    @BeforeAll
    static void readTheServices() throws Exception {
        compose = ComposeFile.read();
        for (String service : compose.builtServices()) {
            configurations.put(service, ServiceConfiguration.of(Path.of("..").resolve(compose.buildContext(service))));
        }
    }

    @Test
    void everyVariableComposeSetsIsReadByItsService() {
        List<String> unread = new ArrayList<>();
        int variables = 0;
        for (String service : compose.builtServices()) {
            for (String variable : compose.environment(service).keySet()) {
                variables++;
                if (!configurations.get(service).reads(variable)) {
                    unread.add(service + ": " + variable);
                }
            }
        }
        System.out.printf("FIGURES compose-environment: services=%d, variables=%d, unread=%d%n",
                compose.builtServices().size(), variables, unread.size());
        assertEquals(List.of("catalog-service", "plan-service", "progress-service", "webhook-service", "gateway"),
                compose.builtServices());
        assertEquals(List.of(), unread);
    }

    @Test
    void aVariableNoServiceReadsIsFound() {
        ServiceConfiguration plan = configurations.get("plan-service");
        assertTrue(plan.reads("QUARKUS_REST_CLIENT_CATALOG_URL"));
        assertFalse(plan.reads("QUARKUS_DATASOURCE_JDBC_URI"), "a misspelt Quarkus property");
        assertFalse(plan.reads("KAFKA_SASL_JASS_CONFIG"), "a setting the Kafka client does not have");
        assertFalse(plan.reads("PHYSIORUN_PROGRESS_CLOCK_SKEW"), "another service's own setting");
        ServiceConfiguration gateway = configurations.get("gateway");
        assertTrue(gateway.reads("PHYSIORUN_GATEWAY_PLAN_URL"));
        assertFalse(gateway.reads("PHYSIORUN_GATEWAY_PLANS_URL"), "a setting the gateway's mapping lacks");
        assertFalse(configurations.get("catalog-service").reads("KAFKA_BOOTSTRAP_SERVERS"), "Kafka for a service without it");
    }
}
