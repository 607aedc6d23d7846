package io.snapshotbatch.input;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PairValidatorTests {

    private static final String ENGAGEMENT = "eng-0123456789abcd";

    private static final String OPPORTUNITY = "O1234567";

    private static final String TEMPLATE = "OpportunitySummaryView";

    private final PairValidator validator = new PairValidator(new RowDefaults("Sandbox", TEMPLATE));

    // --- a fully valid row ----------------------------------------------------------------------------

    @Test
    void aCompleteValidRowHasNoFailures() {
        // given
        SnapshotKey key = new SnapshotKey("AWS", ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE);

        // when
        List<Rejection> failures = this.validator.validate(key);

        // then
        assertThat(failures).isEmpty();
    }

    // --- engagement -----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "eng-0123456789abcd", "eng-abcdefghijklmn", "eng-00000000000000", "eng-zzzzzzzzzzzzzz" })
    void validEngagementIds(String engagement) {
        assertThat(codes(key(engagement, OPPORTUNITY))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "eng-0123456789abc", // 13 characters
            "eng-0123456789abcde", // 15 characters
            "eng-0123456789ABCD", // upper case
            "ENG-0123456789abcd", "eng_0123456789abcd", "eng0123456789abcde", "0123456789abcd",
            "=eng-0123456789abcd", // formula prefix
            " eng-0123456789abcd", "eng-0123456789abcd ", "eng-0123456789abcd\n", "eng-0123456789abc-",
            "eng-0123456789abcé", "eng-", "x" })
    void invalidEngagementIdsAreRejected(String engagement) {
        // when
        List<Rejection> failures = this.validator.validate(key(engagement, OPPORTUNITY));

        // then
        assertThat(failures).extracting(Rejection::code).containsExactly("INVALID_ENGAGEMENT_ID");
        assertThat(failures.get(0).reason()).contains(asShown(engagement));
    }

    @Test
    void aMissingEngagementIdHasItsOwnCode() {
        assertThat(codes(key(null, OPPORTUNITY))).containsExactly("MISSING_ENGAGEMENT_ID");
    }

    // --- opportunity ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "O1", "O0", "O1234567890123456789", // 19 digits
            "O0000000000000000000" })
    void validOpportunityIds(String opportunity) {
        assertThat(codes(key(ENGAGEMENT, opportunity))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "O12345678901234567890", // 20 digits
            "O", "o123", "0123", "123", "O12a", "O-12", "O 12", "=O123", "+O123", "O123\n", "O12.5", "O\u0661\u0662",
            "OO12" })
    void invalidOpportunityIdsAreRejected(String opportunity) {
        // when
        List<Rejection> failures = this.validator.validate(key(ENGAGEMENT, opportunity));

        // then
        assertThat(failures).extracting(Rejection::code).containsExactly("INVALID_RESOURCE_ID");
        assertThat(failures.get(0).reason()).contains(asShown(opportunity));
    }

    @Test
    void aMissingOpportunityIdHasItsOwnCode() {
        assertThat(codes(key(ENGAGEMENT, null))).containsExactly("MISSING_RESOURCE_ID");
    }

    // --- catalog --------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "AWS", "Sandbox" })
    void validCatalogs(String catalog) {
        assertThat(codes(new SnapshotKey(catalog, ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "aws", "Aws", "sandbox", "SANDBOX", "Sandbox ", " AWS", "Production", "", "=AWS" })
    void catalogsOtherThanExactlyAwsOrSandboxAreRejected(String catalog) {
        assertThat(codes(new SnapshotKey(catalog, ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE)))
            .containsExactly("INVALID_CATALOG");
    }

    // --- resource type --------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "opportunity", "OPPORTUNITY", "Opportunities", "Engagement", "Opportunity ", "" })
    void resourceTypesOtherThanOpportunityAreRejected(String resourceType) {
        assertThat(codes(new SnapshotKey("AWS", ENGAGEMENT, resourceType, OPPORTUNITY, TEMPLATE)))
            .containsExactly("INVALID_RESOURCE_TYPE");
    }

    // --- template -------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = { 3, 4, 79, 80 })
    void templatesOfThreeToEightyLettersOrDigitsAreValid(int length) {
        assertThat(codes(withTemplate("a1B".repeat(30).substring(0, length)))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 2, 81, 200 })
    void templatesShorterThanThreeOrLongerThanEightyAreRejected(int length) {
        assertThat(codes(withTemplate("x".repeat(length)))).containsExactly("INVALID_TEMPLATE");
    }

    @ParameterizedTest
    @ValueSource(strings = { "My View", "My_View", "My-View", "=View", "Vüew", "View!", "" })
    void templatesWithOtherCharactersAreRejected(String template) {
        assertThat(codes(withTemplate(template))).containsExactly("INVALID_TEMPLATE");
    }

    // --- several failures -----------------------------------------------------------------------------

    @Test
    void everyFailureIsReportedInFieldOrderWithTheFirstOneFirst() {
        // given a row where every field is wrong
        SnapshotKey key = new SnapshotKey("aws", "eng-1", "Lead", "123", "x");

        // when
        List<Rejection> failures = this.validator.validate(key);

        // then
        assertThat(failures).extracting(Rejection::code)
            .containsExactly("INVALID_ENGAGEMENT_ID", "INVALID_RESOURCE_ID", "INVALID_CATALOG",
                    "INVALID_RESOURCE_TYPE", "INVALID_TEMPLATE");
        assertThat(failures).allSatisfy((failure) -> assertThat(failure.reason()).isNotBlank());
    }

    @Test
    void anEmptyRowIsMissingBothIds() {
        // given
        PairRecord row = new PairRecord(2, null, null, null, null, null);

        // when
        List<Rejection> failures = this.validator.validate(this.validator.keyOf(row));

        // then
        assertThat(failures).extracting(Rejection::code).containsExactly("MISSING_ENGAGEMENT_ID", "MISSING_RESOURCE_ID");
    }

    // --- defaults -------------------------------------------------------------------------------------

    @Test
    void keyOfAppliesTheDefaultsToColumnsTheRowLeavesEmpty() {
        // given
        PairValidator withDefaults = new PairValidator(new RowDefaults("AWS", "MyDefaultView"));
        PairRecord row = new PairRecord(7, null, ENGAGEMENT, null, OPPORTUNITY, null);

        // when
        SnapshotKey key = withDefaults.keyOf(row);

        // then
        assertThat(key).isEqualTo(new SnapshotKey("AWS", ENGAGEMENT, "Opportunity", OPPORTUNITY, "MyDefaultView"));
        assertThat(withDefaults.validate(key)).isEmpty();
    }

    @Test
    void keyOfKeepsTheRowsOwnValuesEvenInvalidOnes() {
        // given
        PairValidator withDefaults = new PairValidator(new RowDefaults("AWS", "MyDefaultView"));
        PairRecord row = new PairRecord(7, "Sandbox", ENGAGEMENT, "Lead", OPPORTUNITY, "OtherView");

        // when
        SnapshotKey key = withDefaults.keyOf(row);

        // then
        assertThat(key).isEqualTo(new SnapshotKey("Sandbox", ENGAGEMENT, "Lead", OPPORTUNITY, "OtherView"));
        assertThat(codes(key)).containsExactly("INVALID_RESOURCE_TYPE");
    }

    @Test
    void keyOfDoesNotDefaultTheIds() {
        // given
        PairRecord row = new PairRecord(3, null, null, null, null, null);

        // when
        SnapshotKey key = this.validator.keyOf(row);

        // then
        assertThat(key).isEqualTo(new SnapshotKey("Sandbox", null, "Opportunity", null, TEMPLATE));
    }

    @Test
    void theDuplicateKeyIgnoresTheResourceType() {
        // given
        SnapshotKey a = new SnapshotKey("AWS", ENGAGEMENT, "Opportunity", OPPORTUNITY, TEMPLATE);
        SnapshotKey b = new SnapshotKey("AWS", ENGAGEMENT, null, OPPORTUNITY, TEMPLATE);

        // when / then
        assertThat(a.duplicateKey()).isEqualTo(b.duplicateKey());
        assertThat(a.duplicateKey()).isNotEqualTo(new SnapshotKey("Sandbox", ENGAGEMENT, "Opportunity", OPPORTUNITY,
                TEMPLATE).duplicateKey());
        assertThat(a.duplicateKey()).isNotEqualTo(new SnapshotKey("AWS", ENGAGEMENT, "Opportunity", "O9", TEMPLATE)
            .duplicateKey());
        assertThat(a.duplicateKey()).isNotEqualTo(new SnapshotKey("AWS", "eng-zzzzzzzzzzzzzz", "Opportunity",
                OPPORTUNITY, TEMPLATE).duplicateKey());
        assertThat(a.duplicateKey()).isNotEqualTo(new SnapshotKey("AWS", ENGAGEMENT, "Opportunity", OPPORTUNITY,
                "OtherView").duplicateKey());
    }

    private SnapshotKey key(String engagement, String opportunity) {
        return new SnapshotKey("Sandbox", engagement, "Opportunity", opportunity, TEMPLATE);
    }

    private SnapshotKey withTemplate(String template) {
        return new SnapshotKey("Sandbox", ENGAGEMENT, "Opportunity", OPPORTUNITY, template);
    }

    private List<String> codes(SnapshotKey key) {
        return this.validator.validate(key).stream().map(Rejection::code).toList();
    }


    /** How a reason shows a value: characters other than printable ASCII escaped (only those these tests use). */
    private static String asShown(String value) {
        return value.replace("\n", "\\n").replace("\u00e9", "\\u00E9").replace("\u0661", "\\u0661")
            .replace("\u0662", "\\u0662");
    }

}
