package org.physiorun.plan.api;

import org.physiorun.plan.domain.Prescription;

import java.time.LocalDate;
import java.util.List;

/**
 * One phase of a plan in calendar dates (day 1 is the injury date).
 *
 * @param earliestDate the phase cannot open before this date, however the sessions go
 */
public record PlanPhaseDto(int number, String name, String window, String goal, LocalDate nominalStart,
                           LocalDate nominalEnd, LocalDate earliestDate, List<Prescription> exercises) {
}
