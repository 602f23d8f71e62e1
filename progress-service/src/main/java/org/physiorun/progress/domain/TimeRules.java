package org.physiorun.progress.domain;

/**
 * The time rules of protocol.md section 4a, as the plan carries them.
 *
 * @param sprintMinDaysBetween  local calendar days a sprint session must follow the previous one to count
 * @param sprintMinHoursBetween hours a sprint session must follow the previous one to count
 * @param levelTolerance        percentage points either side of the sprint level that still count toward it
 * @param clearanceMinDays      days after the local date the ladder phase began before clearance is possible
 * @param maxLateHours          hours after performing it within which a runner's own entry still counts
 */
public record TimeRules(int sprintMinDaysBetween, int sprintMinHoursBetween, int levelTolerance,
                        int clearanceMinDays, int maxLateHours) {

    /**
     * For plans made from a protocol version older than these parameters (section 4a, rule 11). The
     * protocol data of plan-service is the source of every newer plan's figures.
     */
    public static final TimeRules DEFAULTS = new TimeRules(2, 36, 5, 14, 72);

    public TimeRules {
        if (sprintMinDaysBetween < 0 || sprintMinHoursBetween < 0 || levelTolerance < 0 || clearanceMinDays < 0
                || maxLateHours < 0) {
            throw new IllegalArgumentException("time rules cannot be negative");
        }
    }
}
