package io.snapshotbatch.emulator;

/** The faults that {@link EmulatorSettings#faultRate()} draws from. */
public enum FaultKind {
    /** A {@code ThrottlingException} although the rate is not exceeded. */
    THROTTLE("Throttle"),
    /** An {@code InternalServerException} (HTTP 500). */
    INTERNAL_ERROR("InternalError"),
    /** The TCP connection is closed without any HTTP response. */
    DROP_CONNECTION("DroppedConnection"),
    /** The call succeeds (or fails normally) only after a long delay. */
    SLOW_REPLY("SlowReply");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    /** The name used in stats ({@code faults} section of {@code /_emulator/stats}). */
    public String label() {
        return label;
    }
}
