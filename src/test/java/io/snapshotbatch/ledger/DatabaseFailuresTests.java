package io.snapshotbatch.ledger;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.FatalStepExecutionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTests {

    @Test
    void aServerShutdownOrBrokenConnectionIsAConnectionLoss() {
        assertThat(DatabaseFailures.isConnectionLoss(new SQLException("terminating connection due to administrator command", "57P01")))
            .isTrue();
        assertThat(DatabaseFailures.isConnectionLoss(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        SQLTransientConnectionException refused = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 10000ms", "08001",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new java.net.ConnectException("Connection refused")));
        assertThat(DatabaseFailures.isConnectionLoss(new CannotCreateTransactionException("no connection", refused))).isTrue();
    }

    @Test
    void anExhaustedPoolIsNotALostDatabase() {
        // Hikari's time-out with every connection busy: nothing is wrong with the database, so nothing says 08.
        SQLTransientConnectionException exhausted = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 10001ms (total=16, active=16)");
        assertThat(DatabaseFailures.isConnectionLoss(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", exhausted))).isFalse();
    }

    @Test
    void aFailedRollbackIsJudgedByTheApplicationExceptionItReplaced() {
        // given: what Spring Batch reports when the chunk's write and then its rollback failed on a restarted server
        TransactionSystemException lost = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        lost.initApplicationException(new FatalStepExecutionException("Unable to process chunk",
                new DataAccessResourceFailureException("PreparedStatementCallback", new SQLException("I/O error", "08006"))));
        TransactionSystemException genuine = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        genuine.initApplicationException(new DataIntegrityViolationException("duplicate key", new SQLException("dup", "23505")));
        // then
        assertThat(DatabaseFailures.isConnectionLoss(lost)).isTrue();
        assertThat(DatabaseFailures.isConnectionLoss(genuine)).isFalse();
    }

    @Test
    void genuineErrorsAreNot() {
        assertThat(DatabaseFailures.isConnectionLoss(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseFailures.isConnectionLoss(new SQLException("no state"))).isFalse();
        assertThat(DatabaseFailures.isConnectionLoss(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseFailures.isConnectionLoss(null)).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseFailures.isConnectionLoss(first)).isFalse();
    }

}
