package io.snapshotbatch.snapshot;

import java.util.Map;
import java.util.stream.Collectors;

import io.snapshotbatch.ledger.LedgerRepository;

/**
 * The stop reason of a run that went through its rows without a stop signal but still has PENDING rows
 * (throttled out, or outcome unknown, in every pass of the launch): a STOPPED run always says why.
 */
final class LeftPending {

    private LeftPending() {
    }

    static String reason(LedgerRepository ledger, long runId) {
        Map<String, Long> byLastError = ledger.pendingByLastError(runId);
        long rows = byLastError.values().stream().mapToLong(Long::longValue).sum();
        return rows + " rows are still PENDING after every pass of this launch (last error: "
                + byLastError.entrySet().stream().map((e) -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                + "): they were throttled out or their outcome is unknown; the same command sends them again with their token";
    }

}
