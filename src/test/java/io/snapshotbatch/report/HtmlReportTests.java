package io.snapshotbatch.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** report.html as a file: self-contained, escaped, bounded, written like any other file (the umask decides). */
class HtmlReportTests extends HtmlReportTestSupport {

    @Test
    void thePageLoadsNothingFromAnywhere() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then
        assertThat(page).contains("Content-Security-Policy").contains("default-src 'none'");
        assertThat(page).doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"(?!data:)")
            .doesNotContainPattern("(?i)url\\(")
            .doesNotContainPattern("(?i)@import")
            .doesNotContainPattern("(?i)<script")
            .doesNotContainPattern("(?i)https?://");
    }

    @Test
    void userDataIsEscaped() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then: the REJECTED row is listed, as text
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain(SCRIPT_ENGAGEMENT);
    }

    @Test
    void rowsThatNeedAttentionAreListedUpToTheLimitWithTheirTotal() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then
        String attention = section(page, "attention");
        assertThat(count(attention, "<tr><td class=\"num\">")).isEqualTo(HtmlReport.ATTENTION_LIMIT);
        assertThat(attention).contains(HtmlReport.ATTENTION_LIMIT + " shown of " + attentionRows())
            .contains("reconciliation.csv has every row")
            .doesNotContain(">CREATED<");
    }

    @Test
    void chartsShowRowsByOutcomeAndByErrorCodeAndTheLastThirtyRuns() throws Exception {
        // when
        String page = Files.readString(write(), StandardCharsets.UTF_8);

        // then
        assertThat(section(page, "by-outcome")).contains("<title>CREATED: " + CREATED + " (")
            .contains("<title>FAILED: " + (NOT_FOUND + ACCESS_DENIED) + " (")
            .contains("<title>PENDING: " + PENDING + " (");
        assertThat(section(page, "by-error-code")).contains("<title>ResourceNotFoundException: " + NOT_FOUND + " (")
            .contains("<title>AccessDeniedException: " + ACCESS_DENIED + " (")
            .contains("<title>INVALID_ENGAGEMENT_ID: 1 (");
        String trend = section(page, "trend");
        assertThat(trend).contains("Last 30 runs");
        assertThat(count(trend, "<g class=\"run\">")).isEqualTo(30);
        // oldest shown is 29 nights ago; tonight's column is the last and is outlined
        assertThat(trend).contains("<title>" + RUN_DATE.minusDays(29) + " generation 0").doesNotContain(RUN_DATE.minusDays(30).toString());
        assertThat(trend).contains("<title>" + RUN_DATE + " generation 0, STOPPED: " + (CREATED + attentionRows()) + " rows");
        assertThat(count(trend, "stroke=\"#1565c0\"")).isEqualTo(1);
        assertThat(page).contains("the daily budget of 400 calls is spent");
    }

    @Test
    void theFileIsReplacedWholeAndGetsTheUsualPermissions() throws Exception {
        // given: a file created the ordinary way in the same directory gets what the umask allows
        Path first = write();
        Path ordinary = Files.createFile(first.resolveSibling("ordinary.txt"));

        // when
        Path second = write();

        // then
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(second)))
            .isEqualTo(PosixFilePermissions.toString(Files.getPosixFilePermissions(ordinary)));
        try (var files = Files.list(second.getParent())) {
            assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("report.html", "ordinary.txt");
        }
    }

    static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    static int count(String text, String what) {
        Matcher matcher = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

}
