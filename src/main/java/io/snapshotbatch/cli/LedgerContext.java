package io.snapshotbatch.cli;

import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;

import io.snapshotbatch.run.EmbeddedLedger;

/** A command's Spring context and the hold on the embedded ledger it was opened under, closed in that order. */
final class LedgerContext implements AutoCloseable {

    private final EmbeddedLedger ledger;

    private final ConfigurableApplicationContext context;

    private LedgerContext(EmbeddedLedger ledger, ConfigurableApplicationContext context) {
        this.ledger = ledger;
        this.context = context;
    }

    static LedgerContext open(EmbeddedLedger ledger, Supplier<ConfigurableApplicationContext> context) {
        try {
            return new LedgerContext(ledger, context.get());
        }
        catch (RuntimeException ex) {
            ledger.close();
            throw ex;
        }
    }

    <T> T bean(Class<T> type) {
        return this.context.getBean(type);
    }

    @Override
    public void close() {
        try {
            this.context.close();
        }
        finally {
            this.ledger.close();
        }
    }

}
