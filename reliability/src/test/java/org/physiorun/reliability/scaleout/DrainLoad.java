package org.physiorun.reliability.scaleout;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.physiorun.progress.support.DrainJourney;
import org.physiorun.progress.support.Journeys;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;

/**
 * Athletes with plans and long journeys, put on the topics the way plan-service and an operator's own producer put
 * them there: plan-created on {@code plan-events}, sessions on {@code session-events}, keyed by athlete.
 */
public final class DrainLoad implements AutoCloseable {

    public final List<String> athletes;
    /** Every athlete was injured {@link DrainJourney#LAST_DAY} days ago: the journeys end yesterday. */
    public final LocalDate injuryDate = LocalDate.now(ZoneOffset.UTC).minusDays(DrainJourney.LAST_DAY);
    private final KafkaProducer<String, String> producer;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public DrainLoad(String bootstrapServers, String prefix, int athletes) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        this.athletes = IntStream.range(0, athletes).mapToObj(i -> prefix + "-" + run + "-" + i).toList();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262144),
                new StringSerializer(), new StringSerializer());
    }

    /** plan-created for every athlete, as plan-service publishes it; returns once the fleet holds every plan. */
    public void publishPlans(ProgressFleet fleet) {
        for (String athlete : athletes) {
            send(DrainServers.PLANS, athlete,
                    Journeys.planCreated(UUID.randomUUID(), UUID.randomUUID(), athlete, injuryDate));
        }
        producer.flush();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> fleet.number("SELECT count(*) FROM athlete_plan") == athletes.size());
    }

    /**
     * The first {@code perAthlete} sessions of the long journey of every athlete, one journey step at a time across
     * all athletes, so that decisions fall due all through the drain.
     *
     * @return the sessions, in the order they were sent
     */
    public List<Journeys.Session> publishJourneys(int perAthlete) {
        List<Journeys.Session> sessions = new ArrayList<>();
        for (DrainJourney.Slot slot : DrainJourney.of(perAthlete)) {
            for (String athlete : athletes) {
                sessions.add(slot.of(athlete, injuryDate));
            }
        }
        publish(sessions);
        return sessions;
    }

    /** The sessions on {@code session-events}, in this order, acknowledged by the broker when this returns. */
    public void publish(List<Journeys.Session> sessions) {
        sessions.forEach(session -> send(DrainServers.SESSIONS, session.athleteId(), session.json()));
        producer.flush();
    }

    /** Records the broker acknowledged so far. */
    public long acknowledged() {
        return acknowledged.get();
    }

    /** Records the broker refused so far. */
    public long refused() {
        return refused.get();
    }

    private void send(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) ->
                (error == null ? acknowledged : refused).incrementAndGet());
    }

    @Override
    public void close() {
        producer.close();
    }
}
