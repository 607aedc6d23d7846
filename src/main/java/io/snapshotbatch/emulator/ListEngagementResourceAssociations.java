package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Predicate;

/**
 * ListEngagementResourceAssociations over the seeded associations, in the order they were made, with the filters
 * {@code EngagementIdentifier}, {@code ResourceType}, {@code ResourceIdentifier} and {@code CreatedBy}, paged with
 * {@code MaxResults} (1..1000, default 100) and {@code NextToken}. Other accounts' associations are listed too, as
 * the service lists every association of an engagement the caller belongs to.
 */
final class ListEngagementResourceAssociations implements Operation {

    static final String NAME = "ListEngagementResourceAssociations";
    private static final int DEFAULT_PAGE = 100;

    private final Associations associations;

    ListEngagementResourceAssociations(Associations associations) {
        this.associations = associations;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result execute(ObjectNode request) {
        RequestReader reader = new RequestReader(request);
        String catalog = reader.catalog();
        String engagement = reader.engagement(false);
        String resourceType = reader.resourceType(false);
        String resourceId = reader.resourceId(false);
        String createdBy = reader.createdBy();
        Integer maxResults = reader.optionalInt("MaxResults", 1, 1000);
        String nextToken = reader.optionalText("NextToken");
        reader.throwIfInvalid();
        String position = PageToken.decode(NAME, nextToken);
        int from;
        try {
            from = position == null ? 0 : Integer.parseInt(position);
        } catch (NumberFormatException e) {
            throw ServiceError.serialization("NextToken is not valid.");
        }

        Predicate<Associations.Association> filter = a -> a.catalog().equals(catalog)
                && (engagement == null || engagement.equals(a.engagementId()))
                && (resourceType == null || resourceType.equals(a.resourceType()))
                && (resourceId == null || resourceId.equals(a.resourceId()))
                && (createdBy == null || createdBy.equals(a.createdBy()));
        Associations.Page page = associations.list(filter, from, maxResults == null ? DEFAULT_PAGE : maxResults);

        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode summaries = body.putArray("EngagementResourceAssociationSummaries");
        for (Associations.Association a : page.items()) {
            summaries.addObject()
                    .put("Catalog", a.catalog())
                    .put("EngagementId", a.engagementId())
                    .put("ResourceType", a.resourceType())
                    .put("ResourceId", a.resourceId())
                    .put("CreatedBy", a.createdBy());
        }
        if (page.next() >= 0) {
            body.put("NextToken", PageToken.encode(NAME, Integer.toString(page.next())));
        }
        return Result.of(body);
    }
}
