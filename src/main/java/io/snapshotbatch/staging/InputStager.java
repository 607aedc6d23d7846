package io.snapshotbatch.staging;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.snapshotbatch.input.PairRecord;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.PairValidator;
import io.snapshotbatch.input.Rejection;
import io.snapshotbatch.input.RowDefaults;
import io.snapshotbatch.input.SnapshotKey;
import io.snapshotbatch.ledger.ClientTokens;
import io.snapshotbatch.ledger.LedgerRepository;
import io.snapshotbatch.ledger.LedgerRow;
import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.ledger.RunRepository;
import io.snapshotbatch.ledger.SnapshotRun;

/**
 * Writes every input row of a run to the ledger. Must run inside one transaction: a staging that
 * dies half-way leaves nothing, and the next launch stages the whole input again.
 */
public class InputStager {

    private static final Logger logger = LoggerFactory.getLogger(InputStager.class);

    private static final int BATCH_SIZE = 1000;

    private static final int MAX_VALUE_LENGTH = 1024;

    private final LedgerRepository ledger;

    private final RunRepository runs;

    private final Clock clock;

    public InputStager(LedgerRepository ledger, RunRepository runs, Clock clock) {
        this.ledger = ledger;
        this.runs = runs;
        this.clock = clock;
    }

    /** Stages the input unless this run already was; returns the number of input rows. */
    public int stage(SnapshotRun run, PairSource source, RowDefaults defaults) {
        return stage(run, source, defaults, () -> null);
    }

    /**
     * As {@link #stage(SnapshotRun, PairSource, RowDefaults)}, checking {@code stopReason} between batches: a stop
     * (SIGTERM, Ctrl-C) during a long staging ends it within a batch instead of after the whole input. What was
     * written is removed again, so the run stays unstaged and the same command stages it whole; returns -1 then.
     */
    public int stage(SnapshotRun run, PairSource source, RowDefaults defaults, Supplier<String> stopReason) {
        if (run.staged()) {
            logger.info("Run {} was staged earlier ({} rows); continuing with the ledger", run.runDate(), run.inputRows());
            return run.inputRows();
        }
        this.ledger.deleteRows(run.runId());
        Batch batch = new Batch(run, new PairValidator(defaults), this.clock.instant(), stopReason);
        try {
            source.read(batch::add);
            batch.flush();
        }
        catch (StagingStopped stopped) {
            this.ledger.deleteRows(run.runId());
            logger.warn("Staging of run {} stopped after {} rows ({}): nothing is staged; the same command stages the "
                    + "whole input again", run.runDate(), batch.rows, stopped.getMessage());
            return -1;
        }
        this.runs.markStaged(run.runId(), batch.rows);
        if (!source.describe().equals(run.source())) {
            // A launch whose input failed created the run; the input was corrected before this one.
            this.runs.recordSource(run.runId(), source.describe());
        }
        if (source.inputEncoding() != null) {
            this.runs.recordInputEncoding(run.runId(), source.inputEncoding());
        }
        logger.info("Staged {} rows of run {} from {}: {} to send, {} rejected, {} duplicates", batch.rows,
                run.runDate(), source.describe(), batch.pending, batch.rejected, batch.duplicates);
        return batch.rows;
    }

    private final class Batch {

        private final SnapshotRun run;

        private final PairValidator validator;

        private final Instant now;

        private final Map<String, Integer> firstLineOf = new HashMap<>();

        private final List<LedgerRow> buffer = new ArrayList<>(BATCH_SIZE);

        private int rows;

        private int pending;

        private int rejected;

        private int duplicates;

        private final Supplier<String> stopReason;

        Batch(SnapshotRun run, PairValidator validator, Instant now, Supplier<String> stopReason) {
            this.run = run;
            this.validator = validator;
            this.now = now;
            this.stopReason = stopReason;
        }

        void add(PairRecord record) {
            this.rows++;
            SnapshotKey key = this.validator.keyOf(record);
            List<Rejection> failures = this.validator.validate(key);
            SnapshotKey stored = fit(key);
            if (!failures.isEmpty()) {
                this.rejected++;
                Rejection first = failures.get(0);
                String reason = String.join("; ", failures.stream().map(Rejection::reason).toList());
                this.buffer.add(LedgerRow.staged(this.run.runId(), record.line(), stored, null, Outcome.REJECTED, null,
                        first.code(), truncate(reason, 2000), this.now));
            }
            else {
                String token = ClientTokens.derive(this.run.runDate(), this.run.generation(), key, 0);
                Integer original = this.firstLineOf.putIfAbsent(key.duplicateKey(), record.line());
                if (original != null) {
                    this.duplicates++;
                    this.buffer.add(LedgerRow.staged(this.run.runId(), record.line(), stored, token, Outcome.DUPLICATE,
                            original, null, "duplicate of line " + original, this.now));
                }
                else {
                    this.pending++;
                    this.buffer.add(LedgerRow.staged(this.run.runId(), record.line(), stored, token, Outcome.PENDING,
                            null, null, null, this.now));
                }
            }
            if (this.buffer.size() >= BATCH_SIZE) {
                flush();
            }
        }

        void flush() {
            String stop = this.stopReason.get();
            if (stop != null) {
                throw new StagingStopped(stop);
            }
            if (!this.buffer.isEmpty()) {
                InputStager.this.ledger.insert(this.buffer);
                this.buffer.clear();
            }
        }

        /** Invalid values can be arbitrarily long; the ledger keeps enough of them to show the problem. */
        private SnapshotKey fit(SnapshotKey key) {
            return new SnapshotKey(truncate(key.catalog(), MAX_VALUE_LENGTH), truncate(key.engagementId(), MAX_VALUE_LENGTH),
                    truncate(key.resourceType(), MAX_VALUE_LENGTH), truncate(key.resourceId(), MAX_VALUE_LENGTH),
                    truncate(key.template(), MAX_VALUE_LENGTH));
        }

    }

    /** Unwinds the input's read when the run is stopping; every source lets its sink's exceptions pass. */
    private static final class StagingStopped extends RuntimeException {

        StagingStopped(String reason) {
            super(reason, null, false, false);
        }

    }

    /**
     * Cut to {@code max} characters, and without NUL characters, which PostgreSQL cannot store in text (an
     * input with one made staging fail on PostgreSQL only): they become U+2400 (SYMBOL FOR NULL), so the
     * report shows where the NUL was. A value with a NUL never passes validation, so no request changes.
     */
    static String truncate(String value, int max) {
        if (value == null) {
            return null;
        }
        String storable = (value.indexOf('\u0000') >= 0) ? value.replace('\u0000', '\u2400') : value;
        return (storable.length() <= max) ? storable : storable.substring(0, max - 3) + "...";
    }

}
