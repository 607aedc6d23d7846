package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GetOpportunity: the members a nightly sync reads (dates, id, ARN) and the model's other required ones. */
final class GetOpportunity implements Operation {

    private final Opportunities opportunities;
    private final ReadFaults readFaults;

    GetOpportunity(Opportunities opportunities, ReadFaults readFaults) {
        this.opportunities = opportunities;
        this.readFaults = readFaults;
    }

    @Override
    public String name() {
        return "GetOpportunity";
    }

    @Override
    public Result execute(ObjectNode request) {
        RequestReader reader = new RequestReader(request);
        String catalog = reader.catalog();
        String id = reader.opportunityIdentifier();
        reader.throwIfInvalid();
        readFaults.check(id);
        Opportunities.Opportunity opportunity = opportunities.get(catalog, id);
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("Catalog", catalog)
                .put("Id", id)
                .put("Arn", opportunity.arn())
                .put("CreatedDate", GetResourceSnapshot.CREATED_AT.format(opportunity.createdDate()))
                .put("LastModifiedDate", GetResourceSnapshot.CREATED_AT.format(opportunity.lastModifiedDate()));
        body.putObject("RelatedEntityIdentifiers");
        return Result.of(body);
    }

    /** A summary as ListOpportunities returns it. */
    static ObjectNode summary(Opportunities.Opportunity opportunity) {
        return JsonNodeFactory.instance.objectNode()
                .put("Catalog", opportunity.catalog())
                .put("Id", opportunity.id())
                .put("Arn", opportunity.arn())
                .put("CreatedDate", GetResourceSnapshot.CREATED_AT.format(opportunity.createdDate()))
                .put("LastModifiedDate", GetResourceSnapshot.CREATED_AT.format(opportunity.lastModifiedDate()));
    }
}
