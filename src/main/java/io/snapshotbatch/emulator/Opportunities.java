package io.snapshotbatch.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The opportunities' {@code LastModifiedDate}s, per catalog, for rehearsing a nightly sync. An opportunity the
 * emulator has not seen yet exists as soon as it is asked for (load tests need no seed) and was last modified at
 * {@link #baseline}, a day before the emulator started, hence before any snapshot it makes. A test marks
 * opportunities changed ({@code POST /_emulator/opportunities}), which moves their date to now.
 */
final class Opportunities {

    /** One opportunity as the reads answer it. */
    record Opportunity(String catalog, String id, Instant createdDate, Instant lastModifiedDate) {

        String arn() {
            return "arn:aws:partnercentral:us-east-1::catalog/" + catalog + "/opportunity/" + id;
        }
    }

    private record Key(String catalog, String id) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byCatalog = catalog.compareTo(other.catalog);
            return byCatalog != 0 ? byCatalog : id.compareTo(other.id);
        }
    }

    private final ConcurrentSkipListMap<Key, Opportunity> byKey = new ConcurrentSkipListMap<>();
    private final KnownResources known;
    private final Instant baseline;

    Opportunities(KnownResources known, Instant baseline) {
        this.known = known;
        this.baseline = baseline;
    }

    /** The opportunity; ResourceNotFoundException only when a seed of known opportunities excludes it. */
    Opportunity get(String catalog, String id) {
        known.requireOpportunity(id);
        return byKey.computeIfAbsent(new Key(catalog, id), k -> new Opportunity(catalog, id, baseline, baseline));
    }

    /** Like {@link #get}, but null instead of an exception, as a listing leaves out what it cannot see. */
    Opportunity find(String catalog, String id) {
        try {
            return get(catalog, id);
        } catch (ServiceError notVisible) {
            return null;
        }
    }

    /** Opportunities of the catalog after {@code afterId} (null: from the start), in id order. */
    List<Opportunity> after(String catalog, String afterId, int max) {
        var from = afterId == null ? byKey.tailMap(new Key(catalog, ""), true) : byKey.tailMap(new Key(catalog, afterId), false);
        List<Opportunity> page = new ArrayList<>();
        for (Map.Entry<Key, Opportunity> entry : from.entrySet()) {
            if (!entry.getKey().catalog().equals(catalog) || page.size() == max) {
                break;
            }
            page.add(entry.getValue());
        }
        return page;
    }

    /** Sets the LastModifiedDate of the given opportunities (created if unseen); returns how many. */
    int modify(String catalog, Collection<String> ids, Instant when) {
        for (String id : ids) {
            byKey.compute(new Key(catalog, id), (k, old) -> new Opportunity(catalog, id,
                    old == null ? baseline : old.createdDate(), when));
        }
        return ids.size();
    }

    /** Sets the LastModifiedDate of every opportunity already seen whose id matches; returns how many. */
    int modifyMatching(String catalog, Pattern pattern, Instant when) {
        List<String> ids = byKey.keySet().stream()
                .filter(k -> k.catalog().equals(catalog) && pattern.matcher(k.id()).matches())
                .map(Key::id)
                .toList();
        return modify(catalog, ids, when);
    }
}
