package io.snapshotbatch.emulator;

import java.util.regex.Pattern;

/**
 * Which CreateResourceSnapshot calls the caller "may not make": a regular expression matched against the
 * engagement and the opportunity of the request ({@code --deny}, {@code POST /_emulator/deny}), answered
 * with AccessDeniedException before anything is created. {@code .*} denies every call, as a missing IAM
 * permission would; {@code O100[12]} denies two opportunities, as a per-resource restriction would.
 */
final class AccessPolicy {

    private volatile Pattern denied;

    void deny(String regex) {
        this.denied = (regex == null || regex.isEmpty()) ? null : Pattern.compile(regex);
    }

    String denied() {
        Pattern pattern = this.denied;
        return pattern == null ? "" : pattern.pattern();
    }

    void check(String engagement, String resourceId) {
        Pattern pattern = this.denied;
        if (pattern != null && (pattern.matcher(engagement).matches() || pattern.matcher(resourceId).matches())) {
            throw ServiceError.of(ErrorType.AccessDeniedException, "User: arn:aws:iam::" + EmulatorTuning.DEFAULT_ACCOUNT_ID
                    + ":user/emulator is not authorized to perform: partnercentral:CreateResourceSnapshot on resource "
                    + engagement + "/" + resourceId);
        }
    }
}
