package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Test controls for rehearsing a nightly sync (another process, usually). Each answers JSON:
 * <ul>
 * <li>{@code POST /_emulator/opportunities} with {@code {"identifiers": ["O1", "O2"]}} or {@code {"pattern": "O1.*"}}
 *     (opportunities already seen), optional {@code "catalog"} (default Sandbox) and {@code "lastModifiedDate"}
 *     (ISO 8601, default now): marks them changed; answers {@code {"modified": n}};</li>
 * <li>{@code POST /_emulator/associations} with {@code {"associations": [{"EngagementId": "eng-...", "ResourceId":
 *     "O1", "CreatedBy": "210987654321"}]}} (Catalog default Sandbox, ResourceType Opportunity, CreatedBy the
 *     emulator's account): appends associations; answers {@code {"associations": total}};</li>
 * <li>{@code POST /_emulator/read-faults} with {@code {"pattern": "O100[12]"}}: reads of matching opportunities
 *     fail ({@code ""}: none).</li>
 * </ul>
 */
final class NightlyAdminHandler extends JsonPostHandler {

    static final String OPPORTUNITIES_PATH = "/_emulator/opportunities";
    static final String ASSOCIATIONS_PATH = "/_emulator/associations";
    static final String READ_FAULTS_PATH = "/_emulator/read-faults";

    private final Opportunities opportunities;
    private final Associations associations;
    private final ReadFaults readFaults;
    private final String accountId;

    NightlyAdminHandler(Opportunities opportunities, Associations associations, ReadFaults readFaults,
            String accountId, ObjectMapper mapper) {
        super(mapper);
        this.opportunities = opportunities;
        this.associations = associations;
        this.readFaults = readFaults;
        this.accountId = accountId;
    }

    @Override
    ObjectNode apply(String path, JsonNode request) {
        ObjectNode answer = mapper.createObjectNode();
        switch (path) {
            case OPPORTUNITIES_PATH -> answer.put("modified", modify(request));
            case ASSOCIATIONS_PATH -> answer.put("associations", associate(request));
            case READ_FAULTS_PATH -> {
                readFaults.fail(request.path("pattern").asText(""));
                answer.put("pattern", readFaults.failing());
            }
            default -> {
                return null;
            }
        }
        return answer;
    }

    @Override
    String paths() {
        return OPPORTUNITIES_PATH + ", " + ASSOCIATIONS_PATH + " or " + READ_FAULTS_PATH;
    }

    int modify(JsonNode request) {
        String catalog = request.path("catalog").asText("Sandbox");
        Instant when = request.hasNonNull("lastModifiedDate")
                ? Instant.parse(request.get("lastModifiedDate").asText()) : Instant.now();
        if (request.hasNonNull("pattern")) {
            return opportunities.modifyMatching(catalog, Pattern.compile(request.get("pattern").asText()), when);
        }
        List<String> ids = new ArrayList<>();
        request.path("identifiers").forEach(id -> ids.add(id.asText()));
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("give {\"identifiers\": [...]} or {\"pattern\": \"...\"}");
        }
        return opportunities.modify(catalog, ids, when);
    }

    int associate(JsonNode request) {
        JsonNode list = request.path("associations");
        if (!list.isArray()) {
            throw new IllegalArgumentException("give {\"associations\": [{\"EngagementId\": ..., \"ResourceId\": ...}]}");
        }
        for (JsonNode item : list) {
            associations.add(new Associations.Association(item.path("Catalog").asText("Sandbox"),
                    item.path("EngagementId").asText(), item.path("ResourceType").asText("Opportunity"),
                    item.path("ResourceId").asText(), item.path("CreatedBy").asText(accountId)));
        }
        return associations.size();
    }

}
