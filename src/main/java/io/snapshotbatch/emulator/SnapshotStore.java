package io.snapshotbatch.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;

/**
 * All snapshots and client tokens, in memory. Sandbox and AWS never share data: the catalog is part of every key.
 *
 * <p>Concurrency: a create runs inside {@code tokens.compute(token)}, which serialises all calls with the same
 * (catalog, token) — so one token yields one revision however many callers race — and then appends under the
 * resource view's monitor, so different tokens on one view get distinct, consecutive revisions. Locks are always
 * taken in the order token → view → quota, hence no deadlock. Tokens are kept for the emulator's lifetime.
 */
final class SnapshotStore {

    /** A create's answer, and whether it was an idempotent replay of an earlier one. */
    record CreateResult(Snapshot snapshot, boolean replay) {
    }

    /** One page of a listing; {@code next} is null on the last page. */
    record Page(List<Snapshot> items, ListCursor next) {
    }

    private record EngagementRef(String catalog, String engagement) {
    }

    private record TokenKey(String catalog, String clientToken) {
    }

    private record TokenRecord(SnapshotKey request, Snapshot snapshot) {
    }

    private final Map<EngagementRef, ConcurrentSkipListMap<ResourceView, RevisionHistory>> engagements =
            new ConcurrentHashMap<>();
    private final Map<TokenKey, TokenRecord> tokens = new ConcurrentHashMap<>();
    private final DailyQuota quota;
    private final String accountId;

    SnapshotStore(DailyQuota quota, String accountId) {
        this.quota = quota;
        this.accountId = accountId;
    }

    /**
     * Creates revision n+1 of the key, or replays the answer already given to this token.
     *
     * @throws ServiceError ConflictException if the token was used for another request, ThrottlingException if
     *                      the daily quota is spent; nothing is created in either case
     */
    CreateResult create(SnapshotKey key, String clientToken, Instant now) {
        CreateResult[] result = new CreateResult[1];
        tokens.compute(new TokenKey(key.catalog(), clientToken), (token, earlier) -> {
            if (earlier != null) {
                if (!earlier.request().equals(key)) {
                    throw ServiceError.of(ErrorType.ConflictException,
                            "Conflicting client token submitted for a new request body.");
                }
                result[0] = new CreateResult(earlier.snapshot(), true);
                return earlier;
            }
            Snapshot created = history(key).append(key, now, accountId, quota);
            result[0] = new CreateResult(created, false);
            return new TokenRecord(key, created);
        });
        return result[0];
    }

    /** The given revision, or the latest when {@code revision} is null; null if there is none. */
    Snapshot get(SnapshotKey key, Integer revision) {
        var views = engagements.get(new EngagementRef(key.catalog(), key.engagement()));
        RevisionHistory history = views == null ? null : views.get(key.view());
        if (history == null) {
            return null;
        }
        return revision == null ? history.latest() : history.revision(revision);
    }

    /**
     * One page of an engagement's snapshots, one entry per revision, ordered by view then revision. Paging resumes
     * after the last item returned, so snapshots created meanwhile never shift or repeat earlier pages.
     */
    Page list(String catalog, String engagement, Predicate<Snapshot> filter, int maxResults, ListCursor after) {
        var views = engagements.get(new EngagementRef(catalog, engagement));
        List<Snapshot> items = new ArrayList<>();
        if (views == null) {
            return new Page(items, null);
        }
        var remaining = after == null ? views : views.tailMap(after.view(), true);
        for (var entry : remaining.entrySet()) {
            int afterRevision = after != null && entry.getKey().equals(after.view()) ? after.revision() : 0;
            for (Snapshot snapshot : entry.getValue().after(afterRevision)) {
                if (!filter.test(snapshot)) {
                    continue;
                }
                if (items.size() == maxResults) {
                    // One more match exists, so there is a next page; it starts after the last item returned.
                    Snapshot last = items.get(items.size() - 1);
                    return new Page(items, new ListCursor(last.key().view(), last.revision()));
                }
                items.add(snapshot);
            }
        }
        return new Page(items, null);
    }

    int revisions(SnapshotKey key) {
        var views = engagements.get(new EngagementRef(key.catalog(), key.engagement()));
        RevisionHistory history = views == null ? null : views.get(key.view());
        return history == null ? 0 : history.size();
    }

    /** Revision counts keyed by {@link SnapshotKey#statsKey()}, sorted by key. */
    Map<String, Integer> revisionsByKey() {
        Map<String, Integer> counts = new TreeMap<>();
        engagements.forEach((ref, views) -> views.forEach((view, history) -> {
            SnapshotKey key = new SnapshotKey(ref.catalog(), ref.engagement(), view.resourceType(),
                    view.resourceId(), view.template());
            counts.put(key.statsKey(), history.size());
        }));
        return counts;
    }

    private RevisionHistory history(SnapshotKey key) {
        return engagements.computeIfAbsent(new EngagementRef(key.catalog(), key.engagement()),
                        ref -> new ConcurrentSkipListMap<>())
                .computeIfAbsent(key.view(), view -> new RevisionHistory());
    }
}
