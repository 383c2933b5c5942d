package org.mnistrecognition.fuzz;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The cases of one property as JUnit dynamic tests: a generator's edge cases, then random inputs
 * each made from its own seed, so that a failing case can be made again from the seed its name
 * and message give.
 *
 * <p>Every build runs the same cases: the seeds follow from a fixed base seed. Two system
 * properties change that, for a look at one case or at new ones: {@code -Dfuzz.case=SEED}
 * (hexadecimal, as a failure prints it) runs only the random case of that seed in each property,
 * and {@code -Dfuzz.seed=N} takes another base seed.
 */
final class Cases {
    /** The base seed of every property unless {@code fuzz.seed} says otherwise. */
    static final long SEED = 20261125;

    private Cases() {
    }

    /** What a property checks of one input. */
    @FunctionalInterface
    interface Check {
        void check(byte[] input) throws Exception;
    }

    /**
     * {@code tries} cases of {@code generator} checked by {@code check}: its edges first (as many
     * as fit), then random inputs.
     */
    static Stream<DynamicTest> of(int tries, Generator generator, Check check) {
        String only = System.getProperty("fuzz.case");
        if (only != null && !only.isBlank()) {
            long seed = Long.parseUnsignedLong(only.strip().replaceFirst("^0x", ""), 16);
            return Stream.of(random(seed, generator, check));
        }
        long base = Long.getLong("fuzz.seed", SEED);
        var edges = generator.edges();
        return IntStream.range(0, tries).mapToObj(i -> i < edges.size()
                ? test("edge " + i + ": " + edges.get(i).how(), edges.get(i), check)
                : random(caseSeed(base, i), generator, check));
    }

    /** The seed of case {@code i}: a mix of the base seed and the number, the same in every run. */
    static long caseSeed(long base, int i) {
        return new SplittableRandom(base + i).nextLong();
    }

    private static DynamicTest random(long seed, Generator generator, Check check) {
        Input input = generator.next(new SplittableRandom(seed));
        return test("seed " + HexFormat.of().toHexDigits(seed) + ": " + input.how(), input, check);
    }

    private static DynamicTest test(String name, Input input, Check check) {
        return DynamicTest.dynamicTest(name, () -> {
            try {
                check.check(input.bytes());
            } catch (Exception | AssertionError e) {
                throw new AssertionError("case " + name + " (" + input.bytes().length + " bytes): " + e, e);
            }
        });
    }
}
