package io.snapshotbatch.snapshot;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;

import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.nightly.ChangeCheck;

/**
 * With {@code --skip-unchanged}: reads the rest of the current chunk from the {@link PendingRowReader} at once and
 * has the {@link ChangeCheck} prefetch their opportunities' dates in one ListOpportunities call (20 ids at most),
 * instead of one GetOpportunity per row. It never reads past the chunk: the pending reader looks back at the
 * ledger between passes, which must see the chunk's results written first. Without a check (no
 * {@code --skip-unchanged}) it only hands the pending rows on. One instance per partition.
 */
public class PrefetchingRowReader implements ItemReader<LedgerRow> {

    private final ItemReader<LedgerRow> pending;

    private final ChangeCheck check;

    private final int chunkSize;

    private final Deque<LedgerRow> ahead = new ArrayDeque<>();

    private long handedOut;

    public PrefetchingRowReader(ItemReader<LedgerRow> pending, ChangeCheck check, int chunkSize) {
        this.pending = pending;
        this.check = check;
        this.chunkSize = chunkSize;
    }

    @Override
    public LedgerRow read() throws Exception {
        if (this.check == null) {
            return this.pending.read();
        }
        if (this.ahead.isEmpty()) {
            fill();
        }
        LedgerRow row = this.ahead.poll();
        if (row != null) {
            this.handedOut++;
        }
        return row;
    }

    private void fill() throws Exception {
        long leftInChunk = this.chunkSize - (this.handedOut % this.chunkSize);
        int wanted = (int) Math.min(leftInChunk, ChangeCheck.IDENTIFIERS_PER_LIST);
        List<LedgerRow> toCheck = new ArrayList<>();
        for (int i = 0; i < wanted; i++) {
            LedgerRow row = this.pending.read();
            if (row == null) {
                break;
            }
            this.ahead.add(row);
            if (PendingRowReader.isPassEnd(row)) {
                // The rest of this chunk is pass-end markers; the next read after it looks back at the ledger.
                break;
            }
            if (row.attempts() == 0) {
                toCheck.add(row);
            }
        }
        if (!toCheck.isEmpty()) {
            this.check.prefetch(toCheck);
        }
    }

}
