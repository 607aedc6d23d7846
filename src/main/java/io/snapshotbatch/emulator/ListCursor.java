package io.snapshotbatch.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where a ListResourceSnapshots page ended. Sent to clients as an opaque base64url NextToken; any token that does
 * not decode is a ValidationException, as with the real service.
 */
record ListCursor(ResourceView view, int revision) {

    private static final String SEPARATOR = "\n";

    String encode() {
        String plain = String.join(SEPARATOR, "v1", view.resourceType(), view.resourceId(), view.template(),
                Integer.toString(revision));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static ListCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split(SEPARATOR, -1);
            if (parts.length != 5 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException("unexpected token layout");
            }
            return new ListCursor(new ResourceView(parts[1], parts[2], parts[3]), Integer.parseInt(parts[4]));
        } catch (IllegalArgumentException e) { // also NumberFormatException
            throw ServiceError.validation(ServiceError.REQUEST_VALIDATION_FAILED,
                    List.of(FieldViolation.invalid("NextToken", "NextToken is not valid.")));
        }
    }
}
