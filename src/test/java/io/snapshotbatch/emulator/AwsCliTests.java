package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A second, independent client: the AWS CLI (botocore) sends differently formatted JSON and fewer signed headers. */
class AwsCliTests {

    @Test
    void awsCliCreatesAndReplaysASnapshot() throws Exception {
        assumeTrue(awsCliInstalled(), "aws CLI not installed");
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(EmulatorClients.testSettings())) {
            // given
            List<String> command = List.of("aws", "partnercentral-selling", "create-resource-snapshot",
                    "--endpoint-url", emulator.endpoint().toString(), "--region", "us-east-1", "--output", "json",
                    "--catalog", "Sandbox", "--engagement-identifier", EmulatorClients.ENGAGEMENT,
                    "--resource-type", "Opportunity", "--resource-identifier", "O4974569",
                    "--resource-snapshot-template-identifier", "OpportunitySummaryView",
                    "--client-token", "cli-token-1");

            // when run twice with the same token
            JsonNode first = new ObjectMapper().readTree(run(command));
            JsonNode second = new ObjectMapper().readTree(run(command));

            // then
            assertThat(first.get("Revision").asInt()).isEqualTo(1);
            assertThat(first.get("Arn").asText()).isEqualTo("arn:aws:partnercentral:us-east-1::catalog/Sandbox/"
                    + "engagement/eng-eyl04g6b3yz2t6/resource/Opportunity/O4974569/template/OpportunitySummaryView/"
                    + "snapshot/1");
            assertThat(second).isEqualTo(first);
            assertThat(emulator.stats().calls("CreateResourceSnapshot", "Success")).isEqualTo(1);
            assertThat(emulator.stats().calls("CreateResourceSnapshot", "Replay")).isEqualTo(1);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(false);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("AWS_"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "secret");
        env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("aws CLI did not finish within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("aws CLI failed: %s", err).isZero();
        return out;
    }

    private static boolean awsCliInstalled() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, "aws").canExecute()) {
                return true;
            }
        }
        return false;
    }
}
