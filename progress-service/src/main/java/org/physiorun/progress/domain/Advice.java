package org.physiorun.progress.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a runner is told the moment they log a session (section 4a, last paragraph): pain above the ceiling means
 * stopping that exercise for the day and calling the physiotherapist; in the phase-4 drills any pain or tightness
 * means going back to phase 3; a session that counts toward nothing says why.
 */
public record Advice(String code, String message) {

    public static final String PAIN_ABOVE_CEILING = "pain-above-ceiling";
    public static final String PHASE_4_PAIN_OR_TIGHTNESS = "phase-4-pain-or-tightness";

    private static final Set<NotCounted> TOLD = EnumSet.of(NotCounted.BEYOND_PRESCRIBED_FREQUENCY,
            NotCounted.ABOVE_PRESCRIBED_EFFORT, NotCounted.BELOW_PRESCRIBED_EFFORT,
            NotCounted.TOO_SOON_AFTER_LAST_SPRINT, NotCounted.LOGGED_TOO_LATE, NotCounted.OUT_OF_PHASE,
            NotCounted.NOT_AT_DOSE);

    /** The advice for {@code session}, from the walk that placed it in the plan. */
    public static List<Advice> forSession(GatePlan plan, SessionLog session, Replay replay) {
        List<Advice> advice = new ArrayList<>();
        String name = plan.prescription(session.exercise()).map(Prescription::name).orElse("the easy run");
        UUID id = session.eventId();
        for (Ruling ruling : replay.newRulings()) {
            if (!id.equals(ruling.sessionEventId())) {
                continue;
            }
            if (ruling.decision() instanceof Decision.PainCeilingExceeded pain) {
                advice.add(new Advice(PAIN_ABOVE_CEILING, "Pain of " + pain.pain() + "/10 is above the ceiling of "
                        + plan.painCeiling() + "/10. Stop " + name + " for today and contact your physiotherapist"
                        + " before you do it again."));
            } else if (ruling.decision() instanceof Decision.PhaseRegressed back) {
                advice.add(new Advice(PHASE_4_PAIN_OR_TIGHTNESS, "You reported " + back.reason() + ". In phase "
                        + back.fromPhase() + " any pain or tightness means going back to phase " + back.toPhase()
                        + ": stop sprinting and drills for now, do the phase " + back.toPhase()
                        + " exercises again, and let your physiotherapist know."
                        + (back.clearanceRevoked() ? " Your clearance to return to running is withdrawn." : "")));
            }
        }
        Verdict verdict = replay.verdicts().get(id);
        if (verdict != null && !verdict.counted() && TOLD.contains(verdict.notCountedBecause())) {
            String why = verdict.explanation();
            advice.add(new Advice(verdict.notCountedBecause().code(), "This session counts toward nothing: " + why + "."));
        }
        return advice;
    }
}
