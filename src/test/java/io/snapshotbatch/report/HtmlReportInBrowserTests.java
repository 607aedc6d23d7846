package io.snapshotbatch.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.junit.jupiter.api.Test;

import io.snapshotbatch.ledger.Outcome;
import io.snapshotbatch.support.HeadlessChromium;
import io.snapshotbatch.support.HeadlessChromium.Rendering;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html in a real headless Chromium: the figures are drawn, user data stays text, and the page asks
 * for nothing over the network. The screenshot is kept in target/ for a person to look at.
 */
class HtmlReportInBrowserTests extends HtmlReportTestSupport {

    @Test
    void theReportRendersItsFiguresAndAsksForNothing() throws Exception {
        // given
        Path page = write();

        // when
        Rendering rendering = HeadlessChromium.render(page, this.reportDir);

        // then: nothing but the page itself was requested, from the loopback server or from anywhere else
        assertThat(rendering.served()).containsExactly("GET /report.html");
        assertThat(rendering.pageRequests()).isEmpty();
        assertThat(rendering.log()).doesNotContain("Refused to");
        // the pictures are there: one bar per outcome, one per error code, one column per run of the trend
        String dom = rendering.dom();
        assertThat(HtmlReportTests.count(HtmlReportTests.section(dom, "by-outcome"), "<g class=\"bar\">"))
            .isEqualTo(Outcome.values().length);
        assertThat(HtmlReportTests.count(HtmlReportTests.section(dom, "by-error-code"), "<g class=\"bar\">")).isEqualTo(3);
        assertThat(HtmlReportTests.count(HtmlReportTests.section(dom, "trend"), "<g class=\"run\">")).isEqualTo(30);
        assertThat(HtmlReportTests.section(dom, "attention")).contains(HtmlReport.ATTENTION_LIMIT + " shown of " + attentionRows());
        // the engagement id that is a script tag is a text node of the REJECTED row, not an element
        assertThat(dom).doesNotContainPattern("(?i)<script");
        assertThat(dom).contains("&lt;script&gt;alert('x')&lt;/script&gt;");
        assertThat(Files.size(rendering.screenshot())).isGreaterThan(20_000);
        Files.copy(rendering.screenshot(), Path.of("target", "report-html-example.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theCheckSeesEveryRequestOfAPageThatAsksForSomething() throws Exception {
        // given: a page with a relative stylesheet and two images from elsewhere (they cannot resolve: see HeadlessChromium)
        Path page = Files.writeString(this.reportDir.resolve("leaky.html"), """
                <!DOCTYPE html><html><head><link rel="icon" href="data:,"><link rel="stylesheet" href="style.css"></head>
                <body><img src="http://images.invalid/a.png"><img src="https://fonts.invalid/b.png"></body></html>""",
                StandardCharsets.UTF_8);

        // when
        Rendering rendering = HeadlessChromium.render(page, this.reportDir);

        // then
        assertThat(rendering.served()).containsExactly("GET /leaky.html", "GET /style.css");
        assertThat(rendering.pageRequests()).anySatisfy((url) -> assertThat(url).endsWith("/style.css"))
            .contains("http://images.invalid/a.png", "https://fonts.invalid/b.png");
    }

}
