/**
 * Pacing of API calls: one pace controller learning the service's quota below {@code --rate}, a Bucket4j
 * limiter it drives, the call budget and the rolling 24-hour quota, enforced on each HTTP attempt (SDK
 * retries included) by an SDK execution interceptor.
 */
package io.snapshotbatch.throttle;
