package io.snapshotbatch.ledger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import io.snapshotbatch.input.SnapshotKey;

/**
 * Derives the ClientToken of a row before any call is made. The token is a name-based UUID of the
 * run date and the request, so the same night's request always carries the same token, even if the
 * ledger were lost: the service then answers with the original snapshot instead of creating another.
 * A forced new run ({@code generation > 0}) or a definitive re-send ({@code tokenGeneration > 0})
 * mixes its number in, giving a new token on purpose.
 */
public final class ClientTokens {

    private static final String NAMESPACE = "snapshot-batch/v1";

    private ClientTokens() {
    }

    public static String derive(LocalDate runDate, int generation, SnapshotKey key, int tokenGeneration) {
        StringBuilder name = new StringBuilder(NAMESPACE).append('|').append(runDate)
            .append('|').append(key.catalog())
            .append('|').append(key.engagementId())
            .append('|').append(key.resourceType())
            .append('|').append(key.resourceId())
            .append('|').append(key.template());
        if (generation > 0) {
            name.append("|run-generation=").append(generation);
        }
        if (tokenGeneration > 0) {
            name.append("|token-generation=").append(tokenGeneration);
        }
        // UUID (36 printable ASCII characters) fits every ClientToken pattern the API ever published.
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

}
