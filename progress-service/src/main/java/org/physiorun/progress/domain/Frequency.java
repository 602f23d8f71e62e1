package org.physiorun.progress.domain;

/** How often an exercise is prescribed: {@code timesMin} to {@code timesMax} times per DAY or WEEK. */
public record Frequency(int timesMin, Integer timesMax, Period per) {

    public enum Period {
        DAY, WEEK
    }

    public Frequency {
        if (per == null || timesMin < 1 || (timesMax != null && timesMax < timesMin)) {
            throw new IllegalArgumentException("a frequency needs a period and 1 <= timesMin <= timesMax");
        }
    }

    /** The most sessions that count in one period. */
    public int most() {
        return timesMax == null ? timesMin : timesMax;
    }

    /** "twice a day", "once a day", "3 times a week", "3-4 times a week". */
    String text() {
        String times = most() == timesMin ? times(timesMin) : timesMin + "-" + most() + " times";
        return times + (per == Period.DAY ? " a day" : " a week");
    }

    private static String times(int n) {
        return n == 1 ? "once" : n == 2 ? "twice" : n + " times";
    }
}
