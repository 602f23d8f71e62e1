package org.physiorun.reliability.fuzz;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenTest {

    @Test
    void oneSeedRepeatsTheBodies() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        Supplier<Gen<String>> sessions = () -> Bodies.session(List.of("ana", "ben"), List.of("nordic", "bridge"), now);
        Supplier<Gen<String>> exercises = () -> Bodies.exercise(Gen.of("\"a\"", "null"), List.of("c1", "c2"));
        for (Supplier<Gen<String>> bodies : List.of(sessions, exercises)) {
            List<String> first = draw(bodies.get(), new Random(42), 1_000);
            assertEquals(first, draw(bodies.get(), new Random(42), 1_000));
            // guards against a generator that ignores the Random and repeats trivially
            assertNotEquals(first, draw(bodies.get(), new Random(43), 1_000));
        }
    }

    @Test
    void intsStayInRangeAndReachEveryValue() {
        Set<Integer> seen = new TreeSet<>(draw(Gen.ints(3, 5), new Random(1), 1_000));
        assertEquals(Set.of(3, 4, 5), seen);
    }

    @Test
    void frequencyFollowsTheWeights() {
        List<String> picks = draw(Gen.frequency(Gen.weight(9, Gen.just("a")), Gen.weight(1, Gen.just("b"))),
                new Random(2), 10_000);
        long first = picks.stream().filter("a"::equals).count();
        assertTrue(first >= 8_500 && first <= 9_500, "first picked " + first + " of 10000");
    }

    @Test
    void anyCharStringsHoldNulAndLoneSurrogates() {
        List<String> texts = draw(Gen.strings(0, 40, Gen.anyChar()), new Random(3), 10_000);
        assertTrue(texts.stream().allMatch(text -> text.length() <= 40));
        assertTrue(texts.stream().anyMatch(text -> text.indexOf('\u0000') >= 0), "no NUL");
        assertTrue(texts.stream().anyMatch(GenTest::hasLoneSurrogate), "no lone surrogate");
    }

    @Test
    void listsKeepToTheirMaximumSize() {
        List<List<Integer>> lists = draw(Gen.ints(0, 9).list(4), new Random(4), 1_000);
        assertTrue(lists.stream().allMatch(list -> list.size() <= 4));
        assertTrue(lists.stream().anyMatch(list -> list.size() == 4), "never the maximum");
    }

    private static <T> List<T> draw(Gen<T> gen, Random random, int count) {
        return java.util.stream.Stream.generate(() -> gen.next(random)).limit(count).toList();
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
