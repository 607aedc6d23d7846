package io.snapshotbatch.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Input files made the way partner ops' tools make them: encodings, byte order marks, delimiters, line
 * ends, quoting and preamble lines as each producer writes them. {@link #main} writes them to
 * {@code src/test/resources/csv-corpus}; {@code CsvCorpusTests} checks that the committed files are
 * still exactly what this class makes, and how each one is read.
 */
final class CsvCorpus {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "csv-corpus");

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");

    private static final String CRLF = "\r\n";

    /** One file: its name in the corpus, the program that makes files like it, and its bytes. */
    record Sample(String name, String producer, byte[] bytes) {

        @Override
        public String toString() {
            return this.name;
        }

    }

    private CsvCorpus() {
    }

    /** {@code eng-corpus00000007}: a valid engagement id. */
    static String eng(int n) {
        return "eng-corpus%08d".formatted(n);
    }

    /** {@code O6659907}: a valid opportunity id. */
    static String opp(int n) {
        return "O66599%02d".formatted(n);
    }

    static List<Sample> samples() {
        return List.of(
                new Sample("excel-windows-1252.csv", "Excel for Windows, Save As 'CSV (Comma delimited)'",
                        bytes(WINDOWS_1252, lines(CRLF, "Customer,Engagement ID,Opportunity ID,Amount,Owner",
                                "Caf\u00e9 Lumi\u00e8re," + eng(1) + "," + opp(1) + ",\"1,200.00\",Zo\u00eb Bront\u00eb",
                                "\"Smith, Jones & Co\"," + eng(2) + "," + opp(2) + ",950.00,Jos\u00e9 Mu\u00f1oz",
                                "M\u00fcller GmbH," + eng(3) + "," + opp(3) + ",\"12,000.50\",S\u00f8ren",
                                "\u20acuro Trading \u2013 Ltd\u2019s," + eng(4) + "," + opp(4) + ",10.00,Fran\u00e7ois"))),
                new Sample("excel-unicode-text-utf16le.txt", "Excel for Windows, Save As 'Unicode Text' (UTF-16 LE, BOM, tabs)",
                        withBom(StandardCharsets.UTF_16LE, lines(CRLF, "Customer\tEngagementIdentifier\tResourceIdentifier\tcatalog",
                                "\u6771\u4eac Trading\t" + eng(1) + "\t" + opp(1) + "\tAWS",
                                "\"Two-line\nnote\"\t" + eng(2) + "\t" + opp(2) + "\tAWS",
                                "Caf\u00e9\t" + eng(3) + "\t" + opp(3) + "\tSandbox"))),
                new Sample("powershell5-convertto-csv-redirect.csv",
                        "Windows PowerShell 5: Import-Csv | Select-Object | ConvertTo-Csv > file (UTF-16 LE, BOM, #TYPE line)",
                        withBom(StandardCharsets.UTF_16LE, lines(CRLF,
                                "#TYPE Selected.System.Management.Automation.PSCustomObject",
                                "\"EngagementIdentifier\",\"ResourceIdentifier\",\"Owner\"",
                                "\"" + eng(1) + "\",\"" + opp(1) + "\",\"J\u00fcrgen\"",
                                "\"" + eng(2) + "\",\"" + opp(2) + "\",\"Ana\"",
                                "\"" + eng(3) + "\",\"" + opp(3) + "\",\"\""))),
                new Sample("excel-german-semicolon.csv", "Excel for Windows in German, 'CSV (Trennzeichen-getrennt)'",
                        bytes(WINDOWS_1252, lines(CRLF, "Kunde;engagement_id;opportunity_id;Betrag;Notiz",
                                "Stra\u00dfenbau AG;" + eng(1) + ";" + opp(1) + ";1.234,56;gr\u00fc\u00dfe",
                                "\"M\u00fcller; Sohn\";" + eng(2) + ";" + opp(2) + ";99,90;",
                                "B\u00e4ckerei;" + eng(3) + ";" + opp(3) + ";0,50;\u00e0 bient\u00f4t"))),
                new Sample("excel-french-sep-line.csv", "Excel in French with a first line sep=; (Excel writes and reads it)",
                        bytes(WINDOWS_1252, lines(CRLF, "sep=;", "Client;EngagementIdentifier;ResourceIdentifier;Montant",
                                "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale;" + eng(1) + ";" + opp(1) + ";1\u00a0234,56",
                                "Cr\u00e9dit Agricole;" + eng(2) + ";" + opp(2) + ";12,00",
                                "\u00c9lectricit\u00e9;" + eng(3) + ";" + opp(3) + ";7,10"))),
                new Sample("google-sheets.csv", "Google Sheets, File > Download > CSV (UTF-8, no BOM, no final line end)",
                        bytes(StandardCharsets.UTF_8, unterminated(lines(CRLF, "engagement_id,opportunity_id,catalog,template,,",
                                eng(1) + "," + opp(1) + ",Sandbox,OpportunitySummaryView,,",
                                eng(2) + "," + opp(2) + ",Sandbox,,\"\ud83d\ude80 Launch, phase 2\",",
                                eng(3) + "," + opp(3) + ",AWS,,,", ",,,,,", ",,,,,")))),
                new Sample("crm-export.csv", "A CRM export (Salesforce-style report: every field quoted, multi-line notes)",
                        bytes(StandardCharsets.UTF_8, lines(CRLF,
                                "\"Id\",\"Account Name\",\"Engagement ID\",\"Opportunity ID\",\"Catalog\",\"Description\"",
                                "\"0061\",\"Acme, Inc.\",\"" + eng(1) + "\",\"" + opp(1) + "\",\"AWS\",\"Renewal\"",
                                "\"0062\",\"Globex\",\"" + eng(2) + "\",\"" + opp(2) + "\",\"AWS\",\"Call notes:\n"
                                        + "- pricing, legal\n- see " + eng(9) + " for history\n- \"\"urgent\"\"\"",
                                "\"0063\",\"Initech\",\"" + eng(3) + "\",\"" + opp(3) + "\",\"AWS\",\"\""))),
                new Sample("mac-excel-cr-only.csv", "Excel for Mac, Save As 'CSV (Macintosh)' (Mac Roman, CR line ends)",
                        bytes(MAC_ROMAN, lines("\r", "engagement_id,opportunity_id,Customer",
                                eng(1) + "," + opp(1) + ",Fa\u00e7ade Syst\u00e8mes", "", eng(2) + "," + opp(2) + ",\u00c5ngstr\u00f6m",
                                eng(3) + "," + opp(3) + ",\"Two\rlines\""))),
                new Sample("pasted-invisible-characters.csv", "Values and headers pasted from a web page (NBSP, ZWSP, BOM, soft hyphen)",
                        bytes(StandardCharsets.UTF_8, lines("\n", "Engagement\u00a0ID,\u200bOpportunity ID,Tem\u00adplate",
                                eng(1) + "\u00a0," + opp(1) + "\u202f,View1",
                                "\u3000" + eng(2) + "," + opp(2) + ",View1",
                                "eng-corpus\u200b00000003," + opp(3) + ",View1",
                                eng(4) + ",\ufeffO66599395,View1"))),
                new Sample("unclosed-quote-ignored-column.csv", "A hand-edited file: an unclosed quote and an inch mark in a column the job ignores",
                        bytes(StandardCharsets.UTF_8, lines("\n", "engagement_id,opportunity_id,Customer",
                                eng(1) + "," + opp(1) + ",Contoso", eng(2) + "," + opp(2) + ",\"Northwind (see note",
                                eng(3) + "," + opp(3) + ",Fabrikam", eng(4) + "," + opp(4) + ",Tailspin",
                                eng(5) + "," + opp(5) + ",Pipes 12\"", eng(6) + "," + opp(6) + ",Litware",
                                eng(7) + "," + opp(7) + ",Adatum"))),
                new Sample("unclosed-quote-to-the-end.csv", "A hand-edited file: a quote opened and never closed",
                        bytes(StandardCharsets.UTF_8, lines("\n", "engagement_id,opportunity_id,Customer",
                                eng(1) + "," + opp(1) + ",Contoso", eng(2) + "," + opp(2) + ",Fabrikam",
                                eng(3) + "," + opp(3) + ",\"Northwind", "", "see the note"))),
                new Sample("quote-inside-quoted-value.csv", "A hand-written export: \"The \"Best\" Co\" (quotes not doubled)",
                        bytes(StandardCharsets.UTF_8, lines(CRLF, "engagement_id,opportunity_id,Customer",
                                eng(1) + "," + opp(1) + ",\"Contoso\"", eng(2) + "," + opp(2) + ",\"The \"Best\" Co\"",
                                eng(3) + "," + opp(3) + ",\"Fabrikam\""))),
                new Sample("trailing-total-line.csv", "Excel sheet with a total row under the data",
                        bytes(StandardCharsets.UTF_8, lines(CRLF, "engagement_id,opportunity_id,amount",
                                eng(1) + "," + opp(1) + ",1000", eng(2) + "," + opp(2) + ",2000",
                                eng(3) + "," + opp(3) + ",600", ",Total,3600"))),
                new Sample("concatenated-exports.csv", "Two Excel 'CSV UTF-8' exports joined with cat (second BOM and header mid-file, columns reordered)",
                        concat(withBom(StandardCharsets.UTF_8, lines(CRLF, "engagement_id,opportunity_id,Customer",
                                eng(1) + "," + opp(1) + ",Caf\u00e9", eng(2) + "," + opp(2) + ",Globex")),
                                withBom(StandardCharsets.UTF_8, lines(CRLF, "Customer,opportunity_id,engagement_id",
                                        "Initech," + opp(3) + "," + eng(3), "\"Umbrella\nCorp\"," + opp(4) + "," + eng(4))))),
                new Sample("own-report-fed-back.csv", "The job's own reconciliation.csv given back as input",
                        bytes(StandardCharsets.UTF_8, lines(CRLF, String.join(",",
                                "line", "catalog", "engagement_id", "resource_type", "resource_id", "template", "client_token",
                                "outcome", "snapshot_arn", "revision", "error_code", "error_message", "attempts", "updated_at"),
                                "2,Sandbox," + eng(1) + ",Opportunity," + opp(1) + ",OpportunitySummaryView,tok-1,CREATED,"
                                        + "arn:aws:partnercentral:us-east-1::catalog/Sandbox/snapshot/x,1,,,1,2026-11-20T02:00:00Z",
                                "3,Sandbox," + eng(2) + ",Opportunity," + opp(2) + ",OpportunitySummaryView,tok-2,FAILED,,,"
                                        + "ValidationException,\"Validation failed:\nResourceIdentifier: not found\",1,2026-11-20T02:00:01Z",
                                "4,Sandbox,'=HYPERLINK(\"\"x\"\"),Opportunity," + opp(3) + ",OpportunitySummaryView,,REJECTED,,,"
                                        + "INVALID_ENGAGEMENT_ID,\"engagement id must match eng-[0-9a-z]{14}, got '=HYPERLINK'\",0,"
                                        + "2026-11-20T02:00:00Z"))),
                new Sample("utf16-without-bom.csv", "A program writing UTF-16 LE without a byte order mark",
                        bytes(StandardCharsets.UTF_16LE, lines(CRLF, "engagement_id,opportunity_id", eng(1) + "," + opp(1)))),
                new Sample("utf8-bom-then-windows-1252.csv", "An Excel 'CSV UTF-8' export with a Windows-1252 export appended",
                        concat(withBom(StandardCharsets.UTF_8, lines(CRLF, "engagement_id,opportunity_id,Customer",
                                eng(1) + "," + opp(1) + ",Caf\u00e9")),
                                bytes(WINDOWS_1252, lines(CRLF, eng(2) + "," + opp(2) + ",Caf\u00e9 Noir")))));
    }

    public static void main(String[] args) throws IOException {
        Files.createDirectories(DIRECTORY);
        for (Sample sample : samples()) {
            Files.write(DIRECTORY.resolve(sample.name()), sample.bytes());
        }
    }

    static String lines(String end, String... lines) {
        return String.join(end, lines) + end;
    }

    private static String unterminated(String text) {
        return text.substring(0, text.length() - 2);
    }

    private static byte[] bytes(Charset charset, String text) {
        return text.getBytes(charset);
    }

    private static byte[] withBom(Charset charset, String text) {
        return bytes(charset, "\ufeff" + text);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

}
