/**
 * Reading engagement/opportunity pairs from a CSV file or a SQL query, validating them against the
 * API's patterns, and staging every row (with its ClientToken) in the ledger before any API call.
 */
package io.snapshotbatch.input;
