package org.mnistrecognition.training;

import java.util.SplittableRandom;

/**
 * Which training images a run visits, in which order, and how each is shifted: in order over the
 * training set, or shuffled anew every epoch, from a generator seeded by the configuration's seed.
 * The same configuration gives the same sequence, so a run resumed at iteration {@code n} gets its
 * order back by {@link #skip skipping} the first {@code n} samples (a few milliseconds even for
 * millions), rather than by storing the generator's state.
 */
final class SampleOrder {
    private final int size;
    private final boolean shuffle;
    private final int maxShift;
    private final SplittableRandom random;
    /** The training-set positions in this epoch's order. */
    private final int[] order;
    private int position;

    SampleOrder(TrainingConfig config, int trainingSize) {
        this.size = trainingSize;
        this.shuffle = config.shuffle();
        this.maxShift = config.maxShift();
        this.random = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 1);
        this.order = new int[trainingSize];
        for (int i = 0; i < trainingSize; i++) {
            order[i] = i;
        }
        if (shuffle) {
            shuffle();
        }
    }

    /**
     * The next {@code count} samples.
     *
     * @param samples receives their training-set positions, {@code count} from 0
     * @param shifts receives their augmentation shifts, {@code dx, dy} per sample, or is null when there are none
     */
    void next(int[] samples, int[] shifts, int count) {
        for (int s = 0; s < count; s++) {
            if (position == size) {
                position = 0;
                if (shuffle) {
                    shuffle();
                }
            }
            samples[s] = order[position++];
            if (maxShift > 0) {
                int span = 2 * maxShift + 1;
                int dx = random.nextInt(span) - maxShift;
                int dy = random.nextInt(span) - maxShift;
                if (shifts != null) {
                    shifts[2 * s] = dx;
                    shifts[2 * s + 1] = dy;
                }
            }
        }
    }

    /** Passes over the next {@code n} samples, as {@link #next} would have handed them out. */
    void skip(long n) {
        int[] samples = new int[1];
        for (long i = 0; i < n; i++) {
            next(samples, null, 1);
        }
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
