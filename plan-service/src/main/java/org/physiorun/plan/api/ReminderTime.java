package org.physiorun.plan.api;

import java.time.LocalTime;

/** The athlete's reminder time on the wire: a local time of day written "HH:mm". */
public final class ReminderTime {

    /** What requests must match: two-digit hours 00-23 and minutes 00-59, so "8am" or "25:00" is refused. */
    public static final String PATTERN = "([01][0-9]|2[0-3]):[0-5][0-9]";
    public static final String MESSAGE =
            "must be a local time of day written HH:mm, from 00:00 to 23:59, such as 18:30";
    /** How answers and events write it. */
    public static final String FORMAT = "HH:mm";
    /** What an intake that names none gets; the migration gave the same to the plans made before reminders. */
    public static final LocalTime DEFAULT = LocalTime.of(8, 0);

    private ReminderTime() {
    }
}
