package io.snapshotbatch.run;

/** The ledger cannot be used by this launch now because another process uses it: refused, exit 5. */
public class LedgerInUseException extends RuntimeException {

    public LedgerInUseException(String message) {
        super(message);
    }

}
