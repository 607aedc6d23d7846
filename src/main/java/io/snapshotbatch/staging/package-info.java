/**
 * Staging: every input row becomes a ledger row with its outcome (PENDING, REJECTED, DUPLICATE) and its
 * ClientToken, in one transaction, before the first API call of a run.
 */
package io.snapshotbatch.staging;
