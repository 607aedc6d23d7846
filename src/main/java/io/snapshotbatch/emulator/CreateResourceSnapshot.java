package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** CreateResourceSnapshot: request validation, business validation, reference checks, then the idempotent create. */
final class CreateResourceSnapshot implements Operation {

    private final SnapshotStore store;
    private final KnownResources known;
    private final Set<String> knownTemplates;
    private final AccessPolicy access;

    CreateResourceSnapshot(SnapshotStore store, KnownResources known, Set<String> knownTemplates, AccessPolicy access) {
        this.store = store;
        this.known = known;
        this.knownTemplates = knownTemplates;
        this.access = access;
    }

    @Override
    public String name() {
        return "CreateResourceSnapshot";
    }

    @Override
    public Result execute(ObjectNode request) {
        RequestReader reader = new RequestReader(request);
        String catalog = reader.catalog();
        String engagement = reader.engagement(true);
        String resourceType = reader.resourceType(true);
        String resourceId = reader.resourceId(true);
        String template = reader.template(true);
        String clientToken = reader.clientToken();
        reader.throwIfInvalid();
        access.check(engagement, resourceId);
        if (!knownTemplates.contains(template)) {
            throw ServiceError.validation(ServiceError.BUSINESS_VALIDATION_FAILED, List.of(FieldViolation.invalid(
                    RequestReader.TEMPLATE, "Template " + template + " does not exist for resource type "
                            + resourceType + ".")));
        }
        known.requireEngagement(engagement);
        known.requireOpportunity(resourceId);

        var key = new SnapshotKey(catalog, engagement, resourceType, resourceId, template);
        SnapshotStore.CreateResult created = store.create(key, clientToken, Instant.now());
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("Arn", created.snapshot().arn())
                .put("Revision", created.snapshot().revision());
        return new Result(body, created.replay());
    }
}
