package org.physiorun.infra;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The contract's Kafka topics, created up front so that no service depends on auto-creation. */
public final class Topics {

    public static final List<String> CONTRACT = List.of(
            "plan-events", "session-events", "session-events-dlq", "progression-events");

    /** The contract's partition counts: 12 for sessions (and their dead letters) and decisions, 6 for plans. */
    public static final Map<String, Integer> CONTRACT_PARTITIONS = Map.of(
            "session-events", 12, "session-events-dlq", 12, "progression-events", 12, "plan-events", 6);

    private Topics() {
    }

    /** The contract's topics with the contract's partition counts. */
    public static void createAsContracted(String bootstrapServers) throws InterruptedException {
        for (Map.Entry<String, Integer> topic : CONTRACT_PARTITIONS.entrySet()) {
            create(bootstrapServers, topic.getValue(), List.of(topic.getKey()));
        }
    }

    public static void create(String bootstrapServers, int partitions, List<String> names) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                }
            }
        }
    }
}
