package io.snapshotbatch.nightly;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.snapshotbatch.input.InputException;
import io.snapshotbatch.input.PairRecord;
import io.snapshotbatch.input.PairSource;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.EngagementResourceAssociationSummary;
import software.amazon.awssdk.services.partnercentralselling.model.ListEngagementResourceAssociationsResponse;

/**
 * {@code --from-service}: the pairs are this account's engagement/opportunity associations, as
 * ListEngagementResourceAssociations lists them for the catalog and ResourceType Opportunity, 1,000 per page, in
 * the service's order; a row's line is its position in the listing, from 1. The listing has the associations of
 * every member of the caller's engagements, other partners' opportunities included, which this account cannot
 * snapshot: only those whose CreatedBy is {@code --created-by}, or the caller's account (STS), are staged. Read
 * once, when the run is staged; a restart uses the staged rows.
 */
public final class ServicePairSource implements PairSource {

    private static final Logger logger = LoggerFactory.getLogger(ServicePairSource.class);

    static final int PAGE_SIZE = 1000;

    private final PartnerCentralSellingClient reads;

    private final String catalog;

    private final String createdBy;

    private final Supplier<String> callerAccount;

    /**
     * @param createdBy the account whose associations to stage, or null for the caller's
     * @param callerAccount the caller's account (STS GetCallerIdentity), asked only when {@code createdBy} is null
     */
    public ServicePairSource(PartnerCentralSellingClient reads, String catalog, String createdBy,
            Supplier<String> callerAccount) {
        this.reads = reads;
        this.catalog = catalog;
        this.createdBy = createdBy;
        this.callerAccount = callerAccount;
    }

    @Override
    public void read(Consumer<PairRecord> sink) {
        String account = (this.createdBy != null) ? this.createdBy : this.callerAccount.get();
        int position = 0;
        int others = 0;
        String token = null;
        do {
            ListEngagementResourceAssociationsResponse page = list(account, token);
            for (EngagementResourceAssociationSummary association : page.engagementResourceAssociationSummaries()) {
                if (association.createdBy() != null && !association.createdBy().equals(account)) {
                    // The filter is the service's; this only guards against one that was not applied.
                    others++;
                    continue;
                }
                position++;
                // The sink (the staging writes) may throw; its exceptions pass untouched: they are not the listing's.
                sink.accept(new PairRecord(position,
                        (association.catalog() != null) ? association.catalog() : this.catalog,
                        association.engagementId(), association.resourceTypeAsString(), association.resourceId(),
                        null));
            }
            token = page.nextToken();
        }
        while (token != null);
        logger.info("Listed {} associations of catalog {} created by {} at the service{}", position, this.catalog,
                account, (others > 0) ? " (" + others + " of other accounts left out)" : "");
    }

    private ListEngagementResourceAssociationsResponse list(String account, String nextToken) {
        try {
            return this.reads.listEngagementResourceAssociations((r) -> r
                .catalog(this.catalog)
                .resourceType("Opportunity")
                .createdBy(account)
                .maxResults(PAGE_SIZE)
                .nextToken(nextToken));
        }
        catch (RuntimeException ex) {
            throw new InputException("--from-service: ListEngagementResourceAssociations failed for catalog "
                    + this.catalog + " (" + describe(ex) + "); nothing was staged, the same command lists again", ex);
        }
    }

    @Override
    public String describe() {
        return "service:ListEngagementResourceAssociations catalog=" + this.catalog + " createdBy="
                + ((this.createdBy != null) ? this.createdBy : "caller");
    }

    private static String describe(RuntimeException ex) {
        if (ex instanceof software.amazon.awssdk.awscore.exception.AwsServiceException service
                && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
        }
        return ex.getClass().getSimpleName() + ": " + ex.getMessage();
    }

}
