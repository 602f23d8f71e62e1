package org.physiorun.support.messaging;

/** How a consumer names a record it skips in its log: enough to find it, without flooding the log with a large one. */
public final class SkippedRecords {

    private static final int EXCERPT_LENGTH = 500;

    private SkippedRecords() {
    }

    public static String excerpt(String value) {
        return value == null || value.length() <= EXCERPT_LENGTH ? value
                : value.substring(0, EXCERPT_LENGTH) + "...";
    }
}
