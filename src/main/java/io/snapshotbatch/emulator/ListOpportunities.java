package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * ListOpportunities with the filters a nightly sync uses: {@code Identifier} (at most 20 ids; ids the caller cannot
 * see are left out, not an error) and {@code LastModifiedDate} ({@code AfterLastModifiedDate} and
 * {@code BeforeLastModifiedDate}, both exclusive), in id order, paged with {@code MaxResults} (1..100, default
 * 20) and {@code NextToken}. Without {@code Identifier} it lists the opportunities the emulator has seen.
 */
final class ListOpportunities implements Operation {

    static final String NAME = "ListOpportunities";
    private static final int DEFAULT_PAGE = 20;

    private final Opportunities opportunities;
    private final ReadFaults readFaults;

    ListOpportunities(Opportunities opportunities, ReadFaults readFaults) {
        this.opportunities = opportunities;
        this.readFaults = readFaults;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result execute(ObjectNode request) {
        RequestReader reader = new RequestReader(request);
        String catalog = reader.catalog();
        List<String> ids = reader.opportunityIdentifiers(20);
        Instant after = reader.optionalTimestamp("LastModifiedDate", "AfterLastModifiedDate");
        Instant before = reader.optionalTimestamp("LastModifiedDate", "BeforeLastModifiedDate");
        Integer maxResults = reader.optionalInt("MaxResults", 1, 100);
        String nextToken = reader.optionalText("NextToken");
        reader.throwIfInvalid();
        String afterId = PageToken.decode(NAME, nextToken);
        int max = maxResults == null ? DEFAULT_PAGE : maxResults;
        if (ids != null) {
            ids.forEach(readFaults::check);
        }

        List<Opportunities.Opportunity> page = new ArrayList<>();
        String next = null;
        if (ids != null) {
            // Sorted like the unfiltered listing, so paging resumes after an id.
            for (String id : new TreeSet<>(ids)) {
                if (afterId != null && id.compareTo(afterId) <= 0) {
                    continue;
                }
                Opportunities.Opportunity opportunity = opportunities.find(catalog, id);
                if (opportunity == null || !inWindow(opportunity, after, before)) {
                    continue;
                }
                if (page.size() == max) {
                    next = page.get(page.size() - 1).id();
                    break;
                }
                page.add(opportunity);
            }
        } else {
            String from = afterId;
            while (next == null) {
                List<Opportunities.Opportunity> chunk = opportunities.after(catalog, from, max + 1);
                for (Opportunities.Opportunity opportunity : chunk) {
                    if (!inWindow(opportunity, after, before)) {
                        continue;
                    }
                    if (page.size() == max) {
                        next = page.get(page.size() - 1).id();
                        break;
                    }
                    page.add(opportunity);
                }
                if (chunk.size() <= max) {
                    break;
                }
                from = chunk.get(chunk.size() - 1).id();
            }
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode summaries = body.putArray("OpportunitySummaries");
        page.forEach(o -> summaries.add(GetOpportunity.summary(o)));
        if (next != null) {
            body.put("NextToken", PageToken.encode(NAME, next));
        }
        return Result.of(body);
    }

    private static boolean inWindow(Opportunities.Opportunity opportunity, Instant after, Instant before) {
        Instant modified = opportunity.lastModifiedDate();
        return (after == null || modified.isAfter(after)) && (before == null || modified.isBefore(before));
    }
}
