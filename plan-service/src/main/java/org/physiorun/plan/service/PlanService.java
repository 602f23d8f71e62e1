package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.plan.api.PlanDto;
import org.physiorun.plan.api.PlanIntake;
import org.physiorun.plan.catalogue.Catalogue;
import org.physiorun.plan.config.PlanConfig;
import org.physiorun.plan.domain.Plan;
import org.physiorun.plan.domain.Prescription;
import org.physiorun.plan.domain.Protocol;
import org.physiorun.plan.domain.ProtocolDefinition;
import org.physiorun.plan.domain.Referral;
import org.physiorun.plan.domain.Triage;
import org.physiorun.plan.repository.PlanRepository;
import org.physiorun.plan.repository.ProtocolRepository;
import org.physiorun.support.problem.ProblemException;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanService {

    private final ProtocolRepository protocols;
    private final PlanRepository plans;
    private final Catalogue catalogue;
    private final PlanRecorder recorder;
    private final PlanAccess access;
    private final PlanConfig config;

    PlanService(ProtocolRepository protocols, PlanRepository plans, Catalogue catalogue, PlanRecorder recorder,
                PlanAccess access, PlanConfig config) {
        this.protocols = protocols;
        this.plans = plans;
        this.catalogue = catalogue;
        this.recorder = recorder;
        this.access = access;
        this.config = config;
    }

    /**
     * Checks who asks, then the intake, triages it, copies the prescriptions from the catalogue and only then
     * stores the plan, in the caller's clinic. No transaction is open while the catalogue is asked, so a slow
     * catalogue holds no database connection, and a refusal or a catalogue failure stores nothing.
     *
     * @throws ReferralRequired when triage sends the runner to a clinician
     */
    public PlanDto open(PlanIntake intake, CalendarLinks links) {
        String clinicId = access.clinicOfNewPlan(intake.athleteId().strip());
        ZoneId zone = intake.timeZone() == null ? config.defaultTimeZone() : intake.timeZone();
        LocalDate today = LocalDate.now(zone);
        if (intake.injuryDate().isAfter(today)) {
            throw ProblemException.invalid("injuryDate",
                    "must not be in the future: it is " + today + " in the athlete's time zone (" + zone.getId() + ")");
        }
        // The programme loads a recent strain; an injury over a year old is a typing slip or a clinician's case.
        if (intake.injuryDate().isBefore(today.minusYears(1))) {
            throw ProblemException.invalid("injuryDate", "must be within the last year (on or after "
                    + today.minusYears(1) + "): the programme is for a recent strain");
        }
        List<Referral> refusals = Triage.refusals(intake.grade(), intake.suspectedSource(),
                intake.clinicianConfirmed());
        if (!refusals.isEmpty()) {
            throw new ReferralRequired(refusals);
        }
        String protocolId = intake.protocolId() == null ? config.defaultProtocol() : intake.protocolId();
        Protocol protocol = protocols.latest(protocolId).orElseThrow(
                () -> ProblemException.unprocessable("protocolId", "no protocol has id '" + protocolId + "'"));
        List<Prescription> copies = catalogue.prescriptions(protocol.definition.exercises());
        Plan plan = recorder.open(intake, zone, clinicId, protocol, copies);
        return PlanMapper.toDto(plan, protocol.definition, links);
    }

    /** Empty when no plan has the id; a 403 when the caller may not read it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanDto> find(String planId, CalendarLinks links) {
        return parse(planId).flatMap(plans::findByIdOptional).map(access::readable)
                .map(plan -> PlanMapper.toDto(plan, definitionOf(plan), links));
    }

    /** The athlete's plans that the caller may read, newest first: the query itself leaves out the others. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanDto> forAthlete(String athleteId, CalendarLinks links) {
        List<Plan> found = access.clinicToListFor(athleteId)
                .map(clinicId -> plans.byAthleteInClinicNewestFirst(athleteId, clinicId))
                .orElseGet(() -> plans.byAthleteNewestFirst(athleteId));
        Map<Protocol.Key, ProtocolDefinition> definitions = new HashMap<>();
        return found.stream()
                .map(plan -> PlanMapper.toDto(plan, definitions.computeIfAbsent(
                        new Protocol.Key(plan.protocolId, plan.protocolVersion), key -> definitionOf(plan)), links))
                .toList();
    }

    /** The protocol version the plan was made from; the foreign key guarantees it exists. */
    ProtocolDefinition definitionOf(Plan plan) {
        return protocols.version(plan.protocolId, plan.protocolVersion).orElseThrow().definition;
    }

    /** A plan id that is not a UUID names no plan, so it is a 404 like any unknown id. */
    static Optional<UUID> parse(String planId) {
        try {
            return Optional.of(UUID.fromString(planId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
