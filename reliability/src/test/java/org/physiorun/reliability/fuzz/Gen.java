package org.physiorun.reliability.fuzz;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Seeded value generators for the fuzz suite: each draws only from the {@link Random} it is given, so one seed
 * repeats a run. The shapes follow the library the suite used before (integers leaning toward zero and their
 * edges, strings mostly short, character ranges drawn often at their ends), so the fuzzing reaches as far as it did.
 */
@FunctionalInterface
public interface Gen<T> {

    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        return random -> mapper.apply(next(random));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> mapper) {
        return random -> mapper.apply(next(random)).next(random);
    }

    /** Draws again until a value passes; meant for filters that reject a small share. */
    default Gen<T> filter(Predicate<? super T> accepted) {
        return random -> {
            for (int tries = 0; tries < 10_000; tries++) {
                T value = next(random);
                if (accepted.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter rejected 10000 values in a row");
        };
    }

    /** A list of 0 to {@code maxSize} values, the size drawn uniformly. */
    default Gen<List<T>> list(int maxSize) {
        return random -> {
            int size = random.nextInt(maxSize + 1);
            List<T> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(next(random));
            }
            return values;
        };
    }

    // choices

    static <T> Gen<T> just(T value) {
        return random -> value;
    }

    @SafeVarargs
    static <T> Gen<T> of(T... values) {
        return of(Arrays.asList(values));
    }

    static <T> Gen<T> of(List<T> values) {
        List<T> copy = new ArrayList<>(values); // not List.copyOf: a choice may be null
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        return random -> copy.get(random.nextInt(copy.size()));
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        List<Gen<? extends T>> choices = List.of(gens);
        return random -> choices.get(random.nextInt(choices.size())).next(random);
    }

    /** One choice of {@link #frequency}: drawn {@code weight} times as often as a choice of weight 1. */
    record Weighted<T>(int weight, Gen<? extends T> gen) {
    }

    static <T> Weighted<T> weight(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... choices) {
        List<Weighted<? extends T>> all = List.of(choices);
        int total = all.stream().mapToInt(Weighted::weight).sum();
        if (total <= 0 || all.stream().anyMatch(choice -> choice.weight() < 0)) {
            throw new IllegalArgumentException("weights must not be negative and must not all be 0");
        }
        return random -> {
            int ticket = random.nextInt(total);
            for (Weighted<? extends T> choice : all) {
                ticket -= choice.weight();
                if (ticket < 0) {
                    return choice.gen().next(random);
                }
            }
            throw new AssertionError("unreachable: the tickets add up to the total");
        };
    }

    // combinations

    static <A, B, R> Gen<R> zip(Gen<A> a, Gen<B> b, BiFunction<? super A, ? super B, ? extends R> combined) {
        return random -> combined.apply(a.next(random), b.next(random));
    }

    /** One value from each generator, in order. */
    static <T> Gen<List<T>> all(List<? extends Gen<? extends T>> gens) {
        List<Gen<? extends T>> copy = List.copyOf(gens);
        return random -> {
            List<T> values = new ArrayList<>(copy.size());
            for (Gen<? extends T> gen : copy) {
                values.add(gen.next(random));
            }
            return values;
        };
    }

    // numbers

    /** From {@code min} to {@code max} inclusive, leaning toward zero (or the end nearer it) and the edges. */
    static Gen<Integer> ints(int min, int max) {
        return longs(min, max).map(Long::intValue);
    }

    /** Any long: many small, many huge, and now and then 0, ±1, ±2, MIN_VALUE or MAX_VALUE. */
    static Gen<Long> longs() {
        return longs(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * From {@code min} to {@code max} inclusive. One draw in 16 is an edge (the ends, or 0, ±1, ±2 when in range),
     * half of the rest uniform, the other half a uniformly drawn number of bits away from the value nearest zero,
     * so that small magnitudes, where boundaries cluster, come up as often as large ones.
     */
    static Gen<Long> longs(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        long target = Math.max(min, Math.min(max, 0));
        long[] edges = java.util.stream.LongStream.of(min, max, 0, 1, -1, 2, -2)
                .filter(edge -> edge >= min && edge <= max).distinct().toArray();
        return random -> {
            int pick = random.nextInt(16);
            if (pick == 0) {
                return edges[random.nextInt(edges.length)];
            }
            if (pick <= 8) {
                return uniform(random, min, max);
            }
            int bits = random.nextInt(64);
            long offset = bits == 0 ? 0 : random.nextLong() >>> (64 - bits);
            boolean up = target == min || target != max && random.nextBoolean();
            long candidate = up ? target + offset : target - offset;
            boolean wrapped = up ? candidate < target : candidate > target;
            return wrapped || candidate < min || candidate > max ? uniform(random, min, max) : candidate;
        };
    }

    /** From {@code min} to {@code max} inclusive: half uniform, half a uniformly drawn number of bits above min. */
    static Gen<BigInteger> bigIntegers(BigInteger min, BigInteger max) {
        BigInteger span = max.subtract(min);
        if (span.signum() < 0) {
            throw new IllegalArgumentException(min + " > " + max);
        }
        int length = span.bitLength();
        return random -> {
            BigInteger offset = random.nextBoolean()
                    ? new BigInteger(random.nextInt(length + 1), random)
                    : new BigInteger(length, random);
            while (offset.compareTo(span) > 0) {
                offset = new BigInteger(length, random);
            }
            return min.add(offset);
        };
    }

    /** From {@code min} to {@code max}; one draw in 16 is exactly one of the ends. */
    static Gen<Double> doubles(double min, double max) {
        return random -> {
            if (random.nextInt(16) == 0) {
                return random.nextBoolean() ? min : max;
            }
            return Math.min(max, min + random.nextDouble() * (max - min));
        };
    }

    /**
     * Any double: special values (0, -0, ±1, ±0.01, the smallest and largest, NaN, the infinities) now and then,
     * otherwise half hundredths of a long (the old library's default scale of 2) and half any bit pattern.
     */
    static Gen<Double> anyDouble() {
        Gen<Double> special = of(0.0, -0.0, 1.0, -1.0, 0.01, -0.01, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        Gen<Double> hundredths = longs().map(n -> n / 100.0);
        Gen<Double> bits = random -> Double.longBitsToDouble(random.nextLong());
        return frequency(weight(1, special), weight(5, hundredths), weight(5, bits));
    }

    // characters and strings

    /**
     * A character from {@code from} to {@code to}; half of them one of the two ends, as the old library drew a range
     * (for the full range that means many NULs and U+FFFF, which is what breaks parsers).
     */
    static Gen<Character> chars(char from, char to) {
        return random -> random.nextBoolean()
                ? (random.nextBoolean() ? from : to)
                : (char) (from + random.nextInt(to - from + 1));
    }

    /** Any UTF-16 unit: controls, NUL, lone surrogates, noncharacters. */
    static Gen<Character> anyChar() {
        return chars(Character.MIN_VALUE, Character.MAX_VALUE);
    }

    /** ASCII letters, either case equally often. */
    static Gen<Character> alpha() {
        return oneOf(chars('A', 'Z'), chars('a', 'z'));
    }

    /** One of the characters of {@code set}. */
    static Gen<Character> charsOf(String set) {
        return of(set.chars().mapToObj(c -> (char) c).toList());
    }

    /**
     * Strings of {@code minLength} to {@code maxLength} characters drawn from {@code chars}. Lengths are mostly
     * short (up to 32 over the minimum, 9 in 10 when the range is wider), 1 in 100 is the maximum, and when empty
     * is allowed, 1 in 100 is empty; the old library sized strings so too.
     */
    static Gen<String> strings(int minLength, int maxLength, Gen<Character> chars) {
        if (minLength < 0 || minLength > maxLength) {
            throw new IllegalArgumentException(minLength + ".." + maxLength);
        }
        int shortMax = Math.min(maxLength, minLength + 32);
        return random -> {
            if (minLength == 0 && random.nextInt(100) == 0) {
                return "";
            }
            int length;
            double roll = random.nextDouble();
            if (shortMax == maxLength || roll >= 0.11) {
                length = minLength + random.nextInt(shortMax - minLength + 1);
            } else if (roll < 0.01) {
                length = maxLength;
            } else {
                length = shortMax + 1 + random.nextInt(maxLength - shortMax);
            }
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(chars.next(random).charValue());
            }
            return text.toString();
        };
    }

    /** Uniform from {@code min} to {@code max} inclusive, for any two longs. */
    private static long uniform(Random random, long min, long max) {
        long span = max - min;
        if (span >= 0 && span < Long.MAX_VALUE) {
            return min + random.nextLong(span + 1);
        }
        // the range holds at least half of all longs: drawing until one falls in takes two tries on average
        long value;
        do {
            value = random.nextLong();
        } while (value < min || value > max);
        return value;
    }
}
