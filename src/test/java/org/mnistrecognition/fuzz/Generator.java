package org.mnistrecognition.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Makes inputs of one kind: a random one from a seeded source, and a few fixed edge cases (an
 * empty file, a header field of 2^31) that every run tries first.
 */
@FunctionalInterface
interface Generator {
    /** An input made with {@code random} alone, so that the same seed makes the same input. */
    Input next(SplittableRandom random);

    /** The fixed inputs tried before the random ones; none unless {@link #withEdges} gave some. */
    default List<Input> edges() {
        return List.of();
    }

    /** This generator with {@code edges} as its fixed inputs. */
    default Generator withEdges(List<Input> edges) {
        Generator self = this;
        List<Input> fixed = List.copyOf(edges);
        return new Generator() {
            @Override
            public Input next(SplittableRandom random) {
                return self.next(random);
            }

            @Override
            public List<Input> edges() {
                return fixed;
            }
        };
    }

    /** Every input of this generator passed through {@code wrap}, its description inside {@code how(...)}. */
    default Generator map(UnaryOperator<byte[]> wrap, String how) {
        Generator self = this;
        return new Generator() {
            @Override
            public Input next(SplittableRandom random) {
                return wrapped(self.next(random));
            }

            @Override
            public List<Input> edges() {
                return self.edges().stream().map(this::wrapped).toList();
            }

            private Input wrapped(Input input) {
                return new Input(wrap.apply(input.bytes()), how + "(" + input.how() + ")");
            }
        };
    }

    /** One of {@code choices}, each as likely as the others; the edges of all of them. */
    static Generator oneOf(Generator... choices) {
        int[] weights = new int[choices.length];
        Arrays.fill(weights, 1);
        return choice(weights, choices);
    }

    /** One of {@code choices}, chosen {@code weights[i]} times in {@code sum(weights)}; the edges of all of them. */
    static Generator choice(int[] weights, Generator... choices) {
        if (weights.length != choices.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + choices.length + " choices");
        }
        int total = Arrays.stream(weights).sum();
        List<Input> edges = new ArrayList<>();
        for (Generator g : choices) {
            edges.addAll(g.edges());
        }
        Generator chosen = random -> {
            int ticket = random.nextInt(total);
            int i = 0;
            while (ticket >= weights[i]) {
                ticket -= weights[i++];
            }
            return choices[i].next(random);
        };
        return chosen.withEdges(edges);
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of {@code values}, each as likely. */
    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** {@code count} random bytes. */
    static byte[] bytes(SplittableRandom random, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i += 8) {
            long word = random.nextLong();
            for (int j = i; j < Math.min(count, i + 8); j++, word >>>= 8) {
                b[j] = (byte) word;
            }
        }
        return b;
    }
}
