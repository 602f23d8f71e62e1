package org.physiorun.progress.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The sprint intensities (% effort) an athlete climbs one at a time, with the number of qualifying
 * sessions each level needs before the next one opens.
 */
public record SprintLadder(String exercise, List<Integer> levels, int sessionsPerLevel) {

    public SprintLadder {
        Objects.requireNonNull(exercise, "exercise");
        levels = List.copyOf(Objects.requireNonNull(levels, "levels"));
        if (levels.isEmpty() || sessionsPerLevel < 1) {
            throw new IllegalArgumentException("a sprint ladder needs levels and at least 1 session per level");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i) <= levels.get(i - 1)) {
                throw new IllegalArgumentException("sprint levels must rise: " + levels);
            }
        }
    }

    public int firstLevel() {
        return levels.get(0);
    }

    public int topLevel() {
        return levels.get(levels.size() - 1);
    }

    /** The level after {@code level}, none at the top (or for a level not on the ladder). */
    public Optional<Integer> levelAfter(int level) {
        int index = levels.indexOf(level);
        return index < 0 || index == levels.size() - 1 ? Optional.empty() : Optional.of(levels.get(index + 1));
    }
}
