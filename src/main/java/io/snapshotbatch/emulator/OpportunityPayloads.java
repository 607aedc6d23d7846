package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A small, plausible {@code OpportunitySummaryView} for a snapshot's payload. Values come from the model's enums and
 * are derived from the opportunity id, so the same opportunity always looks the same.
 */
final class OpportunityPayloads {

    private static final String[] STAGES = {"Prospect", "Qualified", "Technical Validation", "Business Validation",
            "Committed", "Launched"};
    private static final String[] TYPES = {"Net New Business", "Flat Renewal", "Expansion"};

    private OpportunityPayloads() {
    }

    static ObjectNode summaryView(Snapshot snapshot) {
        String id = snapshot.key().resourceId();
        int seed = Math.floorMod(id.hashCode(), 997);
        JsonNodeFactory json = JsonNodeFactory.instance;

        ObjectNode view = json.objectNode().put("OpportunityType", TYPES[seed % TYPES.length]);
        view.putObject("Lifecycle")
                .put("Stage", STAGES[seed % STAGES.length])
                .put("ReviewStatus", "Approved")
                .put("TargetCloseDate", "2027-0" + (1 + seed % 9) + "-15")
                .put("NextSteps", "Schedule a technical review with the customer.");
        view.putArray("OpportunityTeam").addObject()
                .put("FirstName", "Alex")
                .put("LastName", "Rivera")
                .put("Email", "alex.rivera@example.com")
                .put("BusinessTitle", "PartnerAccountManager");
        view.putArray("PrimaryNeedsFromAws").add("Co-Sell - Technical Consultation");
        ObjectNode account = view.putObject("Customer").putObject("Account")
                .put("CompanyName", "Example Customer " + id)
                .put("Industry", "Software and Internet")
                .put("WebsiteUrl", "https://customer-" + id.toLowerCase() + ".example.com");
        account.putObject("Address").put("CountryCode", "US").put("PostalCode", "98101");
        ObjectNode project = view.putObject("Project").put("CustomerUseCase", "Migration / Database Migration");
        project.putArray("DeliveryModels").add("SaaS or PaaS");
        project.putArray("ExpectedCustomerSpend").addObject()
                .put("Amount", Integer.toString(1000 + seed * 10))
                .put("CurrencyCode", "USD")
                .put("Frequency", "Monthly")
                .put("TargetCompany", "AWS");
        project.putArray("SalesActivities").add("Initialized discussions with customer");
        view.putObject("RelatedEntityIdentifiers").putArray("AwsProducts").add("AmazonRDS");
        return view;
    }
}
