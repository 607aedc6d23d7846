/**
 * Progress while a command works through rows: a live bar on a terminal, a log line every interval
 * otherwise, or nothing with {@code --quiet}.
 */
package io.snapshotbatch.progress;
