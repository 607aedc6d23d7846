package io.snapshotbatch.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.partnercentralselling.PartnerCentralSellingClient;
import software.amazon.awssdk.services.partnercentralselling.model.ConflictException;
import software.amazon.awssdk.services.partnercentralselling.model.GetResourceSnapshotRequest;
import software.amazon.awssdk.services.partnercentralselling.model.InternalServerException;
import software.amazon.awssdk.services.partnercentralselling.model.PartnerCentralSellingException;
import software.amazon.awssdk.services.partnercentralselling.model.ResourceNotFoundException;
import software.amazon.awssdk.services.partnercentralselling.model.ThrottlingException;
import software.amazon.awssdk.services.partnercentralselling.model.ValidationException;

import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.snapshotbatch.emulator.EmulatorClients.validCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Both status profiles: the HTTP status changes, the exception class the SDK raises does not. */
class StatusProfileTests {

    static Stream<Arguments> profiles() {
        return Stream.of(
                arguments(StatusProfile.SMITHY, 400, 409, 404, 429, 500),
                arguments(StatusProfile.DOCS, 400, 400, 400, 400, 500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void errorsCarryTheProfilesStatusAndTheSameExceptionClass(StatusProfile profile, int validation, int conflict,
            int notFound, int throttling, int internal) throws IOException {
        EmulatorSettings settings = EmulatorClients.testSettings().withStatusProfile(profile);

        withEmulator(settings, EmulatorTuning.defaults(), client -> {
            // given an earlier snapshot
            var original = validCreate().build();
            client.createResourceSnapshot(original);

            // when / then
            assertThat(status(ValidationException.class, () -> client.createResourceSnapshot(
                    validCreate().catalog("Prod").build()))).isEqualTo(validation);
            assertThat(status(ConflictException.class, () -> client.createResourceSnapshot(
                    original.toBuilder().resourceIdentifier("O2").build()))).isEqualTo(conflict);
            assertThat(status(ResourceNotFoundException.class, () -> client.getResourceSnapshot(
                    GetResourceSnapshotRequest.builder().catalog("AWS").engagementIdentifier(EmulatorClients.ENGAGEMENT)
                            .resourceType("Opportunity").resourceIdentifier("O1")
                            .resourceSnapshotTemplateIdentifier("Opportunity").build()))).isEqualTo(notFound);
        });
        withEmulator(settings.withRatePerSecond(1), EmulatorTuning.defaults(), client -> {
            client.createResourceSnapshot(validCreate().build());
            assertThat(status(ThrottlingException.class, () -> client.createResourceSnapshot(validCreate().build())))
                    .isEqualTo(throttling);
        });
        withEmulator(settings.withFaultRate(1), EmulatorTuning.defaults().withFaultKinds(
                Set.of(FaultKind.INTERNAL_ERROR)), client ->
                assertThat(status(InternalServerException.class, () -> client.createResourceSnapshot(
                        validCreate().build()))).isEqualTo(internal));
    }

    private static void withEmulator(EmulatorSettings settings, EmulatorTuning tuning,
            Consumer<PartnerCentralSellingClient> test) throws IOException {
        try (PartnerCentralEmulator emulator = PartnerCentralEmulator.start(settings, tuning);
                PartnerCentralSellingClient client = EmulatorClients.noRetryClient(emulator)) {
            test.accept(client);
        }
    }

    private static int status(Class<? extends PartnerCentralSellingException> type, Runnable call) {
        PartnerCentralSellingException e = catchThrowableOfType(type, call::run);
        assertThat(e).as("expected %s", type.getSimpleName()).isNotNull();
        return e.statusCode();
    }
}
