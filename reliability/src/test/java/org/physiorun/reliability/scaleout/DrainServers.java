package org.physiorun.reliability.scaleout;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.physiorun.infra.Postgres;
import org.physiorun.infra.SingleBroker;
import org.physiorun.infra.Topics;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A PostgreSQL and a one-node Kafka for one scenario of the scale-out and redelivery tests, with the contract's
 * topics at the contract's partition counts from the start (12 for sessions and progression events, 6 for plan
 * events). Their own rather than the suite's shared servers (three partitions a topic): a scenario puts tens of
 * thousands of sessions on {@code session-events} that no other test's service should have to read past, and
 * raising the partitions of a shared topic would move other tests' athletes to other partitions.
 */
public final class DrainServers implements AutoCloseable {

    public static final String SESSIONS = "session-events";
    public static final String DEAD_LETTERS = "session-events-dlq";
    public static final String PLANS = "plan-events";
    public static final String PROGRESSION = "progression-events";

    private final Postgres postgres;
    private final KafkaClusterTestKit kafka;
    private final Admin admin;

    private DrainServers(Postgres postgres, KafkaClusterTestKit kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    public static DrainServers start() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path run = target.resolve("drain-" + UUID.randomUUID().toString().substring(0, 8));
        Postgres postgres = Postgres.start(0, run.resolve("pg"), target.resolve("embedded-pg/work"));
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1)
                .setBaseDirectory(run.resolve("kafka"))
                .setBootstrapMetadataVersion(MetadataVersion.latestProduction()).build())
                .setDeleteOnClose(true);
        SingleBroker.SETTINGS.forEach(builder::setConfigProp);
        KafkaClusterTestKit kafka = builder.build();
        kafka.format();
        kafka.startup();
        kafka.waitForReadyBrokers();
        Topics.createAsContracted(kafka.bootstrapServers());
        return new DrainServers(postgres, kafka);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A new database of this name. */
    public String database(String name) throws Exception {
        postgres.ensureDatabase(name);
        return postgres.jdbcUrl(name);
    }

    /** The partitions of {@code topic} that each member of the group holds, by the member's client id. */
    public Map<String, Set<Integer>> assignment(String group, String topic) throws Exception {
        List<MemberDescription> members = List.copyOf(
                admin.describeConsumerGroups(List.of(group)).all().get().get(group).members());
        return members.stream()
                .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic)))
                .collect(Collectors.toMap(MemberDescription::clientId, m -> m.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(topic)).map(TopicPartition::partition)
                        .collect(Collectors.toSet()), (x, y) -> {
                    Set<Integer> both = new HashSet<>(x);
                    both.addAll(y);
                    return both;
                }));
    }

    /** Records of {@code topic} that the group has not committed yet, over all partitions. */
    public long lag(String group, String topic) throws Exception {
        Map<TopicPartition, Long> ends = endOffsets(topic);
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata at = committed.get(e.getKey());
            return e.getValue() - (at == null ? 0 : at.offset());
        }).sum();
    }

    /** How many records {@code topic} holds. */
    public long records(String topic) throws Exception {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() throws Exception {
        admin.close();
        kafka.close();
        postgres.close();
    }
}
