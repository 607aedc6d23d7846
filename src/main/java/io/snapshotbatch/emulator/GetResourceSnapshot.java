package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** GetResourceSnapshot: the latest revision, or the one asked for; a missing one is ResourceNotFoundException. */
final class GetResourceSnapshot implements Operation {

    // Real responses carry all nine fraction digits ("2024-11-12T23:13:01.656156539Z"); ISO_INSTANT would trim them.
    static final DateTimeFormatter CREATED_AT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final SnapshotStore store;
    private final KnownResources known;
    private final ReadFaults readFaults;

    GetResourceSnapshot(SnapshotStore store, KnownResources known, ReadFaults readFaults) {
        this.store = store;
        this.known = known;
        this.readFaults = readFaults;
    }

    @Override
    public String name() {
        return "GetResourceSnapshot";
    }

    @Override
    public Result execute(ObjectNode request) {
        RequestReader reader = new RequestReader(request);
        var key = new SnapshotKey(reader.catalog(), reader.engagement(true), reader.resourceType(true),
                reader.resourceId(true), reader.template(true));
        Integer revision = reader.optionalInt("Revision", 1, Integer.MAX_VALUE);
        reader.throwIfInvalid();
        readFaults.check(key.resourceId());
        known.requireEngagement(key.engagement());
        known.requireOpportunity(key.resourceId());

        Snapshot snapshot = store.get(key, revision);
        if (snapshot == null) {
            throw ServiceError.of(ErrorType.ResourceNotFoundException, revision == null
                    ? "No snapshot exists for " + key.statsKey() + "."
                    : "Revision " + revision + " does not exist for " + key.statsKey() + ".");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("Catalog", key.catalog())
                .put("Arn", snapshot.arn())
                .put("CreatedBy", snapshot.createdBy())
                .put("CreatedAt", CREATED_AT.format(snapshot.createdAt()))
                .put("EngagementId", key.engagement())
                .put("ResourceType", key.resourceType())
                .put("ResourceId", key.resourceId())
                .put("ResourceSnapshotTemplateName", key.template())
                .put("Revision", snapshot.revision());
        // Payload is a union: exactly one member.
        body.putObject("Payload").set("OpportunitySummary", OpportunityPayloads.summaryView(snapshot));
        return Result.of(body);
    }
}
