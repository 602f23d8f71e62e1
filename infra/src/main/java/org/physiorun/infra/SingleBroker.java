package org.physiorun.infra;

import java.util.Map;

/** Broker settings for a one-node Kafka, shared by the test cluster and {@link KafkaNode}. */
public final class SingleBroker {

    /**
     * Every internal topic with one replica and a minimum in-sync set of one (or consumers never join a
     * group), no rebalance delay, and three partitions for auto-created topics.
     */
    public static final Map<String, String> SETTINGS = Map.of(
            "offsets.topic.replication.factor", "1",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "group.initial.rebalance.delay.ms", "0",
            "num.partitions", "3");

    private SingleBroker() {
    }
}
