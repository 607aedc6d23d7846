package io.snapshotbatch.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Engagement/resource associations, in the order they were made (the order a listing returns them). Seeded by
 * tests ({@code POST /_emulator/associations}), including other accounts' associations in the same engagements,
 * which a real listing also returns. Appended only, so a position is a stable paging cursor.
 */
final class Associations {

    record Association(String catalog, String engagementId, String resourceType, String resourceId,
            String createdBy) {
    }

    /** One page and the position to resume at, -1 on the last page. */
    record Page(List<Association> items, int next) {
    }

    private final List<Association> all = new ArrayList<>();

    synchronized void add(Association association) {
        all.add(association);
    }

    synchronized int size() {
        return all.size();
    }

    synchronized Page list(Predicate<Association> filter, int from, int maxResults) {
        List<Association> items = new ArrayList<>();
        for (int i = from; i < all.size(); i++) {
            Association association = all.get(i);
            if (!filter.test(association)) {
                continue;
            }
            if (items.size() == maxResults) {
                return new Page(items, i);
            }
            items.add(association);
        }
        return new Page(items, -1);
    }
}
