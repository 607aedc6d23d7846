package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the members of one request and checks them against the current service model (botocore 2025-12 onward).
 * Every field is checked before anything is rejected, so one ValidationException lists all bad fields, as the
 * service's ErrorList does. Patterns must match the whole value: the SDK does not validate, the server must.
 */
final class RequestReader {

    static final String CATALOG = "Catalog";
    static final String ENGAGEMENT = "EngagementIdentifier";
    static final String RESOURCE_TYPE = "ResourceType";
    static final String RESOURCE_ID = "ResourceIdentifier";
    static final String TEMPLATE = "ResourceSnapshotTemplateIdentifier";
    static final String CLIENT_TOKEN = "ClientToken";
    static final String CREATED_BY = "CreatedBy";

    private static final Pattern CATALOG_PATTERN = Pattern.compile("[a-zA-Z]+");
    private static final Pattern ENGAGEMENT_PATTERN = Pattern.compile("eng-[0-9a-z]{14}");
    private static final Pattern RESOURCE_ID_PATTERN = Pattern.compile("O[0-9]{1,19}");
    private static final Pattern TEMPLATE_PATTERN = Pattern.compile("[a-zA-Z0-9]{3,80}");
    private static final Pattern CLIENT_TOKEN_PATTERN = Pattern.compile(".{1,255}");
    private static final Pattern ACCOUNT_PATTERN = Pattern.compile("([0-9]{12}|\\w{1,12})");

    private final ObjectNode body;
    private final List<FieldViolation> violations = new ArrayList<>();

    RequestReader(ObjectNode body) {
        this.body = body;
    }

    String catalog() {
        String value = patterned(CATALOG, true, CATALOG_PATTERN);
        // The model only has a pattern; AWS|Sandbox is enforced server-side (reference doc §2.1).
        if (value != null && CATALOG_PATTERN.matcher(value).matches()
                && !value.equals("AWS") && !value.equals("Sandbox")) {
            violations.add(FieldViolation.invalid(CATALOG, "Catalog must be one of [AWS, Sandbox]."));
        }
        return value;
    }

    String engagement(boolean required) {
        return patterned(ENGAGEMENT, required, ENGAGEMENT_PATTERN);
    }

    String resourceType(boolean required) {
        String value = text(RESOURCE_TYPE);
        if (value == null) {
            missingIf(required, RESOURCE_TYPE);
        } else if (!value.equals("Opportunity")) {
            violations.add(FieldViolation.enumValue(RESOURCE_TYPE, "[Opportunity]"));
        }
        return value;
    }

    String resourceId(boolean required) {
        return patterned(RESOURCE_ID, required, RESOURCE_ID_PATTERN);
    }

    String template(boolean required) {
        return patterned(TEMPLATE, required, TEMPLATE_PATTERN);
    }

    String clientToken() {
        return patterned(CLIENT_TOKEN, true, CLIENT_TOKEN_PATTERN);
    }

    /** GetOpportunity's {@code Identifier}: an opportunity id. */
    String opportunityIdentifier() {
        return patterned("Identifier", true, RESOURCE_ID_PATTERN);
    }

    /** ListOpportunities' {@code Identifier}: at most {@code max} opportunity ids; null when absent. */
    List<String> opportunityIdentifiers(int max) {
        JsonNode node = body.get("Identifier");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ServiceError.serialization("Identifier must be a list.");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw ServiceError.serialization("Identifier must be a list of strings.");
            }
            if (!RESOURCE_ID_PATTERN.matcher(item.textValue()).matches()) {
                violations.add(FieldViolation.format("Identifier", RESOURCE_ID_PATTERN.pattern()));
            }
            ids.add(item.textValue());
        }
        if (ids.size() > max) {
            violations.add(FieldViolation.outOfRange("Identifier", "at most " + max + " items"));
        }
        return ids;
    }

    /** An optional ISO 8601 timestamp member of an optional structure (epoch seconds also accepted). */
    java.time.Instant optionalTimestamp(String structure, String field) {
        JsonNode node = body.path(structure).get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return java.time.Instant.ofEpochMilli(Math.round(node.doubleValue() * 1000));
        }
        try {
            return java.time.Instant.parse(node.asText());
        } catch (java.time.format.DateTimeParseException e) {
            violations.add(FieldViolation.invalid(structure + "." + field, field + " must be an ISO 8601 timestamp."));
            return null;
        }
    }

    String createdBy() {
        return patterned(CREATED_BY, false, ACCOUNT_PATTERN);
    }

    /** An optional, unconstrained string such as NextToken. */
    String optionalText(String field) {
        return text(field);
    }

    /** An optional integer within [min, max]; null when absent. */
    Integer optionalInt(String field, int min, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw ServiceError.serialization(field + " must be an integer.");
        }
        int value = node.intValue();
        if (value < min || value > max) {
            violations.add(FieldViolation.outOfRange(field, min + ".." + max));
        }
        return value;
    }

    /** Throws one REQUEST_VALIDATION_FAILED ValidationException listing every violation found so far. */
    void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ServiceError.validation(ServiceError.REQUEST_VALIDATION_FAILED, violations);
        }
    }

    private String patterned(String field, boolean required, Pattern pattern) {
        String value = text(field);
        if (value == null) {
            missingIf(required, field);
        } else if (!pattern.matcher(value).matches()) {
            violations.add(FieldViolation.format(field, pattern.pattern()));
        }
        return value;
    }

    private void missingIf(boolean required, String field) {
        if (required) {
            violations.add(FieldViolation.missing(field));
        }
    }

    // A member of the wrong JSON type never reaches validation in the real service: deserialisation fails first.
    private String text(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ServiceError.serialization(field + " must be a string.");
        }
        return node.textValue();
    }
}
