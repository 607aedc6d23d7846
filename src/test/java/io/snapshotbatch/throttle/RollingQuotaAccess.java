package io.snapshotbatch.throttle;

/** Lets tests in other packages spend from a {@link RollingQuota} as the call gate does. */
public final class RollingQuotaAccess {

    private RollingQuotaAccess() {
    }

    public static void spend(RollingQuota quota) {
        quota.spend();
    }

}
