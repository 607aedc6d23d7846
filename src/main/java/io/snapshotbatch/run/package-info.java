/**
 * Launching a run: one process per run date (a guard that dies with its process), continuing a run
 * that stopped or died, and mapping how it ended to the contract's exit codes.
 */
package io.snapshotbatch.run;
