package io.snapshotbatch.emulator;

import java.util.Comparator;

/** A resource and template within one engagement; ordered so list pages stay stable while snapshots are added. */
record ResourceView(String resourceType, String resourceId, String template) implements Comparable<ResourceView> {

    private static final Comparator<ResourceView> ORDER = Comparator.comparing(ResourceView::resourceType)
            .thenComparing(ResourceView::resourceId)
            .thenComparing(ResourceView::template);

    @Override
    public int compareTo(ResourceView other) {
        return ORDER.compare(this, other);
    }
}
