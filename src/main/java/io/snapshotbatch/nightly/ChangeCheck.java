package io.snapshotbatch.nightly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.snapshotbatch.ledger.LedgerRow;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.GetResourceSnapshotResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ListOpportunitiesResponse;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;

/**
 * {@code --skip-unchanged}: whether a row's opportunity changed since the latest snapshot of the row's (catalog,
 * engagement, opportunity, template). Only the service's two timestamps are compared, never the local clock: the
 * opportunity's {@code LastModifiedDate} and the snapshot's {@code CreatedAt}. The row is unchanged only when the
 * opportunity was last modified strictly before the snapshot was made; equal timestamps count as changed.
 *
 * <p>It never skips on doubt: no snapshot yet (ResourceNotFoundException) means create, and so does a read that
 * fails for any other reason (said once in the log). {@link #prefetch} reads the dates of up to 20 opportunities
 * with one ListOpportunities call; a row whose date was not prefetched reads it with GetOpportunity. Thread-safe:
 * shared by every partition.
 */
public class ChangeCheck {

    private static final Logger logger = LoggerFactory.getLogger(ChangeCheck.class);

    /** ListOpportunities takes at most 20 Identifiers. */
    public static final int IDENTIFIERS_PER_LIST = 20;

    /** What to do with a row. */
    public sealed interface Verdict permits Unchanged, Create {
    }

    /** Skip: the existing latest snapshot still reflects the opportunity. */
    public record Unchanged(String arn, int revision, String comparison) implements Verdict {
    }

    /** Send CreateResourceSnapshot; {@code why} is for the debug log. */
    public record Create(String why) implements Verdict {
    }

    private final PartnerCentralSellingClient reads;

    private final BooleanSupplier stopping;

    private final Map<String, Instant> lastModified = new ConcurrentHashMap<>();

    private final AtomicBoolean doubtLogged = new AtomicBoolean();

    public ChangeCheck(PartnerCentralSellingClient reads, BooleanSupplier stopping) {
        this.reads = reads;
        this.stopping = stopping;
    }

    /**
     * Reads the LastModifiedDate of the rows' opportunities, 20 per ListOpportunities call, for {@link #check}.
     * A failed listing only means those rows read their date one by one.
     */
    public void prefetch(Collection<LedgerRow> rows) {
        Map<String, List<String>> idsByCatalog = new LinkedHashMap<>();
        for (LedgerRow row : rows) {
            List<String> ids = idsByCatalog.computeIfAbsent(row.catalog(), (c) -> new ArrayList<>());
            if (!ids.contains(row.resourceId())) {
                ids.add(row.resourceId());
            }
        }
        idsByCatalog.forEach((catalog, ids) -> {
            for (int from = 0; from < ids.size(); from += IDENTIFIERS_PER_LIST) {
                list(catalog, ids.subList(from, Math.min(ids.size(), from + IDENTIFIERS_PER_LIST)));
            }
        });
    }

    private void list(String catalog, List<String> ids) {
        String token = null;
        try {
            do {
                String next = token;
                ListOpportunitiesResponse page = this.reads.listOpportunities((r) -> r.catalog(catalog)
                    .identifier(ids)
                    .maxResults(100)
                    .nextToken(next));
                page.opportunitySummaries().forEach((o) -> {
                    if (o.id() != null && o.lastModifiedDate() != null) {
                        this.lastModified.put(key(catalog, o.id()), o.lastModifiedDate());
                    }
                });
                token = page.nextToken();
            }
            while (token != null);
        }
        catch (RuntimeException ex) {
            logger.debug("ListOpportunities of {} ids failed ({}); each row reads its opportunity", ids.size(),
                    describe(ex));
        }
    }

    /** Never throws: a read that fails is a reason to create. */
    public Verdict check(LedgerRow row) {
        GetResourceSnapshotResponse snapshot;
        try {
            snapshot = this.reads.getResourceSnapshot((r) -> r.catalog(row.catalog())
                .engagementIdentifier(row.engagementId())
                .resourceType(row.resourceType())
                .resourceIdentifier(row.resourceId())
                .resourceSnapshotTemplateIdentifier(row.template()));
        }
        catch (ResourceNotFoundException ex) {
            this.lastModified.remove(key(row.catalog(), row.resourceId()));
            return new Create("no snapshot yet");
        }
        catch (RuntimeException ex) {
            return doubt(row, "GetResourceSnapshot", ex);
        }
        Instant modified = this.lastModified.remove(key(row.catalog(), row.resourceId()));
        if (modified == null) {
            try {
                modified = this.reads.getOpportunity((r) -> r.catalog(row.catalog()).identifier(row.resourceId()))
                    .lastModifiedDate();
            }
            catch (RuntimeException ex) {
                return doubt(row, "GetOpportunity", ex);
            }
        }
        return decide(modified, snapshot.createdAt(), snapshot.arn(), snapshot.revision());
    }

    /** The rule itself: unchanged only if modified strictly before the snapshot; anything missing means create. */
    static Verdict decide(Instant lastModified, Instant createdAt, String arn, Integer revision) {
        if (lastModified == null || createdAt == null || arn == null || revision == null) {
            return new Create("the service did not give both timestamps, the ARN and the revision");
        }
        if (lastModified.isBefore(createdAt)) {
            return new Unchanged(arn, revision, "opportunity LastModifiedDate " + lastModified
                    + " is before the latest snapshot's CreatedAt " + createdAt);
        }
        return new Create("opportunity LastModifiedDate " + lastModified + " is not before CreatedAt " + createdAt);
    }

    private Verdict doubt(LedgerRow row, String operation, RuntimeException ex) {
        if (this.stopping.getAsBoolean()) {
            return new Create("the run is stopping");
        }
        if (this.doubtLogged.compareAndSet(false, true)) {
            logger.warn("Could not read whether line {} changed ({} failed: {}); it is created, as is every row whose "
                    + "reads fail: the job never skips on doubt (this is said once)", row.line(), operation, describe(ex));
        }
        return new Create(operation + " failed: " + describe(ex));
    }

    private static String describe(RuntimeException ex) {
        if (ex instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

    private static String key(String catalog, String opportunityId) {
        return catalog + "/" + opportunityId;
    }

}
