/**
 * The command line (picocli): one class per command of the contract, shared option groups, and the
 * mapping of every failure to the contract's exit codes.
 */
package io.snapshotbatch.cli;
