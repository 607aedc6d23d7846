package io.snapshotbatch.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RowDefaultsTests {

    @Test
    void theContractDefaultsAreAccepted() {
        // when
        RowDefaults defaults = new RowDefaults("Sandbox", "OpportunitySummaryView");

        // then
        assertThat(defaults.catalog()).isEqualTo("Sandbox");
        assertThat(defaults.template()).isEqualTo("OpportunitySummaryView");
        assertThat(RowDefaults.RESOURCE_TYPE).isEqualTo("Opportunity");
    }

    @Test
    void theAwsCatalogIsAccepted() {
        assertThat(new RowDefaults("AWS", "abc").catalog()).isEqualTo("AWS");
    }

    @ParameterizedTest
    @ValueSource(strings = { "aws", "sandbox", "Production", "", " Sandbox" })
    void aBadCatalogIsRefused(String catalog) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RowDefaults(catalog, "OpportunitySummaryView"))
            .withMessageContaining("--catalog");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab", "My View", "My_View", "=cmd", "" })
    void aBadTemplateIsRefused(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RowDefaults("Sandbox", template))
            .withMessageContaining("--template");
    }

    @Test
    void aTemplateOfEightyOneCharactersIsRefusedAndEightyAccepted() {
        assertThat(new RowDefaults("Sandbox", "a".repeat(80)).template()).hasSize(80);
        assertThatIllegalArgumentException().isThrownBy(() -> new RowDefaults("Sandbox", "a".repeat(81)));
    }

}
