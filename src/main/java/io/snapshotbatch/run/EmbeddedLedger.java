package io.snapshotbatch.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may use an embedded H2 ledger file ({@code AUTO_SERVER=TRUE}) at the same time. H2 serves the
 * file from inside the first process that opens it; when that process ends, every open transaction of
 * the others breaks ("session closed"). So, on one H2 file:
 * <ul>
 * <li>one <em>hosting</em> command (run, rerun-failed, verify: long, and writing) at a time, whatever
 * its run date: another is refused at once ({@link LedgerInUseException}, exit 5);</li>
 * <li>the hosting command opens the database first and keeps it open for its whole life (a keeper
 * connection), after waiting for short <em>visits</em> ({@code status}, {@code report}) that have it
 * open to end, so that no other process can be the one that serves it;</li>
 * <li>visits connect to the host while a run goes on: they end long before it.</li>
 * </ul>
 * Two OS file locks next to the database implement this; the OS releases them when a process dies.
 * For any other database (PostgreSQL, an H2 server) nothing is locked.
 */
public final class EmbeddedLedger implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(EmbeddedLedger.class);

    /** How long a visit waits while a hosting command opens the database (it holds the lock only that long). */
    private static final Duration VISIT_WAIT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    private final FileChannel hostChannel;

    private final FileChannel openChannel;

    private final Connection keeper;

    private EmbeddedLedger(FileChannel hostChannel, FileChannel openChannel, Connection keeper) {
        this.hostChannel = hostChannel;
        this.openChannel = openChannel;
        this.keeper = keeper;
    }

    /**
     * Becomes the one process that serves the database, for {@code purpose} (e.g. "run 2026-11-26").
     * @param waitForVisits how long to wait for {@code status}/{@code report} commands that have it open
     * @param stopped whether the launch was told to stop meanwhile (a signal): then it waits no longer
     * @throws LedgerInUseException when another hosting command holds it, or visits do not end in time
     * @throws LaunchInterruptedException when told to stop while waiting
     * @throws IllegalStateException when the lock files or the database cannot be opened
     */
    public static EmbeddedLedger host(DatabaseTarget database, String purpose, Duration waitForVisits,
            BooleanSupplier stopped) {
        Path file = database.h2File();
        if (file == null) {
            return new EmbeddedLedger(null, null, null);
        }
        FileChannel hostChannel = null;
        FileChannel openChannel = null;
        try {
            hostChannel = open(lockFile(file, "host"));
            FileLock host = tryLock(hostChannel, false);
            if (host == null) {
                throw new LedgerInUseException("the embedded database " + database.h2DataFile() + " is in use by "
                        + holder(lockFile(file, "host")) + "; it serves one run at a time: launch this one when that "
                        + "one has ended, or use PostgreSQL (--db jdbc:postgresql://...) to run several at once");
            }
            hostChannel.truncate(0);
            hostChannel.write(ByteBuffer.wrap((purpose + " (pid " + ProcessHandle.current().pid() + ")\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
            openChannel = open(lockFile(file, "open"));
            FileLock exclusive = await(openChannel, false, waitForVisits, database, stopped);
            if (exclusive == null && stopped.getAsBoolean()) {
                throw new LaunchInterruptedException("stopped by a signal while waiting for the embedded database; "
                        + "nothing was sent");
            }
            if (exclusive == null) {
                throw new LedgerInUseException("the embedded database " + database.h2DataFile() + " stayed open in "
                        + "another process (status or report) for " + waitForVisits.toSeconds() + " s; launch again "
                        + "when it has ended");
            }
            // Opened first, by this process, it is served from here until this connection closes.
            Connection keeper = connect(database);
            exclusive.release();
            if (await(openChannel, true, VISIT_WAIT, database, () -> false) == null) {
                keeper.close();
                throw new IllegalStateException("Cannot share the lock " + lockFile(file, "open"));
            }
            return new EmbeddedLedger(hostChannel, openChannel, keeper);
        }
        catch (IOException | SQLException | RuntimeException ex) {
            closeQuietly(openChannel);
            closeQuietly(hostChannel);
            if (ex instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot use the database " + database + ": " + database.redact(ex.getMessage()), ex);
        }
    }

    /**
     * A short read of the database ({@code status}, {@code report}): waits while a hosting command is opening
     * it, then marks it open for as long as this lasts, so that no hosting command starts behind its back.
     */
    public static EmbeddedLedger visit(DatabaseTarget database) {
        Path file = database.h2File();
        if (file == null) {
            return new EmbeddedLedger(null, null, null);
        }
        try {
            FileChannel openChannel = open(lockFile(file, "open"));
            if (await(openChannel, true, VISIT_WAIT, database, () -> false) == null) {
                // A host that takes this long to open is stuck; reading through it is harmless to it.
                logger.warn("Reading {} without waiting any longer for the process that is opening it", database.h2DataFile());
            }
            return new EmbeddedLedger(null, openChannel, null);
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot use the database " + database + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public void close() {
        if (this.keeper != null) {
            try {
                this.keeper.close();
            }
            catch (SQLException ex) {
                // Closing a connection the database already lost.
            }
        }
        // Closing a channel releases its locks.
        closeQuietly(this.openChannel);
        closeQuietly(this.hostChannel);
    }

    static Path lockFile(Path h2File, String kind) {
        return Path.of(h2File + "." + kind + ".lock");
    }

    private static FileChannel open(Path lockFile) throws IOException {
        Path parent = lockFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        }
        catch (OverlappingFileLockException ex) {
            // Held by this very JVM (commands run in-process, in tests).
            return null;
        }
    }

    private static FileLock await(FileChannel channel, boolean shared, Duration wait, DatabaseTarget database,
            BooleanSupplier stopped) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean said = false;
        while (true) {
            FileLock lock = tryLock(channel, shared);
            if (lock != null || System.nanoTime() > deadline || stopped.getAsBoolean()) {
                return lock;
            }
            if (!said && !shared) {
                logger.info("Waiting up to {} s for another process (status or report) to close {}", wait.toSeconds(),
                        database.h2DataFile());
                said = true;
            }
            try {
                Thread.sleep(POLL.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private static Connection connect(DatabaseTarget database) throws SQLException {
        // The same account as the application's pool (none given: H2's default), or H2 would refuse one of them.
        return DriverManager.getConnection(database.connectionUrl(), database.user(), database.password());
    }

    private static String holder(Path lockFile) {
        try {
            String content = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            return content.isEmpty() ? "another process" : content;
        }
        catch (IOException ex) {
            return "another process";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ex) {
                // The OS releases the lock with the process anyway.
            }
        }
    }

}
