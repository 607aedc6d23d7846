package io.snapshotbatch.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.snapshotbatch.input.CsvOptions;
import io.snapshotbatch.input.CsvPairSource;
import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.RowDefaults;
import io.snapshotbatch.input.SqlPairSource;
import io.snapshotbatch.nightly.ServicePairSource;
import io.snapshotbatch.run.DatabaseTarget;
import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.run.RunEnd;
import io.snapshotbatch.run.RunLauncher;
import io.snapshotbatch.snapshot.PartnerCentralClientConfiguration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code run}: stage the input for one run, create the snapshots, write the report. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = { "Stage the input for one run, create the snapshots, write the report.",
                "Launched again with the same run date, it continues that run where it stopped." })
public class RunCommand implements Callable<Integer> {

    static class Source {

        @Option(names = "--input", paramLabel = "FILE", required = true, description = "CSV input")
        Path input;

        @Option(names = "--source-sql", paramLabel = "SQL", required = true,
                description = "Read pairs from the database instead: a SELECT returning the same columns as the CSV")
        String sourceSql;

        @Option(names = "--from-service", required = true,
                description = "The pairs are this account's engagement/opportunity associations at the service "
                        + "(ListEngagementResourceAssociations, --catalog, ResourceType Opportunity), in the service's order")
        boolean fromService;

    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Mixin
    RunDateOption runDate;

    @Mixin
    RunDateWindowOption runDateWindow;

    @Option(names = "--catalog", paramLabel = "AWS|Sandbox", defaultValue = "Sandbox",
            description = "Default Catalog for rows without one (default: ${DEFAULT-VALUE})")
    String catalog;

    @Option(names = "--template", paramLabel = "NAME", defaultValue = "OpportunitySummaryView",
            description = "Default ResourceSnapshotTemplateIdentifier (default: ${DEFAULT-VALUE})")
    String template;

    @Mixin
    SendOptions send;

    @Option(names = "--skip-unchanged",
            description = "Before creating, read the opportunity's LastModifiedDate and the CreatedAt of the latest "
                    + "snapshot; a row whose opportunity has not changed since is UNCHANGED and costs no write call")
    boolean skipUnchanged;

    @Option(names = "--created-by", paramLabel = "ACCOUNT",
            description = "With --from-service: only associations whose CreatedBy is this 12-digit account "
                    + "(default: the caller's account, STS GetCallerIdentity)")
    String createdBy;

    @Mixin
    ReadRateOption readRate;

    @Option(names = "--force-new-run", description = "Start a new run with new tokens even if this run date completed")
    boolean forceNewRun;

    @Option(names = "--source-db", paramLabel = "JDBC_URL", description = "Where --source-sql runs (default: the --db database)")
    String sourceDb;

    @Option(names = "--source-db-user", paramLabel = "USER", description = "Default: $SNAPSHOT_SOURCE_DB_USER")
    String sourceDbUser;

    @Option(names = "--source-db-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Default: $SNAPSHOT_SOURCE_DB_PASSWORD")
    String sourceDbPassword;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of --input, e.g. UTF-8, windows-1252, UTF-16LE (default: the byte order mark; "
                    + "without one UTF-8 if valid, otherwise windows-1252)")
    String encoding;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "Field separator of --input: one character or 'tab' (default: Excel's sep= line, "
                    + "otherwise comma, semicolon or tab as the header line shows)")
    String delimiter;

    @Mixin
    ReportDirOption reportDir;

    @Mixin
    MetricsPushOption metrics;

    @Mixin
    QuietOption quiet;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        this.runDateWindow.check(this.runDate.runDate());
        Preflight.reportDirWritable(this.reportDir.path(), this.runDate.runDate());
        RowDefaults defaults = new RowDefaults(this.catalog, this.template);
        Map<String, Object> settings = this.send.springProperties();
        settings.putAll(this.readRate.springProperties());
        settings.put("snapshot.skip-unchanged", this.skipUnchanged);
        if (this.createdBy != null && !this.source.fromService) {
            throw new UsageException("--created-by applies to --from-service only");
        }
        if (this.createdBy != null && !this.createdBy.matches("[0-9]{12}")) {
            throw new UsageException("--created-by must be a 12-digit AWS account id, got " + this.createdBy);
        }
        settings.putAll(this.reportDir.springProperties());
        settings.putAll(this.metrics.springProperties());
        settings.putAll(this.quiet.springProperties());
        PairSource pairs = null;
        if (this.source.input != null) {
            // Only the head is read here; the body is read once, streamed, while staging.
            CsvPairSource csv = new CsvPairSource(this.source.input, CsvOptions.parse(this.encoding, this.delimiter));
            csv.checkReadable();
            pairs = csv;
        }
        else if (this.encoding != null || this.delimiter != null) {
            throw new UsageException("--encoding and --delimiter apply to --input only");
        }
        else if (!this.source.fromService) {
            // Not a SELECT: refused here, before the run date is locked; the query itself is checked once the
            // database is open (RunLauncher), before a run is created.
            pairs = sqlPairSource();
        }
        Optional<GuardedLaunch> launch = GuardedLaunch.open(this.database.target(), this.runDate.runDate(), settings);
        if (launch.isEmpty()) {
            return ExitCodes.ALREADY_RUNNING;
        }
        try (GuardedLaunch held = launch.get()) {
            if (pairs == null) {
                pairs = servicePairSource(held);
            }
            RunEnd end = held.bean(RunLauncher.class).run(this.runDate.runDate(), this.forceNewRun, pairs, defaults);
            return held.finish(end, this.reportDir.path());
        }
    }

    /** {@code --from-service}: the account's associations, listed through the launch's read client. */
    private PairSource servicePairSource(GuardedLaunch launch) {
        return new ServicePairSource(launch.bean(PartnerCentralClientConfiguration.ReadClient.class).client(),
                this.catalog, this.createdBy, launch.bean(PartnerCentralClientConfiguration.CallerAccount.class)::account);
    }

    /**
     * The query reads on a connection of its own (see {@link SqlPairSource}), also when the source is the
     * ledger's database: never one of the ledger's pool, whose connection holds the staging transaction.
     */
    private PairSource sqlPairSource() {
        if (this.sourceDb == null) {
            DatabaseTarget ledger = this.database.target();
            return new SqlPairSource(new DriverManagerDataSource(ledger.connectionUrl(), ledger.user(), ledger.password()),
                    this.source.sourceSql, "the ledger database");
        }
        DatabaseTarget source = Secrets.register(new DatabaseTarget(existingOnly(this.sourceDb),
                DatabaseOptions.firstNonBlank(this.sourceDbUser, System.getenv("SNAPSHOT_SOURCE_DB_USER")),
                DatabaseOptions.firstNonBlank(this.sourceDbPassword, System.getenv("SNAPSHOT_SOURCE_DB_PASSWORD"))));
        return new SqlPairSource(new DriverManagerDataSource(source.url(), source.user(), source.password()),
                this.source.sourceSql, "the source database " + source.redactedUrl());
    }

    /**
     * An embedded H2 source must exist: H2 would otherwise create an empty database file where a mistyped
     * path points, and the query would fail on a missing table there instead of on the path.
     */
    static String existingOnly(String url) {
        boolean embeddedH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") && !url.startsWith("jdbc:h2:tcp:")
                && !url.startsWith("jdbc:h2:ssl:");
        return (embeddedH2 && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS=")) ? url + ";IFEXISTS=TRUE" : url;
    }

}
