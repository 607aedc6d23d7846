package io.snapshotbatch.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.snapshotbatch.run.ExitCodes;
import io.snapshotbatch.support.InProcessCli;
import io.snapshotbatch.support.RunDates;
import io.snapshotbatch.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --source-db} pointing at an embedded H2 file that is not there: a usage error, and no file made there. */
class SourceDatabaseOptionTests {

    @TempDir
    Path work;

    @Test
    void aMistypedH2SourceFileIsNotCreatedAndExitsTwo() {
        // given
        Path missing = this.work.resolve("no-such-source");

        // when
        int exitCode = InProcessCli.run(TestDatabases.h2(this.work), "run", "--source-sql",
                "select eng as engagement_id, opp as opportunity_id from src", "--source-db", "jdbc:h2:file:" + missing,
                "--run-date", RunDates.daysAgo(3), "--endpoint", "emulator", "--report-dir",
                this.work.resolve("reports").toString());

        // then
        assertThat(exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(this.work.resolve("no-such-source.mv.db")).doesNotExist();
        assertThat(this.work.resolve("reports")).doesNotExist();
    }

    @Test
    void onlyEmbeddedH2UrlsAreMadeExistingOnly() {
        // when / then
        assertThat(RunCommand.existingOnly("jdbc:h2:file:/data/crm")).isEqualTo("jdbc:h2:file:/data/crm;IFEXISTS=TRUE");
        assertThat(RunCommand.existingOnly("jdbc:h2:file:/data/crm;ifexists=false")).isEqualTo("jdbc:h2:file:/data/crm;ifexists=false");
        assertThat(RunCommand.existingOnly("jdbc:h2:tcp://host/crm")).isEqualTo("jdbc:h2:tcp://host/crm");
        assertThat(RunCommand.existingOnly("jdbc:postgresql://host/crm")).isEqualTo("jdbc:postgresql://host/crm");
    }

}
