package io.snapshotbatch.ledger;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.input.SnapshotKey;

import static org.assertj.core.api.Assertions.assertThat;

class ClientTokensTests {

    private static final LocalDate RUN_DATE = LocalDate.of(2025, 3, 14);

    private static final SnapshotKey KEY = new SnapshotKey("Sandbox", "eng-0123456789abcd", "Opportunity", "O1234567",
            "OpportunitySummaryView");

    @Test
    void theTokenIsTheNameBasedUuidOfTheRunDateAndTheRequest() {
        // given the documented name layout
        String name = "snapshot-batch/v1|2025-03-14|Sandbox|eng-0123456789abcd|Opportunity|O1234567|OpportunitySummaryView";

        // when
        String token = ClientTokens.derive(RUN_DATE, 0, KEY, 0);

        // then
        assertThat(token).isEqualTo(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Test
    void theTokenIsAFixedValueAcrossCallsAndJvms() {
        // given values computed once, outside this JVM: a change here would re-create every snapshot of a resumed night

        // when / then
        assertThat(ClientTokens.derive(RUN_DATE, 0, KEY, 0)).isEqualTo("cc85cab3-c265-3fb4-b381-66593cf6474b")
            .isEqualTo(ClientTokens.derive(LocalDate.parse("2025-03-14"), 0,
                    new SnapshotKey("Sandbox", "eng-0123456789abcd", "Opportunity", "O1234567", "OpportunitySummaryView"),
                    0));
        assertThat(ClientTokens.derive(RUN_DATE, 2, KEY, 3)).isEqualTo("c2dbe108-78f1-3948-b11d-dc40c5e30e1b");
    }

    @Test
    void generationsAreMixedInAfterTheRequest() {
        // given
        String base = "snapshot-batch/v1|2025-03-14|Sandbox|eng-0123456789abcd|Opportunity|O1234567|OpportunitySummaryView";

        // when / then
        assertThat(ClientTokens.derive(RUN_DATE, 1, KEY, 0)).isEqualTo(uuid(base + "|run-generation=1"));
        assertThat(ClientTokens.derive(RUN_DATE, 0, KEY, 1)).isEqualTo(uuid(base + "|token-generation=1"));
        assertThat(ClientTokens.derive(RUN_DATE, 4, KEY, 2))
            .isEqualTo(uuid(base + "|run-generation=4|token-generation=2"));
    }

    @Test
    void everyInputChangesTheToken() {
        // given the same request varied in one thing at a time
        List<String> tokens = List.of(ClientTokens.derive(RUN_DATE, 0, KEY, 0),
                ClientTokens.derive(RUN_DATE.plusDays(1), 0, KEY, 0),
                ClientTokens.derive(RUN_DATE, 1, KEY, 0),
                ClientTokens.derive(RUN_DATE, 2, KEY, 0),
                ClientTokens.derive(RUN_DATE, 0, KEY, 1),
                ClientTokens.derive(RUN_DATE, 0, KEY, 2),
                ClientTokens.derive(RUN_DATE, 1, KEY, 1),
                ClientTokens.derive(RUN_DATE, 0, withCatalog("AWS"), 0),
                ClientTokens.derive(RUN_DATE, 0, new SnapshotKey("Sandbox", "eng-0123456789abce", "Opportunity",
                        "O1234567", "OpportunitySummaryView"), 0),
                ClientTokens.derive(RUN_DATE, 0, new SnapshotKey("Sandbox", "eng-0123456789abcd", "Lead", "O1234567",
                        "OpportunitySummaryView"), 0),
                ClientTokens.derive(RUN_DATE, 0, new SnapshotKey("Sandbox", "eng-0123456789abcd", "Opportunity",
                        "O1234568", "OpportunitySummaryView"), 0),
                ClientTokens.derive(RUN_DATE, 0, new SnapshotKey("Sandbox", "eng-0123456789abcd", "Opportunity",
                        "O1234567", "OtherView"), 0));

        // when
        Set<String> distinct = new HashSet<>(tokens);

        // then
        assertThat(distinct).hasSameSizeAs(tokens);
    }

    @Test
    void tokensAreAtMost64PrintableAsciiCharacters() {
        // given extreme keys, including the longest values the validator lets through and some it does not
        List<SnapshotKey> keys = List.of(KEY,
                new SnapshotKey("AWS", "eng-zzzzzzzzzzzzzz", "Opportunity", "O" + "9".repeat(19), "a".repeat(80)),
                new SnapshotKey(null, null, null, null, null),
                new SnapshotKey("Sandbox", "eng-é東京", "Opportunity\n", "O1|O2", "x".repeat(1024)));

        for (SnapshotKey key : keys) {
            for (int generation : new int[] { 0, 1, Integer.MAX_VALUE }) {
                // when
                String token = ClientTokens.derive(LocalDate.of(9999, 12, 31), generation, key, generation);

                // then
                assertThat(token).matches("[!-~]{1,64}");
            }
        }
    }

    private static SnapshotKey withCatalog(String catalog) {
        return new SnapshotKey(catalog, KEY.engagementId(), KEY.resourceType(), KEY.resourceId(), KEY.template());
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

}
