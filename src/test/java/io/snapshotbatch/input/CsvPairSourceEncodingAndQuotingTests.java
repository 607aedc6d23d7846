package io.snapshotbatch.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Byte order mark, CRLF and LF, UTF-8 values, RFC 4180 quoting and trimming, short and long rows, row order. */
class CsvPairSourceEncodingAndQuotingTests extends CsvPairSourceTestSupport {

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

}
