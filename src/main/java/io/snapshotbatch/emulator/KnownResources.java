package io.snapshotbatch.emulator;

import java.util.Set;

/**
 * Optional seed of what exists. Empty sets accept everything, which suits load tests; non-empty sets let tests
 * reproduce "unknown engagement / opportunity not visible" as ResourceNotFoundException.
 */
record KnownResources(Set<String> engagements, Set<String> opportunities) {

    void requireEngagement(String engagement) {
        if (!engagements.isEmpty() && !engagements.contains(engagement)) {
            throw ServiceError.of(ErrorType.ResourceNotFoundException,
                    "Engagement " + engagement + " was not found or is not visible to the caller.");
        }
    }

    void requireOpportunity(String opportunity) {
        if (!opportunities.isEmpty() && !opportunities.contains(opportunity)) {
            throw ServiceError.of(ErrorType.ResourceNotFoundException,
                    "Opportunity " + opportunity + " was not found or is not visible to the caller.");
        }
    }
}
