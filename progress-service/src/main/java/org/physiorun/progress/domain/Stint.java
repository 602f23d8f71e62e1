package org.physiorun.progress.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sessions judged since the athlete's current phase began, oldest first, with their verdicts and, for sprints,
 * the ladder level they were judged at. The criteria of what comes next read only these.
 */
final class Stint {

    /** One judged session; {@code level} is the sprint level at the time (null for other exercises). */
    record Entry(SessionLog session, Verdict verdict, Integer level) {

        boolean counted() {
            return verdict.counted();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry entry) {
        entries.add(entry);
    }

    void clear() {
        entries.clear();
    }

    List<Entry> latestFirst(Predicate<Entry> filter) {
        List<Entry> matching = new ArrayList<>(entries.stream().filter(filter).toList());
        Collections.reverse(matching);
        return matching;
    }
}
