package io.snapshotbatch.snapshot;

import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a run's rows into {@code gridSize} partitions by {@code mod(line, gridSize)}: every partition
 * gets an even share whatever the order of the input, and a row always falls into the same partition,
 * so a restarted partition finds exactly its own unfinished rows.
 */
public class LinePartitioner implements Partitioner {

    public static final String PARTITION = "partition";

    public static final String PARTITIONS = "partitions";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new HashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(PARTITION, i);
            context.putInt(PARTITIONS, gridSize);
            partitions.put("partition" + i, context);
        }
        return partitions;
    }

}
