package io.snapshotbatch.snapshot;

import java.util.concurrent.atomic.AtomicReference;

import io.snapshotbatch.input.PairSource;
import io.snapshotbatch.input.RowDefaults;

/**
 * The input of the run being launched, handed from the command line to the staging step. It is not a
 * job parameter because a source may carry database credentials, which must never be stored.
 */
public final class StagingInput {

    public record Input(PairSource source, RowDefaults defaults) {
    }

    private final AtomicReference<Input> input = new AtomicReference<>();

    public void set(PairSource source, RowDefaults defaults) {
        this.input.set(new Input(source, defaults));
    }

    /** The input, or {@code null} when this launch has none (a re-run of an already staged run). */
    public Input get() {
        return this.input.get();
    }

}
