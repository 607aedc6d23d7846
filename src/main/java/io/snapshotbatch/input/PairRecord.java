package io.snapshotbatch.input;

/**
 * One input row as the user wrote it, values trimmed; optional columns are {@code null} when absent or blank.
 *
 * @param line the line of the input file on which the row starts (header is line 1), or the row's
 *             position in a query result, from 1
 */
public record PairRecord(int line, String catalog, String engagementId, String resourceType, String resourceId,
        String template) {
}
