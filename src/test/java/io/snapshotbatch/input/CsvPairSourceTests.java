package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvPairSourceTests {

    private static final String ENG_1 = "eng-aaaaaaaaaaaaa1";

    private static final String ENG_2 = "eng-bbbbbbbbbbbbb2";

    private static final String ENG_3 = "eng-ccccccccccccc3";

    @TempDir
    Path dir;

    // --- header aliases -------------------------------------------------------------------------------

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

    // --- encoding and line endings --------------------------------------------------------------------

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstHeader() throws IOException {
        // given a BOM right before "engagement_id"
        Path file = write("\uFEFFengagement_id,opportunity_id\n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void crlfAndLfFilesGiveTheSameRowsAndLines() throws IOException {
        // given
        String body = "engagement_id,opportunity_id,template\n" + ENG_1 + ",O1,ViewA\n" + ENG_2 + ",O2,ViewB\n";
        Path lf = write("lf.csv", body);
        Path crlf = write("crlf.csv", body.replace("\n", "\r\n"));

        // when
        List<PairRecord> lfRows = read(lf);
        List<PairRecord> crlfRows = read(crlf);

        // then no value keeps a stray carriage return
        assertThat(crlfRows).isEqualTo(lfRows)
            .containsExactly(new PairRecord(2, null, ENG_1, null, "O1", "ViewA"),
                    new PairRecord(3, null, ENG_2, null, "O2", "ViewB"));
    }

    @Test
    void aLastRowWithoutLineEndIsRead() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\r\n" + ENG_1 + ",O1\r\n" + ENG_2 + ",O2");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line, PairRecord::resourceId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "O1"), org.assertj.core.groups.Tuple.tuple(3, "O2"));
    }

    @Test
    void nonAsciiUtf8ValuesSurvive() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,template\n" + ENG_1 + ",O1,Müller–東京\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::template).containsExactly("Müller–東京");
    }

    @Test
    void aBomFileInCrlfWithBlankLinesKeepsPhysicalLineNumbers() throws IOException {
        // given every feature at once
        Path file = write("\uFEFFEngagementIdentifier,ResourceIdentifier\r\n\r\n\"" + ENG_1 + "\",O1\r\n   \r\n"
                + ENG_2 + ",\"O2\"\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(3, null, ENG_1, null, "O1", null),
                new PairRecord(5, null, ENG_2, null, "O2", null));
    }

    @Test
    void blankLinesBeforeTheHeaderStillCountForLineNumbers() throws IOException {
        // given the header on line 3
        Path file = write("\n\nengagement_id,opportunity_id\n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then the row is reported on the line an editor shows it
        assertThat(rows).extracting(PairRecord::line).containsExactly(4);
    }

    @Test
    void aWhitespaceOnlyLastLineWithoutLineEndIsNotARow() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",O1\n   ");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2);
    }

    @Test
    void aFileThatIsNotUtf8IsAnInputError() throws IOException {
        // given an ISO-8859-1 file with a byte that is not valid UTF-8
        Path file = this.dir.resolve("latin1.csv");
        Files.write(file, ("engagement_id,opportunity_id,notes\n" + ENG_1 + ",O1,M\u00fcller\n")
            .getBytes(StandardCharsets.ISO_8859_1));

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> new CsvPairSource(file).checkReadable()).isInstanceOf(InputException.class);
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

    // --- RFC 4180 quoting and line numbers ------------------------------------------------------------

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,template,notes\n"
                + "\"" + ENG_1 + "\",\"O1\",\"My,View\",\"she said \"\"hi\"\"\"\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", "My,View"));
    }

    @Test
    void aQuotedValueIsStillTrimmed() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n\"  " + ENG_1 + " \",\"\tO1\t\"\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void unquotedValuesAreTrimmed() throws IOException {
        // given
        Path file = write("engagement_id , opportunity_id ,catalog\n   " + ENG_1 + "  ,\tO1 ,  AWS  \n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, "AWS", ENG_1, null, "O1", null));
    }

    @Test
    void aRowWithANewlineInsideAQuotedFieldReportsTheLineItStartsOn() throws IOException {
        // given line 3 spans lines 3 to 5
        Path file = write("engagement_id,opportunity_id,notes\n"
                + ENG_1 + ",O1,plain\n"
                + ENG_2 + ",O2,\"first\nsecond\nthird\"\n"
                + ENG_3 + ",O3,after\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 3, 6);
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O1", "O2", "O3");
    }

    @Test
    void aQuotedFieldThatStartsWithANewlineStillReportsItsStartingLine() throws IOException {
        // given the row of line 2 starts with a quote and a line break inside the first field
        Path file = write("notes,engagement_id,opportunity_id\r\n"
                + "\"\r\nnote\r\n\"," + ENG_1 + ",O1\r\n"
                + "x," + ENG_2 + ",O2\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 5);
    }

    @Test
    void aNewlineInsideAQuotedKeyFieldIsKeptInside() throws IOException {
        // given an opportunity id with a line break in it (it will be rejected later, but it is one row)
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",\"O1\nO2\"\n" + ENG_2 + ",O3\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::resourceId).containsExactly("O1\nO2", "O3");
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 4);
    }

    @Test
    void blankLinesAreNotRowsButStillCountForLineNumbers() throws IOException {
        // given empty lines (LF and CRLF) and whitespace-only lines between rows
        Path file = write("engagement_id,opportunity_id\n"
                + "\n"
                + ENG_1 + ",O1\n"
                + "   \n"
                + "\r\n"
                + "\t\n"
                + ENG_2 + ",O2\n"
                + "\n"
                + "\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line, PairRecord::resourceId)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "O1"), org.assertj.core.groups.Tuple.tuple(7, "O2"));
    }

    @Test
    void blankLinesInACrlfFileStillCountForLineNumbers() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\r\n\r\n\r\n" + ENG_1 + ",O1\r\n  \r\n" + ENG_2 + ",O2\r\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(4, 6);
    }

    @Test
    void aBlankLineAfterAMultiLineRowCountsToo() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id,notes\n"
                + ENG_1 + ",O1,\"a\n\nb\"\n"
                + "\n"
                + ENG_2 + ",O2,c\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(2, 6);
    }

    @Test
    void aRowOfOnlyCommasIsBlankAndNotARow() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n , \n" + ENG_1 + ",O1\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).extracting(PairRecord::line).containsExactly(3);
    }

    @Test
    void aRowWithFewerFieldsThanTheHeaderHasNullsForTheMissingOnes() throws IOException {
        // given
        Path file = write("engagement_id,catalog,template,opportunity_id\n" + ENG_1 + ",AWS\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, "AWS", ENG_1, null, null, null));
    }

    @Test
    void aRowWithMoreFieldsThanTheHeaderKeepsTheMappedOnes() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",O1,extra,more\n");

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).containsExactly(new PairRecord(2, null, ENG_1, null, "O1", null));
    }

    @Test
    void anUnterminatedQuoteIsAnInputError() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n" + ENG_1 + ",\"O1\n" + ENG_2 + ",O2\n");

        // when / then
        assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class);
    }

    @Test
    void rowsAreHandedOverInInputOrder() throws IOException {
        // given
        StringBuilder csv = new StringBuilder("engagement_id,opportunity_id\n");
        for (int i = 1; i <= 2500; i++) {
            csv.append(ENG_1).append(",O").append(i).append('\n');
        }
        Path file = write(csv.toString());

        // when
        List<PairRecord> rows = read(file);

        // then
        assertThat(rows).hasSize(2500);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).line()).isEqualTo(i + 2);
            assertThat(rows.get(i).resourceId()).isEqualTo("O" + (i + 1));
        }
    }

    @Test
    void describeNamesTheFile() throws IOException {
        // given
        Path file = write("engagement_id,opportunity_id\n");

        // when / then
        assertThat(new CsvPairSource(file).describe()).startsWith("csv:").endsWith("input.csv");
    }

    private Path write(String content) throws IOException {
        return write("input.csv", content);
    }

    private Path write(String name, String content) throws IOException {
        Path file = this.dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<PairRecord> read(Path file) {
        List<PairRecord> rows = new ArrayList<>();
        new CsvPairSource(file).read(rows::add);
        return rows;
    }

}
