package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The header row (aliases, mapping by name, header errors) and files rejected whole (missing, empty, not UTF-8). */
class CsvPairSourceHeaderTests extends CsvPairSourceTestSupport {

    @ParameterizedTest
    @ValueSource(strings = { "engagement_id", "EngagementIdentifier", "Engagement Id", "ENGAGEMENT-ID",
            "engagementid", " engagement_id ", "Engagement_Identifier" })
    void everyEngagementAliasIsRecognised(String header) throws IOException {
        // given
        Path file = write("\"" + header + "\",opportunity_id\n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::engagementId).containsExactly(ENG_1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "opportunity_id", "resource_id", "ResourceIdentifier", "Opportunity Id", "RESOURCE-ID",
            "resourceidentifier" })
    void everyOpportunityAliasIsRecognised(String header) throws IOException {
        // given
        Path file = write("engagement_id," + header + "\n" + ENG_1 + ",O42\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O42");
    }

    @ParameterizedTest
    @ValueSource(strings = { "template", "ResourceSnapshotTemplateIdentifier", "TEMPLATE",
            "resource_snapshot_template_identifier" })
    void everyTemplateAliasIsRecognised(String header) throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id," + header + "\n" + ENG_1 + ",O42,MyView\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::template).containsExactly("MyView");
    }

    @Test
    void catalogAndResourceTypeColumnsAreReadWhateverTheirCaseAndSeparators() throws IOException {
        // given
        Path file = write("Engagement Id,Opportunity-Id,CATALOG,Resource Type\n" + ENG_1 + ",O42,AWS,Opportunity\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, "AWS", ENG_1, "Opportunity", "O42", null));
    }

    @Test
    void columnsAreMappedByNameNotByPosition() throws IOException {
        // given the columns in an unusual order, with unknown extra columns in between
        Path file = write("comment,template,ResourceIdentifier,owner,EngagementIdentifier,catalog,resource_type\n"
                + "hello,MyView,O7,alice," + ENG_1 + ",Sandbox,Opportunity\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, "Sandbox", ENG_1, "Opportunity", "O7", "MyView"));
    }

    @Test
    void missingOptionalColumnsAreNull() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void emptyOptionalValuesAreNull() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,catalog,template,resource_type\n" + ENG_1 + ",O1, ,,\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void missingEngagementColumnIsAnInputError() throws IOException {
        // given
        Path file = write("engagement,opportunity_id\n" + ENG_1 + ",O1\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("engagement_id");
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class);
    }

    @Test
    void missingOpportunityColumnIsAnInputError() throws IOException {
        // given
        Path file = write("engagement_id,opportunity\n" + ENG_1 + ",O1\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("opportunity_id");
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class);
    }

    @Test
    void aFileWithoutAHeaderRowIsAnInputError() throws IOException {
        // given data where the header should be
        Path file = write(ENG_1 + ",O1\n" + ENG_2 + ",O2\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class);
    }

    @Test
    void twoColumnsForTheSameFieldAreAnInputError() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,EngagementIdentifier\n" + ENG_1 + ",O1," + ENG_2 + "\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class)
            .hasMessageContaining("engagement_id")
            .hasMessageContaining("EngagementIdentifier");
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class);
    }

    @Test
    void theSameHeaderTwiceIsAnInputError() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,resource_id\n" + ENG_1 + ",O1,O2\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class);
    }

    @Test
    void unknownAndUnnamedExtraColumnsAreIgnored() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,notes,,priority\n" + ENG_1 + ",O1,call back,x,high\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252() throws IOException {
        // given an ISO-8859-1 file with a byte that is not valid UTF-8
        Path file = this.dir.resolve("latin1.csv");
        Files.write(file, ("engagement_id,opportunity_id,template\n" + ENG_1 + ",O1,M\u00fcller\n")
            .getBytes(StandardCharsets.ISO_8859_1));

        // when
        CsvPairSource source = new CsvPairSource(file);
        List<PairRecord> rows = new java.util.ArrayList<>();
        source.read(rows::add);

        // then
        assertThat(rows).extracting(PairRecord::template).containsExactly("M\u00fcller");
        assertThat(source.inputEncoding()).isEqualTo("windows-1252");
        assertThat(new CsvPairSource(file).checkReadable().encoding()).isEqualTo("windows-1252");
    }

    @Test
    void aMissingFileIsAnInputError() {
        // given
        Path file = this.dir.resolve("nowhere.csv");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\n", "  \r\n \n", "\uFEFF" })
    void anEmptyFileIsAnInputError(String content) throws IOException {
        // given
        Path file = write(content);

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class);
    }

    @Test
    void aDirectoryInsteadOfAFileIsAnInputError() {
        // when / then
        assertThatThrownBy(() -> read(this.dir)).isInstanceOf(InputException.class);
    }

    @Test
    void aHeaderOnlyFileIsReadableAndHasNoRows() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n");

        // when / then
        assertThatNoException().isThrownBy(() -> new CsvPairSource(file).checkReadable());
        assertThat(read(file)).isEmpty();
    }

    @Test
    void checkReadableDoesNotRejectAFileForItsRows() throws IOException {
        // given a good header and invalid values
        Path file = write("EngagementIdentifier,ResourceIdentifier\nnot-an-engagement,123\n,\n");

        // when / then
        assertThatNoException().isThrownBy(() -> new CsvPairSource(file).checkReadable());
    }

}
