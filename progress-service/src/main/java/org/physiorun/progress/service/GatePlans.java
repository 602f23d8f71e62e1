package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.progress.domain.GatePlan;
import org.physiorun.progress.events.PlanEvents.PlanCreated;
import org.physiorun.progress.repository.AthletePlan;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Reads each plan's gating parameters once; only a change of time zone (plan-updated) makes it read them again. */
@ApplicationScoped
public class GatePlans {

    private final ObjectMapper json;
    private final Map<UUID, GatePlan> cache = new ConcurrentHashMap<>();

    GatePlans(ObjectMapper json) {
        this.json = json;
    }

    public GatePlan of(AthletePlan plan) {
        return cache.computeIfAbsent(plan.planId, id -> read(plan.gatePlan).toGatePlan());
    }

    public void forget(UUID planId) {
        cache.remove(planId);
    }

    public PlanCreated read(String planCreatedJson) {
        try {
            return json.readValue(planCreatedJson, PlanCreated.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored plan cannot be read", e);
        }
    }
}
