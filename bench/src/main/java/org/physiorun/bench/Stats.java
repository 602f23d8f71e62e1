package org.physiorun.bench;

import java.util.List;

/** Percentiles of latencies, shared by the benches. */
final class Stats {

    private Stats() {
    }

    /** The p-th percentile (nearest rank) of an ascending list; NaN when there is nothing to rank. */
    static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
