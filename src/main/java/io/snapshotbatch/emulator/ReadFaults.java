package io.snapshotbatch.emulator;

import java.util.regex.Pattern;

/**
 * Reads that fail for chosen opportunities ({@code POST /_emulator/read-faults} with {@code {"pattern": "O100[12]"}}):
 * GetOpportunity, ListOpportunities (any listed id matches) and GetResourceSnapshot answer InternalServerException
 * every time, so a test can show that a row whose change cannot be read is created, never skipped.
 */
final class ReadFaults {

    private volatile Pattern failing;

    void fail(String regex) {
        this.failing = (regex == null || regex.isEmpty()) ? null : Pattern.compile(regex);
    }

    String failing() {
        Pattern pattern = this.failing;
        return pattern == null ? "" : pattern.pattern();
    }

    void check(String opportunityId) {
        Pattern pattern = this.failing;
        if (pattern != null && opportunityId != null && pattern.matcher(opportunityId).matches()) {
            throw ServiceError.of(ErrorType.InternalServerException, "Read fault injected for " + opportunityId + ".");
        }
    }
}
