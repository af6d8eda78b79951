package io.sipplatform.registrar.domain;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * The registrar: REGISTER processing in the order of RFC 3261 §10.3, lookups, removals outside a REGISTER, the
 * operator listing and counts. Thread-safe; concurrent REGISTERs for one AOR are serialised by the store's
 * compare-and-set, and the losing one is recomputed against the winner's bindings.
 */
public final class Registrar {
    /** Option tags this registrar implements: Path (RFC 3327) and outbound (RFC 5626). */
    public static final Set<String> SUPPORTED = Set.of("path", "outbound");
    /**
     * Compare-and-set rounds before giving up with 500. Each lost round means another REGISTER for the AOR
     * committed; a writer far from the key's primary owner loses more often (its read-replace cycle is longer), so
     * the bound is generous. With the backoff below the worst case stays under half a second.
     */
    static final int MAX_WRITE_ATTEMPTS = 64;
    /**
     * Random pause after a lost round: up to one store round trip per round lost, at most {@link #MAX_BACKOFF_STEPS}
     * of them, so racing writers on different replicas spread out instead of colliding again.
     */
    private static final long BACKOFF_STEP_NANOS = 1_000_000;
    private static final int MAX_BACKOFF_STEPS = 8;

    private static final Comparator<Binding> LISTING_ORDER = Comparator.comparing(Binding::contactUri);

    private final LocationStore store;
    private final RegistrarPolicy policy;
    private final Optional<DigestAuthenticator> authenticator;
    private final InstantSource clock;

    /** @param authenticator empty turns authentication off (trusted networks, tests of §10.3 alone) */
    public Registrar(LocationStore store, RegistrarPolicy policy, Optional<DigestAuthenticator> authenticator,
            InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies one REGISTER and answers its outcome; never throws for anything the request contains. */
    public RegisterOutcome register(Registration request) {
        String domain = request.requestDomain();
        // RFC 3261 §10.3 step 1: only domains this registrar is responsible for.
        if (!policy.domains().isEmpty() && !policy.domains().contains(domain)) {
            return RegisterOutcome.Rejected.of(Rejection.DOMAIN_NOT_SERVED);
        }
        // Step 2: every Require option tag must be one we implement (RFC 3261 §8.2.2.3).
        Set<String> unsupported = new TreeSet<>(request.require());
        unsupported.removeAll(SUPPORTED);
        if (!unsupported.isEmpty()) {
            return new RegisterOutcome.Rejected(Rejection.BAD_EXTENSION, Optional.empty(), unsupported,
                    Optional.empty());
        }
        // Steps 3 and 4: authenticate, then authorise the account for this AOR.
        if (authenticator.isPresent()) {
            String realm = policy.realm().orElse(domain.isEmpty() ? request.aor().host() : domain);
            DigestAuthenticator.Decision decision = authenticator.get().authenticate(request, realm);
            if (decision instanceof DigestAuthenticator.Answered) {
                return ((DigestAuthenticator.Answered) decision).outcome();
            }
        }
        // Step 5: the AOR must belong to the Request-URI's domain.
        String aorDomain = request.aor().host();
        if (!domain.isEmpty() && !aorDomain.isEmpty() && !domain.equals(aorDomain)) {
            return RegisterOutcome.Rejected.of(Rejection.AOR_NOT_IN_DOMAIN);
        }
        return save(request);
    }

    /** Steps 6 to 8, retried when a concurrent REGISTER for the same AOR committed first. */
    private RegisterOutcome save(Registration request) {
        try {
            for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
                List<Binding> stored = store.bindings(request.aor());
                Save.Result result = Save.apply(stored, request, clock.instant(), policy);
                if (result instanceof Save.Refused) {
                    Save.Refused refused = (Save.Refused) result;
                    return new RegisterOutcome.Rejected(refused.rejection(), refused.minExpires(), Set.of(),
                            Optional.empty());
                }
                Save.Changed changed = (Save.Changed) result;
                if (!changed.write() || store.replace(request.aor(), stored, changed.bindings())) {
                    // RFC 3327 §5.3: Path is echoed only to a UA that said it supports it.
                    List<String> path = request.supports("path") ? request.path() : List.of();
                    return new RegisterOutcome.Registered(changed.bindings(), path, changed.outbound());
                }
                backOff(attempt);
            }
        } catch (LocationStoreException e) {
            // Step 7: a failed commit fails the request with 500 and leaves the bindings as they were.
            return RegisterOutcome.Rejected.of(Rejection.STORE_FAILED);
        }
        return RegisterOutcome.Rejected.of(Rejection.STORE_FAILED);
    }

