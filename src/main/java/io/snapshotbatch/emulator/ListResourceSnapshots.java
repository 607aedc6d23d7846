package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Predicate;

/** ListResourceSnapshots: one summary per revision of an engagement, filtered, paged by an opaque NextToken. */
final class ListResourceSnapshots implements Operation {

    private final SnapshotStore store;
    private final KnownResources known;
    private final int defaultPageSize;

    ListResourceSnapshots(SnapshotStore store, KnownResources known, int defaultPageSize) {
        this.store = store;
        this.known = known;
        this.defaultPageSize = defaultPageSize;
    }

    @Override
    public String name() {
        return "ListResourceSnapshots";
    }

    @Override
    public Result execute(ObjectNode request) {
        RequestReader reader = new RequestReader(request);
        String catalog = reader.catalog();
        String engagement = reader.engagement(true);
        String resourceType = reader.resourceType(false);
        String resourceId = reader.resourceId(false);
        String template = reader.template(false);
        String createdBy = reader.createdBy();
        Integer maxResults = reader.optionalInt("MaxResults", 1, 1000);
        String nextToken = reader.optionalText("NextToken");
        reader.throwIfInvalid();
        ListCursor after = nextToken == null ? null : ListCursor.decode(nextToken);
        known.requireEngagement(engagement);

        Predicate<Snapshot> filter = s -> (resourceType == null || resourceType.equals(s.key().resourceType()))
                && (resourceId == null || resourceId.equals(s.key().resourceId()))
                && (template == null || template.equals(s.key().template()))
                && (createdBy == null || createdBy.equals(s.createdBy()));
        SnapshotStore.Page page = store.list(catalog, engagement, filter,
                maxResults == null ? defaultPageSize : maxResults, after);

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode summaries = body.putArray("ResourceSnapshotSummaries");
        for (Snapshot s : page.items()) {
            summaries.addObject()
                    .put("Arn", s.arn())
                    .put("Revision", s.revision())
                    .put("ResourceType", s.key().resourceType())
                    .put("ResourceId", s.key().resourceId())
                    .put("ResourceSnapshotTemplateName", s.key().template())
                    .put("CreatedBy", s.createdBy());
        }
        if (page.next() != null) { // absent, not null, on the last page
            body.put("NextToken", page.next().encode());
        }
        return Result.of(body);
    }
}
