package io.snapshotbatch.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running emulator of the Partner Central Selling API on 127.0.0.1. Start it, point an SDK client at
 * {@link #endpoint()}, read {@link #stats()}, close it. Thread-safe.
 *
 * <p>Serves CreateResourceSnapshot, GetResourceSnapshot and ListResourceSnapshots, and for rehearsing a nightly
 * sync GetOpportunity, ListOpportunities, ListEngagementResourceAssociations and STS GetCallerIdentity. Choices where the service is
 * undocumented (reference doc §8):
 * <ul>
 * <li>ClientToken: same token + same five fields replays the first answer (outcome "Replay"); same token + other
 *     fields is ConflictException. Tokens are per catalog and kept for the emulator's lifetime.</li>
 * <li>Every create that is not a replay adds revision n+1 of its (catalog, engagement, type, resource, template).</li>
 * <li>Daily quota: only calls that create a revision spend it (rolling 24 h); once spent, every create is
 *     throttled, replays included. The rate limit is a token bucket per operation with a one-second burst.</li>
 * <li>Faults are drawn before any state change: a throttled, failed or dropped create creates nothing. A slow
 *     reply is processed after its delay and answered normally; a client that gives up first may find the
 *     snapshot created (its retry with the same token gets the replay).</li>
 * </ul>
 */
public final class PartnerCentralEmulator implements AutoCloseable {

    // Only delayed calls (latency, slow replies) are completed on workers; everything else runs inline.
    private static final int WORKER_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final LiveStats stats;
    private final EmulatorSettings settings;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final RateLimiter rateLimiter;
    private final AccessPolicy access;
    private final AtomicReference<RateSchedule> pendingSchedule;
    private final NightlyAdminHandler nightly;

    private PartnerCentralEmulator(HttpServer server, ExecutorService workers, ScheduledExecutorService timer,
            LiveStats stats, EmulatorSettings settings, RateLimiter rateLimiter, AccessPolicy access,
            AtomicReference<RateSchedule> pendingSchedule, NightlyAdminHandler nightly) {
        this.nightly = nightly;
        this.server = server;
        this.workers = workers;
        this.timer = timer;
        this.stats = stats;
        this.settings = settings;
        this.rateLimiter = rateLimiter;
        this.access = access;
        this.pendingSchedule = pendingSchedule;
    }

    /** Starts with {@link EmulatorTuning#defaults()}. */
    public static PartnerCentralEmulator start(EmulatorSettings settings) throws IOException {
        return start(settings, EmulatorTuning.defaults());
    }

    /** Binds 127.0.0.1 only (port 0 = a free port) and serves until {@link #close()}. */
    public static PartnerCentralEmulator start(EmulatorSettings settings, EmulatorTuning tuning) throws IOException {
        // Read once by the JDK server's config class: without it Nagle + delayed ACK cap a connection at ~22 calls/s.
        // Set it before the first HttpServer of the JVM; an explicit -D value is respected.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        ObjectMapper mapper = new ObjectMapper();
        DailyQuota quota = new DailyQuota(settings.dailyQuota());
        SnapshotStore store = new SnapshotStore(quota, tuning.accountId());
        LiveStats stats = new LiveStats(store);
        KnownResources known = new KnownResources(settings.knownEngagements(), settings.knownOpportunities());
        AccessPolicy access = new AccessPolicy();
        RateLimiter rateLimiter = new RateLimiter(settings.ratePerSecond());
        AtomicReference<RateSchedule> pendingSchedule = new AtomicReference<>();
        ReadFaults readFaults = new ReadFaults();
        // Before any snapshot this emulator makes: an opportunity nobody marked changed is unchanged since then.
        Opportunities opportunities = new Opportunities(known, Instant.now().minus(Duration.ofDays(1)));
        Associations associations = new Associations();
        List<Operation> operations = List.of(
                new CreateResourceSnapshot(store, known, tuning.knownTemplates(), access),
                new GetResourceSnapshot(store, known, readFaults),
                new ListResourceSnapshots(store, known, tuning.defaultPageSize()),
                new GetOpportunity(opportunities, readFaults),
                new ListOpportunities(opportunities, readFaults),
                new ListEngagementResourceAssociations(associations));

        ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads("pc-emulator-worker"));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemonThreads("pc-emulator-timer"));
        HttpServer server;
        try {
            InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
            server = HttpServer.create(new InetSocketAddress(loopback, settings.port()), BACKLOG);
        } catch (IOException e) {
            workers.shutdownNow();
            timer.shutdownNow();
            throw e;
        }
        Runnable onApiCall = () -> {
            RateSchedule schedule = pendingSchedule.getAndSet(null);
            if (schedule != null) {
                schedule.startOnce(rateLimiter, timer);
            }
        };
        ApiHandler api = new ApiHandler(operations, mapper, new WireWriter(mapper, settings.statusProfile()), stats,
                rateLimiter, quota, new FaultInjector(settings, tuning), settings.latencyMs(), timer, workers, onApiCall)
                .withSts(new StsCallerIdentity(tuning.accountId(), mapper));
        server.createContext("/", api);
        server.createContext(StatsHandler.PATH, new StatsHandler(stats, mapper));
        AdminHandler admin = new AdminHandler(rateLimiter, access, timer, mapper);
        server.createContext(AdminHandler.RATE_PATH, admin);
        server.createContext(AdminHandler.DENY_PATH, admin);
        NightlyAdminHandler nightly = new NightlyAdminHandler(opportunities, associations, readFaults,
                tuning.accountId(), mapper);
        server.createContext(NightlyAdminHandler.OPPORTUNITIES_PATH, nightly);
        server.createContext(NightlyAdminHandler.ASSOCIATIONS_PATH, nightly);
        server.createContext(NightlyAdminHandler.READ_FAULTS_PATH, nightly);
        // No executor: handlers run on the server's dispatcher thread. Handing each call to a pool cost more CPU
        // than the handler itself (context switches on 2 cores); handlers never block — delays go to the timer.
        server.setExecutor(null);
        server.start();
        return new PartnerCentralEmulator(server, workers, timer, stats, settings, rateLimiter, access, pendingSchedule,
                nightly);
    }

    /** Sets the per-operation rate from now on (0 = unlimited); {@code POST /_emulator/rate} does the same. */
    public void setRate(double ratePerSecond) {
        rateLimiter.setRate(ratePerSecond);
    }

    /** The per-operation rate now (it may have moved since start). */
    public double rate() {
        return rateLimiter.rate();
    }

    /**
     * Moves the rate on a schedule ({@code 12@0s,4@20s,12@40s}) whose clock starts at the next API call.
     * @throws IllegalArgumentException when the schedule cannot be read
     */
    public void scheduleRates(String schedule) {
        pendingSchedule.set(RateSchedule.parse(schedule));
    }

    /**
     * Answers AccessDeniedException to every CreateResourceSnapshot whose engagement or opportunity matches
     * the regular expression ({@code null} or empty: none).
     */
    public void deny(String regex) {
        access.deny(regex);
    }

    /**
     * Marks opportunities of the catalog changed now (their LastModifiedDate moves to now); {@code POST
     * /_emulator/opportunities} does the same. Returns how many.
     */
    public int markChanged(String catalog, java.util.Collection<String> opportunityIds) {
        var request = new ObjectMapper().createObjectNode().put("catalog", catalog);
        opportunityIds.forEach(request.putArray("identifiers")::add);
        return nightly.modify(request);
    }

    /**
     * Appends an association (ResourceType Opportunity) made by {@code createdBy}; {@code POST
     * /_emulator/associations} does the same in bulk.
     */
    public void associate(String catalog, String engagementId, String opportunityId, String createdBy) {
        var request = new ObjectMapper().createObjectNode();
        request.putArray("associations").addObject().put("Catalog", catalog).put("EngagementId", engagementId)
                .put("ResourceId", opportunityId).put("CreatedBy", createdBy);
        nightly.associate(request);
    }

    /**
     * Starts the emulator, prints its endpoint, and blocks until the JVM is asked to stop (Ctrl-C / SIGTERM),
     * closing the emulator on the way out. Meant for the CLI's {@code emulator} command.
     */
    public static void runUntilStopped(EmulatorSettings settings) throws IOException, InterruptedException {
        PartnerCentralEmulator emulator = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "pc-emulator-shutdown"));
        System.out.println("Partner Central emulator listening on " + emulator.endpoint()
                + " (stats: " + emulator.endpoint() + StatsHandler.PATH + ")");
        emulator.awaitTermination();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}, for {@code endpointOverride} or {@code --endpoint-url}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public EmulatorSettings settings() {
        return settings;
    }

    /** A live view; counters are cumulative since start. */
    public EmulatorStats stats() {
        return stats;
    }

    /** Blocks until {@link #close()} has completed (from any thread). */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /** Like {@link #awaitTermination()}, but gives up after the timeout; true if the emulator stopped. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops at once: calls in flight (including delayed ones) are cut off. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop(0);
            timer.shutdownNow();
            workers.shutdownNow();
        } finally {
            stopped.countDown();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
