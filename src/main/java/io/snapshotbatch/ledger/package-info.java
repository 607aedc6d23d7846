/**
 * The ledger: the database record of every run and every input row with its ClientToken and outcome.
 * It is the single source of truth for restarts, re-runs, status and reports.
 */
package io.snapshotbatch.ledger;
