package org.physiorun.progress.domain;

/** At least {@code count} pain-free easy runs in the last {@code withinDays} calendar days, today included. */
public record EasyRunCriterion(int withinDays, int count) {

    public static final String ID = "easy-run";

    public EasyRunCriterion {
        if (withinDays < 1 || count < 1) {
            throw new IllegalArgumentException("an easy-run criterion needs withinDays and count of at least 1");
        }
    }
}
