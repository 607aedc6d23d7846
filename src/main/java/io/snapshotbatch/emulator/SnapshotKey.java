package io.snapshotbatch.emulator;

/** The "resource view" whose revisions are counted: one sequence 1, 2, 3... per key. */
record SnapshotKey(String catalog, String engagement, String resourceType, String resourceId, String template) {

    /** The key as it appears in stats: {@code catalog|engagement|resourceType|resourceId|template}. */
    String statsKey() {
        return String.join("|", catalog, engagement, resourceType, resourceId, template);
    }

    /** Within one (catalog, engagement), snapshots are listed in this view order. */
    ResourceView view() {
        return new ResourceView(resourceType, resourceId, template);
    }

    /** The ARN format of the Postman sample; the account field is empty because engagements are AWS-owned. */
    String arn(int revision) {
        return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/engagement/" + engagement + "/resource/"
                + resourceType + "/" + resourceId + "/template/" + template + "/snapshot/" + revision;
    }
}
