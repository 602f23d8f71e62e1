package org.physiorun.progress.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and counts as a runner reads them: "Wed 4 Mar", "Wed 4 Mar 09:30", "2 sessions". */
final class Words {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private Words() {
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    static String plural(int count, String noun) {
        return count + " " + noun(count, noun);
    }

    static String noun(int count, String noun) {
        return count == 1 ? noun : noun + "s";
    }
}
