package org.physiorun.progress.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.api.AdherenceView;
import org.physiorun.progress.config.ProgressConfig;
import org.physiorun.progress.domain.Adherence;
import org.physiorun.progress.domain.Decision.AdherenceLow;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.domain.PhaseSpan;
import org.physiorun.progress.domain.Ruling;
import org.physiorun.progress.domain.SessionLog;
import org.physiorun.progress.repository.AthletePlan;
import org.physiorun.progress.repository.AthleteProgress;
import org.physiorun.progress.repository.AthleteScope;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.SessionRecord;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Adherence for runners and physiotherapists, and the daily look that publishes adherence-low (at most once a
 * week per athlete, as a decision with one key like every other).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AdherenceService {

    private static final int CHUNK = 200;

    private final ProgressRepository repository;
    private final GatePlans gatePlans;
    private final AthleteTimelines timelines;
    private final ProgressConfig config;

    AdherenceService(ProgressRepository repository, GatePlans gatePlans, AthleteTimelines timelines,
                     ProgressConfig config) {
        this.repository = repository;
        this.gatePlans = gatePlans;
        this.timelines = timelines;
        this.config = config;
    }

    /** The adherence of the athlete's active plan; empty when the scope holds no active plan. */
    public Optional<AdherenceView> adherence(AthleteScope scope, int weeks, Instant now) {
        return repository.activePlan(scope).map(plan -> {
            GatePlan gates = gatePlans.of(plan);
            LocalDate today = gates.dateOf(now);
            LocalDate firstMonday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeks - 1L);
            List<SessionLog> sessions = sessionsSince(List.of(plan), firstMonday.minusDays(7), gates)
                    .getOrDefault(plan.planId, List.of());
            Adherence adherence = adherence(plan, gates);
            return new AdherenceView(plan.athleteId, plan.planId, gates.timeZone().getId(),
                    adherence.weeks(sessions, today, weeks).stream().map(AdherenceView.WeekView::of).toList(),
                    AdherenceView.TallyView.of(adherence.tally(sessions, firstMonday, today)),
                    AdherenceView.TallyView.of(adherence.lastSevenDays(sessions, today)));
        });
    }

    /** Each plan's seven whole days before today, for the physiotherapist's list. */
    public Map<UUID, Adherence.Tally> lastSevenDays(Collection<AthletePlan> plans, Instant now) {
        Map<UUID, Adherence.Tally> tallies = new HashMap<>();
        Instant from = now.minusSeconds(9 * 24 * 3600L); // seven days and any time zone's offset
        Map<UUID, List<SessionLog>> sessions = sessionsSince(plans, from);
        Map<UUID, List<Ruling>> published = timelines.published(plans.stream().map(p -> p.planId).toList());
        for (AthletePlan plan : plans) {
            GatePlan gates = gatePlans.of(plan);
            tallies.put(plan.planId, new Adherence(gates, PhaseSpan.of(gates, published.getOrDefault(plan.planId,
                    List.of()))).lastSevenDays(sessions.getOrDefault(plan.planId, List.of()), gates.dateOf(now)));
        }
        return tallies;
    }

    /** The daily look, in chunks of athletes, each chunk its own transaction. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void watchAll(Instant now) {
        List<UUID> due = repository.plansDueForAdherence(now);
        for (int from = 0; from < due.size(); from += CHUNK) {
            List<UUID> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
            QuarkusTransaction.requiringNew().run(() -> watch(repository.lockProgress(chunk), now));
        }
    }

    private void watch(List<AthleteProgress> locked, Instant now) {
        List<AthletePlan> plans = locked.stream().map(progress -> repository.plan(progress.planId).orElseThrow())
                .toList();
        List<AthletePlan> judged = plans.stream().filter(plan -> hasWholeWeek(plan, now)).toList();
        // One read of the chunk's sessions and decisions, not one per athlete, while their rows are locked.
        Map<UUID, Adherence.Tally> weeks = lastSevenDays(judged, now);
        for (int i = 0; i < locked.size(); i++) {
            AthletePlan plan = plans.get(i);
            GatePlan gates = gatePlans.of(plan);
            LocalDate today = gates.dateOf(now);
            Adherence.Tally week = weeks.get(plan.planId);
            if (week != null && week.percent() != null && week.percent() < config.adherenceLowBelow()) {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                AdherenceLow low = new AdherenceLow(week.percent(), week.missed(), monday,
                        List.of(AdherenceLow.CRITERION_ID));
                timelines.publish(plan, new Ruling(low.key(plan.planId.toString(), 0, null), low,
                        gates.startOf(today), null), now);
            }
            locked.get(i).nextAdherenceCheckAt = gates.startOf(today.plusDays(1));
        }
    }

    // Only whole weeks of the programme are judged: a runner injured five days ago has no week behind them.
    private boolean hasWholeWeek(AthletePlan plan, Instant now) {
        GatePlan gates = gatePlans.of(plan);
        return !gates.dateOf(now).isBefore(gates.injuryDate().plusDays(7));
    }

    private Adherence adherence(AthletePlan plan, GatePlan gates) {
        return new Adherence(gates, PhaseSpan.of(gates, timelines.published(List.of(plan.planId))
                .getOrDefault(plan.planId, List.of())));
    }

    private Map<UUID, List<SessionLog>> sessionsSince(Collection<AthletePlan> plans, LocalDate from, GatePlan gates) {
        return sessionsSince(plans, gates.startOf(from));
    }

    private Map<UUID, List<SessionLog>> sessionsSince(Collection<AthletePlan> plans, Instant from) {
        return repository.sessionsSince(plans.stream().map(p -> p.planId).toList(), from).stream()
                .collect(Collectors.groupingBy(record -> record.planId,
                        Collectors.mapping(SessionRecord::toLog, Collectors.toList())));
    }
}
