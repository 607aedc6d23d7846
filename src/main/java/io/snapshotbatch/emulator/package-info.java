/**
 * A local, loopback-only emulator of the AWS Partner Central Selling API (awsJson1_0) for snapshot creation.
 * It lets the unmodified AWS SDK and CLI be tested against revisions, idempotency, quotas and injected faults.
 */
package io.snapshotbatch.emulator;
