package io.snapshotbatch.run;

import java.util.Set;

import io.snapshotbatch.ledger.LedgerRow;

/**
 * Which FAILED rows {@code rerun-failed} re-sends: those with one of {@code errorCodes} (all when empty)
 * and a {@code line} within {@code fromLine..toLine} (all when null). An operator who has fixed one
 * cause (say, engagements that were not visible) re-sends only the rows it affected, or one chunk of
 * the input; the other FAILED rows stay as they are.
 */
public record FailedRowFilter(Set<String> errorCodes, Integer fromLine, Integer toLine) {

    public static final FailedRowFilter ALL = new FailedRowFilter(Set.of(), null, null);

    public FailedRowFilter {
        errorCodes = Set.copyOf(errorCodes);
        if ((fromLine == null) != (toLine == null) || (fromLine != null && fromLine > toLine)) {
            throw new IllegalArgumentException("a line range needs FROM <= TO, got " + fromLine + "-" + toLine);
        }
    }

    public boolean matches(LedgerRow row) {
        return (this.errorCodes.isEmpty() || this.errorCodes.contains(row.errorCode()))
                && (this.fromLine == null || (row.line() >= this.fromLine && row.line() <= this.toLine));
    }

    public boolean selectsAll() {
        return this.errorCodes.isEmpty() && this.fromLine == null;
    }

    /** For the operator: {@code with error code X or Y on lines 2-500}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (!this.errorCodes.isEmpty()) {
            text.append("with error code ").append(String.join(" or ", this.errorCodes.stream().sorted().toList()));
        }
        if (this.fromLine != null) {
            text.append((text.length() > 0) ? " " : "").append("on lines ").append(this.fromLine).append('-').append(this.toLine);
        }
        return text.toString();
    }

}
