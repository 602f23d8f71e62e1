package org.physiorun.progress.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

/**
 * Taking sessions in from the athlete's chart decides exactly what walking the whole plan again decides. Generated
 * journeys (seeded, so a failure replays) go through two services side by side: one walks every session on each
 * batch and clock tick, the other starts from the chart of the plan's start and resumes from the chart it kept
 * (through JSON, as it is stored), walking the whole plan only when a session comes in before the chart's position.
 * The journeys hold what the rules care about: missed doses, pain (pain-free, painful, above the ceiling),
 * tightness, sprints too soon or off the prescribed level, sessions logged days late or past the runner's limit,
 * entered by a physio, performed "later" than they arrived, exercises of a later phase, batches of several sessions,
 * redeliveries, and the clock opening gates by the day.
 */
class AthleteChartTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false); // as Quarkus writes and reads it
    private static final int JOURNEYS = 45;
    private static final int DAYS = 60;

    @Test
    void resumingFromTheChartDecidesWhatWalkingEverySessionDecides() {
        Coverage coverage = new Coverage();
        for (int seed = 0; seed < JOURNEYS; seed++) {
            journey(seed, coverage);
        }
        // the journeys reach what the comparison is about, or it would prove little
        assertTrue(coverage.resumed > 1000, "resumed " + coverage.resumed);
        assertTrue(coverage.walkedAgain > 100, "walked again " + coverage.walkedAgain);
        assertTrue(coverage.decisions.keySet().containsAll(List.of(Decision.PhaseAdvanced.class,
                Decision.PhaseRegressed.class, Decision.SprintLevelAdvanced.class, Decision.ReturnToRunCleared.class,
                Decision.PainCeilingExceeded.class)), "decisions " + coverage.decisions);
        assertTrue(coverage.notCounted.size() >= 7, "reasons " + coverage.notCounted.keySet());
    }

    @Test
    void aSessionBeforeTheChartsPositionIsRefused() {
        GatePlan plan = Plans.defaults();
        ProgressionRules rules = new ProgressionRules(plan);
        SessionLog later = SessionBuilder.atDose(plan, "extender").at(Plans.at(3, 8, 0)).build();
        SessionLog earlier = SessionBuilder.atDose(plan, "extender").at(Plans.at(2, 8, 0))
                .loggedAt(Plans.at(3, 9, 0)).build();
        AthleteChart chart = rules.replay(List.of(later), List.of(), later.loggedAt()).chart();

        assertEquals(later.judgedAt(), chart.position());
        assertThrows(IllegalArgumentException.class, () -> rules.resume(chart, List.of(earlier), Plans.at(3, 9, 0)));
        // nor as of a time before the walk, which took in a session received after it
        assertFalse(chart.takes(List.of(), later.loggedAt().minusSeconds(1)));
        assertTrue(chart.takes(List.of(), later.loggedAt()));
    }

    private static void journey(int seed, Coverage coverage) {
        GatePlan plan = Plans.defaults();
        Random random = new Random(seed);
        Service walking = new Service(plan, false);
        Service folding = new Service(plan, true);
        PriorityQueue<SessionLog> arriving = new PriorityQueue<>(Comparator.comparing(SessionLog::loggedAt));
        List<SessionLog> sent = new ArrayList<>();
        Instant now = plan.programmeStart();
        for (int day = 1; day <= DAYS; day++) {
            if (random.nextInt(3) == 0) {
                now = later(now, Plans.at(day, 0, random.nextInt(60)));
                compare(seed, walking.take(List.of(), now), folding.take(List.of(), now), walking, folding);
            }
            for (SessionLog session : day(plan, walking.state, day, random, seed % 3)) {
                arriving.add(session);
                sent.add(session);
            }
            Instant endOfDay = Plans.at(day + 1, 0, 0);
            while (!arriving.isEmpty() && arriving.peek().loggedAt().isBefore(endOfDay)) {
                List<SessionLog> batch = new ArrayList<>(List.of(arriving.poll()));
                while (!arriving.isEmpty() && arriving.peek().loggedAt().isBefore(endOfDay) && random.nextInt(3) == 0) {
                    batch.add(arriving.poll());
                }
                if (random.nextInt(30) == 0) {
                    batch.add(sent.get(random.nextInt(sent.size()))); // a redelivery
                }
                now = later(now, batch.stream().map(SessionLog::loggedAt).max(Comparator.naturalOrder()).orElseThrow());
                compare(seed, walking.take(batch, now), folding.take(batch, now), walking, folding);
            }
        }
        coverage.add(walking, folding);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /**
     * A day's sessions, mostly of the athlete's phase, with every kind of slip the rules judge; {@code slips} from 0
     * (a careful athlete, who climbs the sprint ladder) to 2 (one who keeps slipping).
     */
    private static List<SessionLog> day(GatePlan plan, ProgressState state, int day, Random random, int slips) {
        List<SessionLog> sessions = new ArrayList<>();
        List<String> exercises = new ArrayList<>(plan.prescriptions().keySet());
        exercises.sort(Comparator.naturalOrder());
        exercises.add(GatePlan.EASY_RUN);
        for (String exercise : exercises) {
            int phase = plan.prescription(exercise).map(Prescription::phase).orElse(2);
            boolean ofThePhase = phase == state.phase() || (phase < state.phase() && random.nextInt(4) == 0);
            if (!(ofThePhase ? random.nextInt(10) < 7 : random.nextInt(40) == 0)) {
                continue;
            }
            SessionBuilder session = SessionBuilder.atDose(plan, exercise)
                    .at(Plans.at(day, 7 + random.nextInt(13), random.nextInt(60)));
            if (random.nextInt(12) == 0 && plan.prescription(exercise).isPresent()) {
                session.sets(plan.prescription(exercise).get().sets() - 1);
            }
            int pain = random.nextInt(100);
            int painful = 2 + 8 * slips;
            session.pain(pain >= painful ? 0 : pain < painful / 2 ? 1 + random.nextInt(3) : 4 + random.nextInt(4));
            int tight = random.nextInt(slips == 0 ? 200 : 25);
            if (tight == 0) {
                session.tight();
            } else if (tight == 1) {
                session.noTightnessSaid();
            }
            if (random.nextInt(20) == 0) {
                session.fullRange(random.nextBoolean() ? false : null);
            }
            if (exercise.equals(plan.ladder().exercise())) {
                int level = state.sprintLevel() == null ? plan.ladder().firstLevel() : state.sprintLevel();
                int[] off = {-15, -5, 0, 0, 0, 0, 5, 15};
                session.intensity(random.nextInt(20) == 0 ? null : level + off[random.nextInt(off.length)]);
            }
            int lag = random.nextInt(100);
            Instant performed = session.performedAt();
            if (lag < 8) {
                session.loggedAt(performed.plus(Duration.ofHours(20 + random.nextInt(40)))); // arrives after later ones
            } else if (lag < 12) {
                session.loggedAt(performed.plus(Duration.ofHours(73 + random.nextInt(30)))); // past the runner's limit
            } else if (lag < 15) {
                session.loggedAt(performed.minus(Duration.ofMinutes(2))); // a clock running fast
            } else {
                session.loggedAt(performed.plus(Duration.ofMinutes(1 + random.nextInt(30))));
            }
            int who = random.nextInt(20);
            session.enteredBy(who == 0 ? EnteredBy.PHYSIO : who == 1 ? EnteredBy.PRODUCER : EnteredBy.RUNNER);
            sessions.add(session.build());
        }
        return sessions;
    }

    private static void compare(int seed, Replay walked, Replay folded, Service walking, Service folding) {
        String where = "journey " + seed + ", step " + walking.steps;
        if (walked == null || folded == null) {
            assertEquals(walked == null, folded == null, where + ": one walked and the other did not");
            return;
        }
        assertEquals(walked.state(), folded.state(), where + ": state");
        assertEquals(walked.newRulings(), folded.newRulings(), where + ": decisions");
        assertEquals(walked.check(), folded.check(), where + ": capacity check");
        assertEquals(walked.nextCheckAt(), folded.nextCheckAt(), where + ": next check");
        assertEquals(walking.verdicts, folding.verdicts, where + ": verdicts");
        assertEquals(walking.flags, folding.flags, where + ": review flags");
    }

    /**
     * Plays progress-service around the rules as it stores things: a session stored once (a redelivery changes
     * nothing), each decision kept, each session's latest verdict, each review flag once.
     */
    private static final class Service {

        final ProgressionRules rules;
        final boolean folding;
        final Map<UUID, SessionLog> stored = new LinkedHashMap<>();
        final List<Ruling> published = new ArrayList<>();
        final Map<UUID, Verdict> verdicts = new HashMap<>();
        final Map<String, String> flags = new LinkedHashMap<>();
        ProgressState state;
        AthleteChart chart;
        int steps;
        int resumed;
        int walkedAgain;

        Service(GatePlan plan, boolean folding) {
            this.rules = new ProgressionRules(plan);
            this.folding = folding;
            this.state = ProgressState.start(plan.programmeStart());
            // as the service does: a new plan keeps the chart of its start
            this.chart = folding ? rules.atStart().chart() : null;
        }

        /** A batch (none: a clock tick); null when the batch held only sessions stored before. */
        Replay take(List<SessionLog> batch, Instant now) {
            steps++;
            int before = stored.size();
            List<SessionLog> fresh = batch.stream().filter(s -> stored.putIfAbsent(s.eventId(), s) == null).toList();
            if (!batch.isEmpty() && fresh.isEmpty()) {
                return null;
            }
            Replay replay;
            if (folding && chart != null && chart.sessions() == before && chart.takes(fresh, now)) {
                replay = rules.resume(roundTrip(chart), fresh, now);
                resumed++;
            } else {
                replay = rules.replay(List.copyOf(stored.values()), published, now);
                walkedAgain++;
            }
            published.addAll(replay.newRulings());
            verdicts.putAll(replay.verdicts());
            replay.flags().forEach(flag -> flags.putIfAbsent(flag.decisionKey(), flag.message()));
            chart = replay.chart();
            state = replay.state();
            return replay;
        }

        private static AthleteChart roundTrip(AthleteChart chart) {
            try {
                return JSON.readValue(JSON.writeValueAsString(chart), AthleteChart.class);
            } catch (JsonProcessingException e) {
                throw new AssertionError("the chart does not go through JSON", e);
            }
        }
    }

    private static final class Coverage {

        int resumed;
        int walkedAgain;
        final Map<Class<?>, Integer> decisions = new HashMap<>();
        final Map<NotCounted, Integer> notCounted = new HashMap<>();

        void add(Service walking, Service folding) {
            resumed += folding.resumed;
            walkedAgain += folding.walkedAgain;
            walking.published.forEach(ruling -> decisions.merge(ruling.decision().getClass(), 1, Integer::sum));
            walking.verdicts.values().stream().filter(v -> !v.counted())
                    .forEach(v -> notCounted.merge(v.notCountedBecause(), 1, Integer::sum));
        }
    }
}
