package io.snapshotbatch.input;

import java.util.function.Consumer;

/** Where the pairs of one run come from: a CSV file or a SQL query. */
public interface PairSource {

    /**
     * Hands every row, in input order, to {@code sink}.
     * @throws InputException if the source cannot be read at all
     */
    void read(Consumer<PairRecord> sink);

    /**
     * Checks, cheaply and before a run is created, what can be checked without reading the rows (a query's
     * syntax, tables and columns); a file's head is checked before the run date is locked instead.
     * @throws InputException if the source cannot be read at all
     */
    default void check() {
    }

    /** What the run was staged from, for the ledger and the logs (never a credential). */
    String describe();

    /** The character encoding the source was read in, once {@link #read} has run; {@code null} if not a file. */
    default String inputEncoding() {
        return null;
    }

}
