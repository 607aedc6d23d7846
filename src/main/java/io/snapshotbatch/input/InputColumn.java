package io.snapshotbatch.input;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The columns the input understands, each with the header names (aliases) it accepts. */
public enum InputColumn {

    ENGAGEMENT(true, "engagement_id", "EngagementIdentifier"),
    RESOURCE(true, "opportunity_id", "resource_id", "ResourceIdentifier"),
    CATALOG(false, "catalog"),
    TEMPLATE(false, "template", "ResourceSnapshotTemplateIdentifier"),
    RESOURCE_TYPE(false, "resource_type");

    private final boolean required;

    private final Set<String> normalizedAliases;

    private final String preferredName;

    InputColumn(boolean required, String... aliases) {
        this.required = required;
        this.preferredName = aliases[0];
        this.normalizedAliases = Set.copyOf(Arrays.stream(aliases).map(InputColumn::normalize).toList());
    }

    public boolean required() {
        return this.required;
    }

    /** The first alias, used in messages. */
    public String preferredName() {
        return this.preferredName;
    }

    /**
     * Header names match case-insensitively, ignoring {@code _}, dashes and spaces of every kind, and
     * invisible format characters (zero-width space, BOM, soft hyphen) pasted along with them.
     */
    public static Optional<InputColumn> forHeader(String header) {
        String normalized = normalize(header);
        return Arrays.stream(values()).filter((column) -> column.normalizedAliases.contains(normalized)).findFirst();
    }

    static String normalize(String header) {
        return UnicodeText.foldHeader(header);
    }

}
