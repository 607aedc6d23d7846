package io.snapshotbatch.emulator;

/** One entry of a ValidationException's {@code ErrorList}; {@code code} is a ValidationExceptionErrorCode. */
record FieldViolation(String fieldName, String message, String code) {

    static FieldViolation missing(String field) {
        return new FieldViolation(field, field + " is required.", "REQUIRED_FIELD_MISSING");
    }

    static FieldViolation format(String field, String pattern) {
        return new FieldViolation(field, field + " must match the pattern " + pattern + ".", "INVALID_STRING_FORMAT");
    }

    static FieldViolation enumValue(String field, String allowed) {
        return new FieldViolation(field, field + " must be one of " + allowed + ".", "INVALID_ENUM_VALUE");
    }

    static FieldViolation outOfRange(String field, String range) {
        return new FieldViolation(field, field + " must be within " + range + ".", "VALUE_OUT_OF_RANGE");
    }

    static FieldViolation invalid(String field, String message) {
        return new FieldViolation(field, message, "INVALID_VALUE");
    }
}
