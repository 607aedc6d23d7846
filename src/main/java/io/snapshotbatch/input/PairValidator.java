package io.snapshotbatch.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a row against the service's own patterns, so that a row the service would refuse is
 * rejected here and never spends a call. Patterns must match the whole value.
 */
public final class PairValidator {

    static final Set<String> CATALOGS = Set.of("AWS", "Sandbox");

    static final Pattern ENGAGEMENT = Pattern.compile("eng-[0-9a-z]{14}");

    static final Pattern OPPORTUNITY = Pattern.compile("O[0-9]{1,19}");

    static final Pattern TEMPLATE = Pattern.compile("[a-zA-Z0-9]{3,80}");

    private final RowDefaults defaults;

    public PairValidator(RowDefaults defaults) {
        this.defaults = defaults;
    }

    /** The request this row stands for, with defaults applied (valid or not). */
    public SnapshotKey keyOf(PairRecord row) {
        return new SnapshotKey(orDefault(row.catalog(), this.defaults.catalog()), row.engagementId(),
                orDefault(row.resourceType(), RowDefaults.RESOURCE_TYPE), row.resourceId(),
                orDefault(row.template(), this.defaults.template()));
    }

    /** Every failure of the row, first one first; empty when the row may be sent. */
    public List<Rejection> validate(SnapshotKey key) {
        List<Rejection> failures = new ArrayList<>();
        if (key.engagementId() != null && !ENGAGEMENT.matcher(key.engagementId()).matches()
                && isHeader(key.engagementId()) && isHeader(key.resourceId())) {
            failures.add(new Rejection("REPEATED_HEADER", "this line repeats the header row (exports joined into one "
                    + "file?): it is not a pair; the lines after it are read with its columns"));
            return failures;
        }
        if (key.engagementId() == null) {
            failures.add(new Rejection("MISSING_ENGAGEMENT_ID", "engagement id is empty"));
        }
        else if (!ENGAGEMENT.matcher(key.engagementId()).matches()) {
            failures.add(new Rejection("INVALID_ENGAGEMENT_ID",
                    "engagement id must match eng-[0-9a-z]{14}, got " + shown(key.engagementId())));
        }
        if (key.resourceId() == null) {
            failures.add(new Rejection("MISSING_RESOURCE_ID", "opportunity id is empty"));
        }
        else if (!OPPORTUNITY.matcher(key.resourceId()).matches()) {
            failures.add(new Rejection("INVALID_RESOURCE_ID",
                    "opportunity id must match O[0-9]{1,19}, got " + shown(key.resourceId())));
        }
        if (!CATALOGS.contains(key.catalog())) {
            failures.add(new Rejection("INVALID_CATALOG", "catalog must be AWS or Sandbox, got " + shown(key.catalog())));
        }
        if (!RowDefaults.RESOURCE_TYPE.equals(key.resourceType())) {
            failures.add(new Rejection("INVALID_RESOURCE_TYPE",
                    "resource type must be Opportunity, got " + shown(key.resourceType())));
        }
        if (!TEMPLATE.matcher(key.template()).matches()) {
            failures.add(new Rejection("INVALID_TEMPLATE",
                    "template must match [a-zA-Z0-9]{3,80}, got " + shown(key.template())));
        }
        return failures;
    }

    /** The value as the reason shows it: characters other than printable ASCII escaped, with their position. */
    private static String shown(String value) {
        return UnicodeText.quoteForReason(value);
    }

    private static boolean isHeader(String value) {
        return value != null && InputColumn.forHeader(value).isPresent();
    }

    private static String orDefault(String value, String fallback) {
        return (value != null) ? value : fallback;
    }

}
