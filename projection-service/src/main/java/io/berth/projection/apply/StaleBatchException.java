package io.berth.projection.apply;

import java.util.Map;

/**
 * A batch was folded against offsets that another writer has since moved: two instances both
 * believed they owned a partition during a rebalance. The batch is dropped; its owner reads the
 * offsets again and folds what is still unapplied.
 */
public final class StaleBatchException extends RuntimeException {

    public StaleBatchException(String topic, Map<Integer, Long> expected, Map<Integer, Long> found) {
        super("the next offsets of " + topic + " moved from " + expected + " to " + found
                + " while the batch was prepared");
    }
}
