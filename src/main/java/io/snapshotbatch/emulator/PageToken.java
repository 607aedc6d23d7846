package io.snapshotbatch.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Opaque NextTokens of the listings other than ListResourceSnapshots: base64url of the operation's name and where
 * the next page starts. A token that does not decode, or belongs to another operation, is a ValidationException.
 */
final class PageToken {

    private PageToken() {
    }

    static String encode(String operation, String position) {
        String plain = "v1\n" + operation + "\n" + position;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position, or null for a null token. */
    static String decode(String operation, String token) {
        if (token == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length == 3 && parts[0].equals("v1") && parts[1].equals(operation)) {
                return parts[2];
            }
        } catch (IllegalArgumentException notBase64) {
            // answered below
        }
        throw ServiceError.validation(ServiceError.REQUEST_VALIDATION_FAILED,
                List.of(FieldViolation.invalid("NextToken", "NextToken is not valid.")));
    }
}
