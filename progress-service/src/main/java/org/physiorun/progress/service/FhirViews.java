package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.physiorun.progress.events.ProgressionEventData;
import org.physiorun.progress.fhir.ProgressFhir;
import org.physiorun.progress.repository.AthleteScope;
import org.physiorun.progress.repository.DecisionRecord;
import org.physiorun.progress.repository.ProgressRepository;
import org.physiorun.progress.repository.SessionRecord;
import org.physiorun.support.fhir.FhirJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The progress of the athlete's active plan as FHIR R4 JSON, for clinic systems: what /sessions and /events show. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FhirViews {

    private final ProgressRepository repository;
    private final ObjectMapper json;

    FhirViews(ProgressRepository repository, ObjectMapper json) {
        this.repository = repository;
        this.json = json;
    }

    /** Empty when the scope holds no active plan. */
    public Optional<String> progress(AthleteScope scope, Instant now) {
        return repository.activePlan(scope).map(plan -> {
            List<SessionRecord> sessions = new ArrayList<>(repository.sessionsNewestFirst(plan.planId));
            Collections.reverse(sessions);
            List<ProgressFhir.Decision> decisions = repository.decisionsOf(List.of(plan.planId)).stream()
                    .map(this::read).toList();
            return FhirJson.write(ProgressFhir.bundle(plan, sessions, decisions, now));
        });
    }

    private ProgressFhir.Decision read(DecisionRecord record) {
        try {
            return new ProgressFhir.Decision(record,
                    json.treeToValue(json.readTree(record.event).path("data"), ProgressionEventData.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event cannot be read", e);
        }
    }
}
