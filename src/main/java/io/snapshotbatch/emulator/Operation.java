package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One API operation: validates its input, then reads or changes the store. Throws {@link ServiceError}. */
interface Operation {

    /** The operation's name as it appears after {@code AWSPartnerCentralSelling.} in X-Amz-Target. */
    String name();

    Result execute(ObjectNode request);

    /** A success body; {@code replay} marks an idempotent replay so stats can count it apart. */
    record Result(ObjectNode body, boolean replay) {

        static Result of(ObjectNode body) {
            return new Result(body, false);
        }
    }
}
