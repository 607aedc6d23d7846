package io.snapshotbatch.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An OS file lock next to the embedded database (or in the temp directory for other databases). The
 * operating system releases it when the process dies, however it dies.
 */
final class FileLockGuard implements RunGuard {

    private final FileChannel channel;

    private final FileLock lock;

    private FileLockGuard(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static Optional<RunGuard> tryAcquire(DatabaseTarget database, LocalDate runDate) {
        Path lockFile = lockFile(database, runDate);
        try {
            Files.createDirectories(lockFile.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = null;
            // A few tries: `status` takes the lock for an instant to see whether a process holds it.
            for (int attempt = 0; lock == null && attempt < 3; attempt++) {
                if (attempt > 0) {
                    pause();
                }
                try {
                    lock = channel.tryLock();
                }
                catch (OverlappingFileLockException ex) {
                    lock = null;
                }
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap(
                    ("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(new FileLockGuard(channel, lock));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot create the run lock " + lockFile + ": " + ex.getMessage(), ex);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Tries the lock without keeping it; a lock file that does not exist was never taken. */
    static boolean isHeld(DatabaseTarget database, LocalDate runDate) {
        Path lockFile = lockFile(database, runDate);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
        catch (OverlappingFileLockException ex) {
            // This very JVM holds it (a command run in-process next to a run).
            return true;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot check the run lock " + lockFile + ": " + ex.getMessage(), ex);
        }
    }

    static Path lockFile(DatabaseTarget database, LocalDate runDate) {
        Path h2 = database.h2File();
        if (h2 != null) {
            return Path.of(h2 + "." + runDate + ".lock");
        }
        String id = Integer.toHexString(database.url().hashCode());
        return Path.of(System.getProperty("java.io.tmpdir"), "snapshot-batch-" + id + "." + runDate + ".lock");
    }

    @Override
    public void close() {
        try {
            this.lock.release();
            this.channel.close();
        }
        catch (IOException ex) {
            // The OS releases the lock with the process anyway.
        }
    }

}
