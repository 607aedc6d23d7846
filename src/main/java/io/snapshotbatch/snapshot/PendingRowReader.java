package io.snapshotbatch.snapshot;

import java.util.ArrayDeque;
import java.util.Deque;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;

/**
 * Reads one partition's PENDING rows in line order, a page at a time (keyset paging on {@code line}),
 * in <em>passes</em>: a row that is still PENDING after its call (throttled out, outcome unknown) is
 * read again in the next pass of the same launch, with its token, up to {@code maxPasses}. Before it
 * looks back, the reader ends the current chunk with {@link #isPassEnd pass-end} markers (filtered out
 * by the processor), so that the results of the pass are written and the look-back sees them. Reading
 * stops at once when the run is stopping. One instance per partition (step scope).
 */
public class PendingRowReader implements ItemReader<LedgerRow> {

    private static final Logger logger = LoggerFactory.getLogger(PendingRowReader.class);

    private static final LedgerRow PASS_END = new LedgerRow(-1, -1, null, null, null, null, null, null, 0, null, null,
            null, null, null, null, 0, 0, null, null, null);

    /** A new pass starts no sooner than this after the previous one, so a run of failing rows cannot spin. */
    private static final long MIN_PASS_MILLIS = 1000;

    private final JdbcClient jdbc;

    private final long runId;

    private final int partition;

    private final int partitions;

    private final int pageSize;

    private final int chunkSize;

    private final int maxPasses;

    private final RunStopSignal stopSignal;

    private final Deque<LedgerRow> page = new ArrayDeque<>();

    private int lastLine = Integer.MIN_VALUE;

    private boolean passDone;

    private int pass = 1;

    private long passStartedAt = System.currentTimeMillis();

    private long reads;

    public PendingRowReader(JdbcClient jdbc, long runId, int partition, int partitions, int pageSize, int chunkSize,
            int maxPasses, RunStopSignal stopSignal) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.partition = partition;
        this.partitions = partitions;
        this.pageSize = pageSize;
        this.chunkSize = chunkSize;
        this.maxPasses = maxPasses;
        this.stopSignal = stopSignal;
    }

    /** Whether the item is a pass-end marker rather than a row. */
    public static boolean isPassEnd(LedgerRow row) {
        return row == PASS_END;
    }

    @Override
    public LedgerRow read() throws InterruptedException {
        while (!this.stopSignal.isStopped()) {
            if (!this.passDone) {
                if (this.page.isEmpty()) {
                    this.page.addAll(nextPage());
                }
                LedgerRow row = this.page.poll();
                if (row != null) {
                    this.lastLine = row.line();
                    this.reads++;
                    return row;
                }
                this.passDone = true;
            }
            if (this.reads % this.chunkSize != 0) {
                // End the chunk: its rows' results must be written before looking back at what is left.
                this.reads++;
                return PASS_END;
            }
            long left = leftBehind();
            if (left == 0 || this.pass >= this.maxPasses) {
                if (left > 0) {
                    logger.warn("Partition {}: {} rows still PENDING after {} passes; the next launch tries them again",
                            this.partition, left, this.pass);
                }
                return null;
            }
            pauseBetweenPasses();
            this.pass++;
            logger.info("Partition {}: pass {} over {} rows left PENDING (throttled out or outcome unknown)",
                    this.partition, this.pass, left);
            this.lastLine = Integer.MIN_VALUE;
            this.passDone = false;
            this.passStartedAt = System.currentTimeMillis();
        }
        return null;
    }

    /**
     * The next page, on the (run_id, outcome, line) index (V9). The ORDER BY names the index's columns, not just
     * line: the first two are fixed by the WHERE, so the order is the same, but H2 only reads an index in order
     * when the ORDER BY is a prefix of it; with {@code order by line} it read every PENDING row of the run and
     * sorted them, for each page (PostgreSQL drops the fixed columns itself).
     */
    private java.util.List<LedgerRow> nextPage() {
        return this.jdbc.sql("select " + LedgerRepository.SELECT_COLUMNS + """
                 from snapshot_row
                where run_id = :runId and outcome = 'PENDING' and mod(line, :partitions) = :partition and line > :after
                order by run_id, outcome, line limit :pageSize""")
            .param("runId", this.runId)
            .param("partitions", this.partitions)
            .param("partition", this.partition)
            .param("after", this.lastLine)
            .param("pageSize", this.pageSize)
            .query(LedgerRepository::map)
            .list();
    }

    /** PENDING rows this pass went past: their calls left them PENDING. */
    private long leftBehind() {
        return this.jdbc.sql("""
                select count(*) from snapshot_row
                where run_id = :runId and outcome = 'PENDING' and mod(line, :partitions) = :partition and line <= :upTo""")
            .param("runId", this.runId)
            .param("partitions", this.partitions)
            .param("partition", this.partition)
            .param("upTo", this.lastLine)
            .query(Long.class)
            .single();
    }

    private void pauseBetweenPasses() throws InterruptedException {
        long until = this.passStartedAt + MIN_PASS_MILLIS;
        while (!this.stopSignal.isStopped() && System.currentTimeMillis() < until) {
            Thread.sleep(Math.min(100, Math.max(1, until - System.currentTimeMillis())));
        }
    }

}
