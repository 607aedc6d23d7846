package io.snapshotbatch.input;

/** Values for rows that leave a column empty: {@code --catalog} and {@code --template}. */
public record RowDefaults(String catalog, String template) {

    public static final String RESOURCE_TYPE = "Opportunity";

    public RowDefaults {
        if (!PairValidator.CATALOGS.contains(catalog)) {
            throw new IllegalArgumentException("--catalog must be AWS or Sandbox, got '" + catalog + "'");
        }
        if (!PairValidator.TEMPLATE.matcher(template).matches()) {
            throw new IllegalArgumentException(
                    "--template must be 3 to 80 letters or digits ([a-zA-Z0-9]{3,80}), got '" + template + "'");
        }
    }

}
