package org.physiorun.plan.api;

import org.physiorun.plan.domain.ProtocolDefinition;

import java.util.List;

/**
 * One version of a protocol with every parameter its gates use.
 *
 * @param timeRules null for a version published before the time rules existed
 */
public record ProtocolDto(String id, int version, String name, String summary, List<PhaseDto> phases,
                          int painFreeMax, int painCeiling, ProtocolDefinition.SprintLadder sprintLadder,
                          ProtocolDefinition.Clearance clearance, ProtocolDefinition.Regression regression,
                          ProtocolDefinition.TimeRules timeRules, ProtocolDefinition.ExpectedReturn expectedReturn) {

    /** @param gate what opens this phase; null for the first */
    public record PhaseDto(int number, String name, String window, int nominalStartDay, int nominalEndDay,
                           int earliestDay, String goal, List<String> exercises, ProtocolDefinition.Gate gate) {
    }
}
