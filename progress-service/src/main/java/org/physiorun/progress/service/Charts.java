package org.physiorun.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.physiorun.progress.domain.AthleteChart;
import org.physiorun.progress.repository.AthleteProgress;

import java.util.Optional;

/** Keeps each athlete's chart on their progress row, as JSON. */
@ApplicationScoped
public class Charts {

    private final ObjectMapper json;

    Charts(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The athlete's chart if it took in every stored session but the {@code justStored} last ones; empty when there
     * is none, or it left some out (a walk as of an earlier time, a time zone changed since).
     */
    public Optional<AthleteChart> upTo(AthleteProgress progress, int justStored) {
        if (progress.chart == null) {
            return Optional.empty();
        }
        return read(progress.chart).filter(chart -> chart.sessions() == progress.sessionsStored - justStored);
    }

    public void keep(AthleteProgress progress, AthleteChart chart) {
        try {
            progress.chart = json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The athlete's chart cannot be written as JSON", e);
        }
    }

    // A chart written by an older release may not read as today's: walking the plan again rebuilds it.
    private Optional<AthleteChart> read(String chart) {
        try {
            return Optional.of(json.readValue(chart, AthleteChart.class));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
