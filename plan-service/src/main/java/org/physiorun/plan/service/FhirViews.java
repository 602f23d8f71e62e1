package org.physiorun.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.plan.fhir.PlanFhir;
import org.physiorun.plan.fhir.ProtocolFhir;
import org.physiorun.plan.repository.PlanRepository;
import org.physiorun.plan.repository.ProtocolRepository;
import org.physiorun.support.fhir.FhirJson;

import java.time.Instant;
import java.util.Optional;

/** The protocols and plans as FHIR R4 JSON, for clinic systems; the same access as the plan's own JSON. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FhirViews {

    private final ProtocolRepository protocols;
    private final PlanRepository plans;
    private final PlanAccess access;

    FhirViews(ProtocolRepository protocols, PlanRepository plans, PlanAccess access) {
        this.protocols = protocols;
        this.plans = plans;
        this.access = access;
    }

    /** The newest version of the protocol as a PlanDefinition; empty when no protocol has the id. */
    public Optional<String> protocol(String id) {
        return protocols.latest(id).map(protocol -> FhirJson.write(
                ProtocolFhir.planDefinition(protocol.id, protocol.version, protocol.definition)));
    }

    /** The plan's CarePlan and Goal; empty when no plan has the id, a 403 when the caller may not read it. */
    public Optional<String> plan(String planId) {
        return PlanService.parse(planId).flatMap(plans::findByIdOptional).map(access::readable)
                .map(plan -> FhirJson.write(PlanFhir.bundle(plan,
                        protocols.version(plan.protocolId, plan.protocolVersion).orElseThrow().definition,
                        Instant.now())));
    }
}