    /** Live bindings of {@code aor} in lookup order: q-value highest first, then most recent. */
    public List<Binding> lookup(Aor aor) {
        Instant now = clock.instant();
        List<Binding> live = new ArrayList<>();
        for (Binding binding : store.bindings(aor)) {
            if (binding.liveAt(now)) {
                live.add(binding);
            }
        }
        return Lookup.ordered(live);
    }

    /** Removes every binding of {@code aor}; returns how many live ones went. */
    public int unregister(Aor aor) {
        return removeWhere(aor, binding -> true);
    }

    /** Removes the binding of {@code aor} whose contact URI is exactly {@code contactUri}. */
    public int unregister(Aor aor, String contactUri) {
        return removeWhere(aor, binding -> binding.contactUri().equals(contactUri));
    }

    /** Removes every binding reached over {@code flow}: its edge saw the connection close (RFC 5626 §4.4.1). */
    public int unregister(Flow flow) {
        int removed = 0;
        for (Aor aor : store.aorsReachedOver(flow)) {
            removed += removeWhere(aor, binding -> binding.flow().filter(flow::equals).isPresent());
        }
        return removed;
    }

    private int removeWhere(Aor aor, Predicate<Binding> doomed) {
        for (int attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<Binding> stored = store.bindings(aor);
            List<Binding> kept = new ArrayList<>();
            int removed = 0;
            for (Binding binding : stored) {
                if (!binding.liveAt(now)) {
                    continue;
                }
                if (doomed.test(binding)) {
                    removed++;
                } else {
                    kept.add(binding);
                }
            }
            if (removed == 0) {
                return 0;
            }
            if (store.replace(aor, stored, kept)) {
                return removed;
            }
            backOff(attempt);
        }
        throw new LocationStoreException("bindings of " + aor + " kept changing", null);
    }

    private static void backOff(int lostRounds) {
        long steps = Math.min(lostRounds + 1, MAX_BACKOFF_STEPS);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(BACKOFF_STEP_NANOS * steps));
    }

    /**
     * One page of live bindings ordered by AOR, then contact URI.
     *
     * @param aorPrefix only AORs starting with this text
     * @param after     where the previous page ended, empty for the first page
     * @param pageSize  most bindings on the page, at least 1
     */
    public BindingPage list(String aorPrefix, Optional<PageCursor> after, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1: " + pageSize);
        }
        Instant now = clock.instant();
        List<Binding> page = new ArrayList<>(pageSize);
        if (after.isPresent()) {
            for (Binding binding : liveSorted(after.get().aor(), now)) {
                if (binding.contactUri().compareTo(after.get().contactUri()) > 0) {
                    page.add(binding);
                }
            }
            if (page.size() > pageSize) {
                return cut(page, pageSize);
            }
        }
        Aor from = after.map(PageCursor::aor).orElse(null);
        while (true) {
            List<Aor> aors = store.aors(aorPrefix, from, pageSize + 1);
            for (Aor aor : aors) {
                page.addAll(liveSorted(aor, now));
                if (page.size() > pageSize) {
                    return cut(page, pageSize);
                }
                from = aor;
            }
            if (aors.size() <= pageSize) {
                return new BindingPage(page, Optional.empty());
            }
        }
    }

    private List<Binding> liveSorted(Aor aor, Instant now) {
        List<Binding> live = new ArrayList<>();
        for (Binding binding : store.bindings(aor)) {
            if (binding.liveAt(now)) {
                live.add(binding);
            }
        }
        live.sort(LISTING_ORDER);
        return live;
    }

    private static BindingPage cut(List<Binding> page, int pageSize) {
        List<Binding> shown = page.subList(0, pageSize);
        Binding last = shown.get(pageSize - 1);
        return new BindingPage(shown, Optional.of(new PageCursor(last.aor(), last.contactUri())));
    }

    /** Counts of live AORs and bindings across the store. */
    public LocationCounts counts() {
        return store.counts(clock.instant());
    }
}
