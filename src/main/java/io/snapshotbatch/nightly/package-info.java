/**
 * The nightly sync (issue 10): reads paced apart from writes ({@link io.snapshotbatch.nightly.ReadGate}), the
 * decision whether a row's opportunity changed since its latest snapshot
 * ({@link io.snapshotbatch.nightly.ChangeCheck}, {@code --skip-unchanged}), and the pairs listed at the service
 * ({@link io.snapshotbatch.nightly.ServicePairSource}, {@code --from-service}).
 */
package io.snapshotbatch.nightly;
