package org.physiorun.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.outbox.CloudEvent;
import org.physiorun.progress.domain.AthleteChart;
import org.physiorun.progress.domain.ProgressionRules;
import org.physiorun.progress.domain.Replay;
import org.physiorun.progress.domain.ReviewFlag;
import org.physiorun.progress.domain.Ruling;
import org.physiorun.progress.domain.SessionLog;
import org.physiorun.progress.events.ProgressionEventData;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.DecisionRecord;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.SessionRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Walks athletes' plans through the rules and keeps what the walk found: the new decisions (stored under their keys
 * and announced through the outbox in the same transaction), what each session meant, the review flags, and where
 * the athlete stands.
 */
@ApplicationScoped
@Transactional
public class AthleteTimelines {

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final ProgressionEvents events;
    private final ProgressionAnnouncer announcer;
    private final Charts charts;

    AthleteTimelines(ProgressRepository repository, GatePlans gatePlans, ProgressionEvents events,
                     ProgressionAnnouncer announcer, Charts charts) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.events = events;
        this.announcer = announcer;
        this.charts = charts;
    }

    /**
     * Brings the athletes of these locked progress rows up to date as of {@code now}, given their new sessions
     * ({@code added}, by plan, judged here and stored by the caller; none for a clock tick). An athlete whose chart
     * took in every session before these, and whose new sessions all come after it, is judged from the chart; any
     * other (a late session, a chart not written yet or set aside) has every session of the plan walked again.
     */
    public void update(Collection<AthleteProgress> locked, Map<UUID, List<SessionRecord>> added, Instant now) {
        List<Decided> decided = new ArrayList<>();
        List<AthleteProgress> walkAgain = new ArrayList<>();
        for (AthleteProgress progress : locked) {
            AthletePlan plan = repository.plan(progress.planId).orElseThrow();
            List<SessionRecord> records = added.getOrDefault(plan.planId, List.of());
            List<SessionLog> logs = records.stream().map(SessionRecord::toLog).toList();
            Optional<AthleteChart> chart = charts.upTo(progress, records.size())
                    .filter(taken -> taken.takes(logs, now));
            if (chart.isPresent()) {
                keep(plan, progress, records, rules(plan).resume(chart.get(), logs, now), now, decided);
            } else {
                walkAgain.add(progress);
            }
        }
        if (!walkAgain.isEmpty()) {
            List<UUID> planIds = walkAgain.stream().map(progress -> progress.planId).toList();
            Map<UUID, List<SessionRecord>> sessions = repository.sessionsOf(planIds).stream()
                    .collect(Collectors.groupingBy(record -> record.planId));
            Map<UUID, List<Ruling>> published = published(planIds);
            for (AthleteProgress progress : walkAgain) {
                AthletePlan plan = repository.plan(progress.planId).orElseThrow();
                List<SessionRecord> records = new ArrayList<>(sessions.getOrDefault(plan.planId, List.of()));
                records.addAll(added.getOrDefault(plan.planId, List.of()));
                Replay replay = walk(plan, records.stream().map(SessionRecord::toLog).toList(), published, now);
                progress.sessionsStored = records.size();
                keep(plan, progress, records, replay, now, decided);
            }
        }
        publish(decided, now);
    }

    /**
     * What the plan would look like with {@code candidate} added, changing nothing: the answer a runner gets the
     * moment they log a session, before it is counted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Replay preview(AthletePlan plan, Optional<AthleteProgress> progress, SessionLog candidate, Instant now) {
        return fromChart(plan, progress, List.of(candidate), now).orElseGet(() -> {
            List<SessionLog> sessions = new ArrayList<>(logs(plan));
            sessions.add(candidate);
            return walk(plan, sessions, published(List.of(plan.planId)), now);
        });
    }

    /** The capacity check and the rest of the walk as of {@code now}, changing nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Replay current(AthletePlan plan, Instant now) {
        return fromChart(plan, repository.progress(plan.planId), List.of(), now)
                .orElseGet(() -> walk(plan, logs(plan), published(List.of(plan.planId)), now));
    }

    /** The walk continued from the athlete's stored chart with {@code added}, when the chart can take them. */
    private Optional<Replay> fromChart(AthletePlan plan, Optional<AthleteProgress> progress, List<SessionLog> added,
                                      Instant now) {
        return progress.flatMap(stored -> charts.upTo(stored, 0))
                .filter(chart -> chart.takes(added, now))
                .map(chart -> rules(plan).resume(chart, added, now));
    }

    /**
     * Stores a decision under its key with its CloudEvent, and announces it through the outbox, in the caller's
     * transaction; a decision stored before (same key) is neither stored nor announced again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(AthletePlan plan, Ruling ruling, Instant now) {
        publish(List.of(new Decided(plan, ruling)), now);
    }

    /** A new ruling on one plan, to be published. */
    private record Decided(AthletePlan plan, Ruling ruling) {
    }

    /** As {@link #publish(AthletePlan, Ruling, Instant)} for many: one insert for them all, announced in order. */
    private void publish(List<Decided> decided, Instant now) {
        if (decided.isEmpty()) {
            return;
        }
        List<CloudEvent<ProgressionEventData>> announced = new ArrayList<>();
        List<ProgressRepository.NewDecision> rows = new ArrayList<>();
        for (Decided one : decided) {
            CloudEvent<ProgressionEventData> event = events.event(one.plan(), one.ruling(), now);
            announced.add(event);
            rows.add(new ProgressRepository.NewDecision(event.id(), one.ruling().key(), one.plan().planId,
                    one.plan().athleteId, one.ruling().decision().eventType(), one.ruling().sessionEventId(), now,
                    one.ruling().effectiveAt(), events.write(event)));
        }
        Set<String> stored = repository.storeDecisions(rows);
        for (int i = 0; i < decided.size(); i++) {
            if (stored.contains(decided.get(i).ruling().key())) {
                announcer.announce(announced.get(i));
            }
        }
    }

    /** The decisions published for the plans, as the rules take them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<Ruling>> published(Collection<UUID> planIds) {
        Map<UUID, List<Ruling>> byPlan = new HashMap<>();
        for (DecisionRecord record : repository.decisionsOf(planIds)) {
            byPlan.computeIfAbsent(record.planId, id -> new ArrayList<>()).add(events.ruling(record));
        }
        return byPlan;
    }

    private Replay walk(AthletePlan plan, List<SessionLog> sessions, Map<UUID, List<Ruling>> published, Instant now) {
        return rules(plan).replay(sessions, published.getOrDefault(plan.planId, List.of()), now);
    }

    private ProgressionRules rules(AthletePlan plan) {
        return new ProgressionRules(gatePlans.of(plan));
    }

    private List<SessionLog> logs(AthletePlan plan) {
        return repository.sessionsOf(List.of(plan.planId)).stream().map(SessionRecord::toLog).toList();
    }

    private void keep(AthletePlan plan, AthleteProgress progress, List<SessionRecord> records, Replay replay,
                      Instant now, List<Decided> decided) {
        replay.newRulings().forEach(ruling -> decided.add(new Decided(plan, ruling)));
        // A walk from the chart judges only the new sessions; those before keep their verdicts.
        records.forEach(record -> record.judged(replay.verdicts().get(record.eventId)));
        for (ReviewFlag flag : replay.flags()) {
            repository.storeFlag(plan.planId, flag.decisionKey(), plan.athleteId, flag.effectiveAt(), now,
                    flag.message());
        }
        if (!replay.state().equals(progress.state())) {
            progress.moveTo(replay.state(), now);
        }
        progress.nextCheckAt = replay.nextCheckAt().orElse(null);
        charts.keep(progress, replay.chart());
    }
}
