package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counters kept with {@link LongAdder}s (cheap under contention); revision counts are read from the store. */
final class LiveStats implements EmulatorStats {

    private final Map<String, Map<String, LongAdder>> calls = new ConcurrentHashMap<>();
    private final Map<FaultKind, LongAdder> faults = new EnumMap<>(FaultKind.class);
    private final SnapshotStore store;

    LiveStats(SnapshotStore store) {
        this.store = store;
        for (FaultKind kind : FaultKind.values()) {
            faults.put(kind, new LongAdder()); // filled once here, so later reads need no lock
        }
    }

    void record(String operation, String outcome) {
        calls.computeIfAbsent(operation, op -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> new LongAdder())
                .increment();
    }

    void recordFault(FaultKind kind) {
        faults.get(kind).increment();
    }

    @Override
    public long calls(String operation, String outcome) {
        Map<String, LongAdder> byOutcome = calls.get(operation);
        LongAdder count = byOutcome == null ? null : byOutcome.get(outcome);
        return count == null ? 0 : count.sum();
    }

    @Override
    public long totalCalls(String operation) {
        Map<String, LongAdder> byOutcome = calls.get(operation);
        return byOutcome == null ? 0 : byOutcome.values().stream().mapToLong(LongAdder::sum).sum();
    }

    @Override
    public Map<String, Map<String, Long>> callsByOperation() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        calls.forEach((operation, byOutcome) -> {
            Map<String, Long> outcomes = new TreeMap<>();
            byOutcome.forEach((outcome, count) -> outcomes.put(outcome, count.sum()));
            copy.put(operation, outcomes);
        });
        return copy;
    }

    @Override
    public long faultsInjected(FaultKind kind) {
        return faults.get(kind).sum();
    }

    @Override
    public int revisionsCreated(String catalog, String engagement, String resourceType, String resourceId,
            String template) {
        return store.revisions(new SnapshotKey(catalog, engagement, resourceType, resourceId, template));
    }

    @Override
    public Map<String, Integer> revisionsByKey() {
        return store.revisionsByKey();
    }

    /** The {@code /_emulator/stats} document: {@code {"calls": {...}, "faults": {...}, "revisions": {...}}}. */
    ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode callsNode = root.putObject("calls");
        callsByOperation().forEach((operation, outcomes) -> {
            ObjectNode node = callsNode.putObject(operation);
            outcomes.forEach(node::put);
        });
        ObjectNode faultsNode = root.putObject("faults");
        faults.forEach((kind, count) -> faultsNode.put(kind.label(), count.sum()));
        ObjectNode revisions = root.putObject("revisions");
        revisionsByKey().forEach(revisions::put);
        return root;
    }
}
