package io.berth.projection.apply;

import java.util.List;
import java.util.Map;

/**
 * The records of one topic that one poll brought, folded into the statements that apply them,
 * and the partitions' offsets before and after: {@link ProjectionWriter} runs the statements only
 * if the stored offsets are still those the batch was folded against.
 */
public interface FoldedBatch {

    String topic();

    /** The next offsets this batch was folded against: the write must find them unchanged. */
    Map<Integer, Long> appliedBefore();

    /** Each partition's next offset once the batch is applied. */
    Map<Integer, Long> nextOffsets();

    /** Records applied (records below the stored offsets are not counted). */
    int appliedCount();

    /** Records below the stored offsets: redeliveries, which change nothing. */
    int skippedCount();

    /** The statements that write the batch, the offsets last. */
    List<SqlStatement> statements();
}
