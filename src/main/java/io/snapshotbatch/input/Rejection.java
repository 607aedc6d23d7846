package io.snapshotbatch.input;

/**
 * Why a row is never sent.
 * @param code the validation failure as it appears in the report's {@code error_code}, e.g. {@code INVALID_ENGAGEMENT_ID}
 * @param reason a sentence for the operator
 */
public record Rejection(String code, String reason) {
}
