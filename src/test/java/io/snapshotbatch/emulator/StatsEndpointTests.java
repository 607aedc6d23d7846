package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code GET /_emulator/stats}: the same numbers as {@link EmulatorStats}, for another process. */
class StatsEndpointTests {

    @Test
    void reportsCallsByOperationAndOutcomeFaultsAndRevisionsPerKey() throws Exception {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings());
                PartnerCentralSellingClient client = EmulatorClients.noRetryClient(emulator)) {
            // given three snapshots (the token reused in another catalog is new there), a replay, a conflict
            var request = validCreate().build();
            client.createResourceSnapshot(request);
            client.createResourceSnapshot(request);
            client.createResourceSnapshot(validCreate().resourceIdentifier("O2").build());
            client.createResourceSnapshot(request.toBuilder().catalog("AWS").resourceIdentifier("O3").build());
            assertThatThrownBy(() -> client.createResourceSnapshot(request.toBuilder().resourceIdentifier("O4")
                    .build())).isInstanceOf(ConflictException.class);

            // when
            HttpResponse<String> response = RawHttp.send(HttpRequest.newBuilder(
                    RawHttp.uri(emulator, "/_emulator/stats")).GET().build());

            // then
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            JsonNode stats = new ObjectMapper().readTree(response.body());
            JsonNode create = stats.get("calls").get("CreateResourceSnapshot");
            assertThat(create.get("Success").asLong()).isEqualTo(3);
            assertThat(create.get("Replay").asLong()).isEqualTo(1);
            assertThat(create.get("ConflictException").asLong()).isEqualTo(1);
            assertThat(stats.get("faults").get("DroppedConnection").asLong()).isZero();
            assertThat(stats.get("revisions").get(
                    "Sandbox|eng-eyl04g6b3yz2t6|Opportunity|O4974569|OpportunitySummaryView").asInt()).isEqualTo(1);
            assertThat(stats.get("revisions").get(
                    "AWS|eng-eyl04g6b3yz2t6|Opportunity|O3|OpportunitySummaryView").asInt()).isEqualTo(1);
            assertThat(stats.get("revisions").size()).isEqualTo(3);
            // the in-process view agrees
            assertThat(emulator.stats().callsByOperation().get("CreateResourceSnapshot"))
                    .containsEntry("Success", 3L).containsEntry("Replay", 1L);
        }
    }

    @Test
    void onlyGetIsAllowedAndStatsCallsAreNotCounted() throws Exception {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings())) {
            HttpResponse<String> post = RawHttp.send(HttpRequest.newBuilder(RawHttp.uri(emulator, "/_emulator/stats"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            HttpResponse<String> other = RawHttp.send(HttpRequest.newBuilder(
                    RawHttp.uri(emulator, "/_emulator/statsx")).GET().build());

            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(emulator.stats().callsByOperation()).isEmpty();
        }
    }
}
