package io.snapshotbatch.input;

import java.util.function.Consumer;

/** Where the pairs of one run come from: a CSV file or a SQL query. */
public interface PairSource {

    /**
     * Hands every row, in input order, to {@code sink}.
     * @throws InputException if the source cannot be read at all
     */
    void read(Consumer<PairRecord> sink);

    /** What the run was staged from, for the ledger and the logs (never a credential). */
    String describe();

    /** The character encoding the source was read in, once {@link #read} has run; {@code null} if not a file. */
    default String inputEncoding() {
        return null;
    }

}
