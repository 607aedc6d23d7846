/**
 * Pacing of API calls: one rate limiter and one call budget shared by every partition, enforced on
 * each HTTP attempt (SDK retries included) by an SDK execution interceptor.
 */
package io.snapshotbatch.throttle;
