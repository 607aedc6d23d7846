package io.snapshotbatch.emulator;

/** A resource and template within one engagement; ordered so list pages stay stable while snapshots are added. */
record ResourceView(String resourceType, String resourceId, String template) implements Comparable<ResourceView> {

    // Written out rather than Comparator.comparing(...).thenComparing(...): it runs ~log2(n) times per create.
    @Override
    public int compareTo(ResourceView other) {
        int order = resourceType.compareTo(other.resourceType);
        if (order == 0) {
            order = resourceId.compareTo(other.resourceId);
        }
        return order != 0 ? order : template.compareTo(other.template);
    }
}
