package io.snapshotbatch.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger's database as given on the command line: what is accepted, where an H2 file is, and no secret shown. */
class DatabaseTargetTests {

    @TempDir
    Path work;

    @Test
    void passwordsInsideAUrlAreNeverShown() {
        // given
        DatabaseTarget query = new DatabaseTarget("jdbc:postgresql://db:5432/snap?user=ops&password=Hunter22&ssl=true", null, null);
        DatabaseTarget h2 = new DatabaseTarget("jdbc:h2:tcp://host/ledger;USER=sa;PASSWORD=Hunter33;AUTO_SERVER=TRUE", null, null);
        DatabaseTarget userInfo = new DatabaseTarget("jdbc:postgresql://ops:Hunter44@db/snap", "ops", "Hunter55");
        // then
        assertThat(query.toString()).isEqualTo("jdbc:postgresql://db:5432/snap?user=ops&password=***&ssl=true");
        assertThat(h2.toString()).isEqualTo("jdbc:h2:tcp://host/ledger;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE");
        assertThat(userInfo.toString()).isEqualTo("jdbc:postgresql://ops:***@db/snap as ops");
        assertThat(userInfo.redact("login failed for Hunter55 at jdbc:postgresql://ops:Hunter44@db/snap"))
            .isEqualTo("login failed for *** at jdbc:postgresql://ops:***@db/snap");
        assertThat(query.redact("bad url jdbc:postgresql://db:5432/snap?user=ops&password=Hunter22&ssl=true"))
            .doesNotContain("Hunter22");
    }

    @Test
    void onlyPostgresAndH2UrlsAreAccepted() {
        assertThat(new DatabaseTarget("jdbc:postgresql://db/snap", null, null).checkSupported()).isNotNull();
        assertThat(new DatabaseTarget(DatabaseTarget.DEFAULT_URL, null, null).checkSupported()).isNotNull();
        assertThatThrownBy(() -> new DatabaseTarget("bogus", null, null).checkSupported())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--db must be").hasMessageEndingWith("got bogus");
        assertThatThrownBy(() -> new DatabaseTarget("jdbc:mysql://db/x?password=Hunter66", null, null).checkSupported())
            .hasMessageContaining("password=***").hasMessageNotContaining("Hunter66");
        assertThatThrownBy(() -> new DatabaseTarget("jdbc:h2:mem:x", null, null).checkSupported())
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is an in-memory database");
    }

    @Test
    void anEmbeddedH2FileExistsOnlyOnceItsDataFileDoes() throws Exception {
        // given
        DatabaseTarget h2 = new DatabaseTarget("jdbc:h2:file:" + this.work.resolve("ledger") + ";AUTO_SERVER=TRUE", null, null);
        // then
        assertThat(h2.h2File()).isEqualTo(this.work.resolve("ledger"));
        assertThat(h2.h2DataFile()).isEqualTo(this.work.resolve("ledger.mv.db").toAbsolutePath());
        assertThat(h2.exists()).isFalse();
        Files.createFile(this.work.resolve("ledger.mv.db"));
        assertThat(h2.exists()).isTrue();
        assertThat(new DatabaseTarget("jdbc:h2:~/ledger", null, null).h2File())
            .isEqualTo(Path.of(System.getProperty("user.home"), "ledger"));
        assertThat(new DatabaseTarget("jdbc:postgresql://db/snap", null, null).exists()).isTrue();
        assertThat(new DatabaseTarget("jdbc:h2:tcp://db/snap", null, null).h2File()).isNull();
    }

}
