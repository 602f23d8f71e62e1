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
    private final PlanConfig config;

    PlanService(ProtocolRepository protocols, PlanRepository plans, Catalogue catalogue, PlanRecorder recorder,
                PlanConfig config) {
        this.protocols = protocols;
        this.plans = plans;
        this.catalogue = catalogue;
        this.recorder = recorder;
        this.config = config;
    }

    /**
     * Checks the intake, triages it, copies the prescriptions from the catalogue and only then stores the plan.
     * No transaction is open while the catalogue is asked, so a slow catalogue holds no database connection,
     * and a refusal or a catalogue failure stores nothing.
     *
     * @throws ReferralRequired when triage sends the runner to a clinician
     */
    public PlanDto open(PlanIntake intake) {
        ZoneId zone = intake.timeZone() == null ? config.defaultTimeZone() : intake.timeZone();
        LocalDate today = LocalDate.now(zone);
        if (intake.injuryDate().isAfter(today)) {
            throw ProblemException.invalid("injuryDate",
                    "must not be in the future: it is " + today + " in the athlete's time zone (" + zone.getId() + ")");
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
        return recorder.open(intake, zone, protocol, copies);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanDto> find(String planId) {
        return parse(planId).flatMap(plans::findByIdOptional)
                .map(plan -> PlanMapper.toDto(plan, definitionOf(plan)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanDto> forAthlete(String athleteId) {
        Map<Protocol.Key, ProtocolDefinition> definitions = new HashMap<>();
        return plans.byAthleteNewestFirst(athleteId).stream()
                .map(plan -> PlanMapper.toDto(plan, definitions.computeIfAbsent(
                        new Protocol.Key(plan.protocolId, plan.protocolVersion), key -> definitionOf(plan))))
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
