package io.snapshotbatch.emulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * Finer knobs that {@link EmulatorSettings} leaves at sensible values: which faults {@code faultRate} draws from,
 * how slow a slow reply is, which template names exist, and the account id reported as {@code CreatedBy}.
 *
 * @param faultKinds      the faults to draw from (uniformly); must not be empty
 * @param slowReplyMin    shortest delay of a {@link FaultKind#SLOW_REPLY}
 * @param slowReplyMax    longest delay of a {@link FaultKind#SLOW_REPLY}
 * @param knownTemplates  template names that CreateResourceSnapshot accepts; others are BUSINESS_VALIDATION_FAILED
 * @param accountId       12-digit account id of the caller, reported as {@code CreatedBy}
 * @param defaultPageSize page size of ListResourceSnapshots when MaxResults is absent
 */
public record EmulatorTuning(Set<FaultKind> faultKinds, Duration slowReplyMin, Duration slowReplyMax,
        Set<String> knownTemplates, String accountId, int defaultPageSize) {

    public static final Set<String> DEFAULT_TEMPLATES = Set.of("OpportunitySummaryView", "Opportunity");
    public static final String DEFAULT_ACCOUNT_ID = "111122223333";

    public EmulatorTuning {
        if (faultKinds == null || faultKinds.isEmpty()) {
            throw new IllegalArgumentException("at least one fault kind is needed");
        }
        faultKinds = Set.copyOf(faultKinds);
        if (slowReplyMin.isNegative() || slowReplyMax.compareTo(slowReplyMin) < 0) {
            throw new IllegalArgumentException("need 0 <= slowReplyMin <= slowReplyMax");
        }
        knownTemplates = Set.copyOf(knownTemplates);
        if (accountId == null || !accountId.matches("[0-9]{12}")) {
            throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
        }
        if (defaultPageSize < 1 || defaultPageSize > 1000) {
            throw new IllegalArgumentException("defaultPageSize must be 1..1000: " + defaultPageSize);
        }
    }

    /** All four fault kinds, slow replies of 2–5 s, the two known templates, page size 100. */
    public static EmulatorTuning defaults() {
        return new EmulatorTuning(EnumSet.allOf(FaultKind.class), Duration.ofSeconds(2), Duration.ofSeconds(5),
                DEFAULT_TEMPLATES, DEFAULT_ACCOUNT_ID, 100);
    }

    public EmulatorTuning withFaultKinds(Set<FaultKind> faultKinds) {
        return new EmulatorTuning(faultKinds, slowReplyMin, slowReplyMax, knownTemplates, accountId, defaultPageSize);
    }

    public EmulatorTuning withSlowReply(Duration min, Duration max) {
        return new EmulatorTuning(faultKinds, min, max, knownTemplates, accountId, defaultPageSize);
    }

    public EmulatorTuning withKnownTemplates(Set<String> knownTemplates) {
        return new EmulatorTuning(faultKinds, slowReplyMin, slowReplyMax, knownTemplates, accountId, defaultPageSize);
    }

    public EmulatorTuning withAccountId(String accountId) {
        return new EmulatorTuning(faultKinds, slowReplyMin, slowReplyMax, knownTemplates, accountId, defaultPageSize);
    }

    public EmulatorTuning withDefaultPageSize(int defaultPageSize) {
        return new EmulatorTuning(faultKinds, slowReplyMin, slowReplyMax, knownTemplates, accountId, defaultPageSize);
    }
}
