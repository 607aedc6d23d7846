/**
 * The reconciliation report: {@code reconciliation.csv} (one row per input row) and {@code summary.csv}
 * (totals that always balance), written from the ledger and safe to open in a spreadsheet.
 */
package io.snapshotbatch.report;
