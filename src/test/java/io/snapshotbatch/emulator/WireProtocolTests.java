package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.PartnerCentralSellingException;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** awsJson1_0 on the wire: routing, headers, error encoding, tolerant JSON parsing. */
class WireProtocolTests {

    private static final String CREATE = "CreateResourceSnapshot";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PartnerCentralEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void successHasRequestIdAndAwsJsonContentType() throws Exception {
        // given / when
        HttpResponse<String> response = RawHttp.post(emulator, CREATE, createBody(UUID.randomUUID().toString()));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(UUID.fromString(response.headers().firstValue("x-amzn-RequestId").orElseThrow()).version())
                .isEqualTo(4);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("Revision").isInt()).isTrue();
        assertThat(body.get("Arn").asText()).startsWith("arn:aws:partnercentral:us-east-1::catalog/Sandbox/");
    }

    @Test
    void errorsCarryTypeInBodyAndHeaderAndAMessage() throws Exception {
        // given / when
        HttpResponse<String> response = RawHttp.post(emulator, "GetResourceSnapshot",
                "{\"Catalog\":\"Sandbox\",\"EngagementIdentifier\":\"eng-zzzzzzzzzzzzzz\",\"ResourceType\":"
                        + "\"Opportunity\",\"ResourceIdentifier\":\"O9\",\"ResourceSnapshotTemplateIdentifier\":\"Opportunity\"}");

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(
                "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.partnerintegrationapi.common/");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("__type").asText()).isEqualTo("com.amazonaws.partnercentralselling#ResourceNotFoundException");
        assertThat(body.get("Message").asText()).isNotBlank();
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectSoEveryRequiredFieldIsMissing() throws Exception {
        // given / when
        HttpResponse<String> response = RawHttp.post(emulator, CREATE, "");

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("Reason").asText()).isEqualTo("REQUEST_VALIDATION_FAILED");
        assertThat(body.get("ErrorList").findValuesAsText("FieldName")).containsExactly("Catalog",
                "EngagementIdentifier", "ResourceType", "ResourceIdentifier", "ResourceSnapshotTemplateIdentifier",
                "ClientToken");
        assertThat(body.get("ErrorList").findValuesAsText("Code")).containsOnly("REQUIRED_FIELD_MISSING");
    }

    @Test
    void jsonIsParsedNotByteMatched() throws Exception {
        // given pretty-printed JSON, members in another order, an unknown member, explicit nulls
        String body = "{\n  \"ClientToken\" : \"" + UUID.randomUUID() + "\",\n  \"Unknown\" : {\"x\": [1, 2]},\n"
                + "  \"ResourceSnapshotTemplateIdentifier\" : \"Opportunity\", \"ResourceIdentifier\" : \"O77\",\n"
                + "  \"ResourceType\" : \"Opportunity\", \"EngagementIdentifier\" : \"eng-eyl04g6b3yz2t6\",\n"
                + "  \"Catalog\" : \"AWS\", \"Tags\" : null\n}\n";

        // when
        HttpResponse<String> response = RawHttp.post(emulator, CREATE, body);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/resource/Opportunity/O77/template/Opportunity/snapshot/1");
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        for (String bad : new String[] {"{\"Catalog\":", "[1,2]", "\"text\"", "{\"Catalog\": 5}"}) {
            HttpResponse<String> response = RawHttp.post(emulator, CREATE, bad);

            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("__type").asText()).as(bad).endsWith("#SerializationException");
            assertThat(response.headers().firstValue("x-amzn-ErrorType").orElseThrow())
                    .startsWith("SerializationException:");
        }
    }

    @Test
    void anUnknownOrMissingTargetIsAnUnknownOperation() throws Exception {
        // given / when
        HttpResponse<String> unknown = RawHttp.post(emulator, "DeleteEverything", "{}");
        HttpResponse<String> missing = RawHttp.post(emulator, null, "{}");
        HttpResponse<String> get = RawHttp.send(HttpRequest.newBuilder(RawHttp.uri(emulator, "/")).GET()
                .header("X-Amz-Target", "AWSPartnerCentralSelling.CreateResourceSnapshot").build());
        HttpResponse<String> restStyle = RawHttp.send(HttpRequest.newBuilder(
                RawHttp.uri(emulator, "/CreateResourceSnapshot")).POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        // then
        for (HttpResponse<String> response : new HttpResponse[] {unknown, missing, get, restStyle}) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("__type").asText()).endsWith("#UnknownOperationException");
        }
        assertThat(emulator.stats().calls("DeleteEverything", "UnknownOperationException")).isEqualTo(1);
    }

    @Test
    void theSdkSeesAnUnknownOperationAsAServiceExceptionWithThatCode() {
        // given an SDK call whose target is rewritten to an operation the emulator does not know
        ExecutionInterceptor retarget = new ExecutionInterceptor() {
            @Override
            public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
                    ExecutionAttributes executionAttributes) {
                return context.httpRequest().toBuilder()
                        .putHeader("X-Amz-Target", "AWSPartnerCentralSelling.Nope").build();
            }
        };
        try (PartnerCentralSellingClient client = EmulatorClients.builder(emulator)
                .overrideConfiguration(o -> o.addExecutionInterceptor(retarget)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {

            // when / then
            assertThatThrownBy(() -> client.createResourceSnapshot(validCreate().build()))
                    .isInstanceOfSatisfying(PartnerCentralSellingException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                        assertThat(e.statusCode()).isEqualTo(400);
                    });
        }
    }

    @Test
    void anySignatureIsAccepted() throws Exception {
        // RawHttp sends a SigV4 header with a signature that cannot be right
        assertThat(RawHttp.post(emulator, CREATE, createBody("sig-" + UUID.randomUUID())).statusCode()).isEqualTo(200);
    }

    private static String createBody(String token) {
        return "{\"Catalog\":\"Sandbox\",\"EngagementIdentifier\":\"eng-eyl04g6b3yz2t6\",\"ResourceType\":\"Opportunity\","
                + "\"ResourceIdentifier\":\"O123\",\"ResourceSnapshotTemplateIdentifier\":\"OpportunitySummaryView\","
                + "\"ClientToken\":\"" + token + "\"}";
    }
}
