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

    private final List<AthleteChart.Judged> entries = new ArrayList<>();

    Stint() {
    }

    Stint(List<AthleteChart.Judged> entries) {
        this.entries.addAll(entries);
    }

    List<AthleteChart.Judged> entries() {
        return Collections.unmodifiableList(entries);
    }

    void add(AthleteChart.Judged entry) {
        entries.add(entry);
    }

    void clear() {
        entries.clear();
    }

    List<AthleteChart.Judged> latestFirst(Predicate<AthleteChart.Judged> filter) {
        List<AthleteChart.Judged> matching = new ArrayList<>(entries.stream().filter(filter).toList());
        Collections.reverse(matching);
        return matching;
    }
}
