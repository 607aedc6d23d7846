package io.snapshotbatch.input;

/** What one CreateResourceSnapshot call is about: the five request fields other than the ClientToken. */
public record SnapshotKey(String catalog, String engagementId, String resourceType, String resourceId,
        String template) {

    /** Two rows with the same catalog, engagement, opportunity and template ask for the same snapshot. */
    public String duplicateKey() {
        return String.join("|", this.catalog, this.engagementId, this.resourceId, this.template);
    }

}
