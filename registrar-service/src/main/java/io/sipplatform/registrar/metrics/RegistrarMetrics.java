package io.sipplatform.registrar.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sipplatform.registrar.LocationCache;
import io.sipplatform.registrar.domain.RegisterOutcome;
import io.sipplatform.registrar.domain.SecurityEvents;
import io.sipplatform.registrar.store.LocationCacheNode;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;

/**
 * The registrar's meters. Active bindings are counted per node for the entries it is primary owner of, so summing
 * the gauge over all pods gives the cluster's total without any pod scanning the whole cluster on a scrape.
 */
@Singleton
public class RegistrarMetrics implements SecurityEvents {
    /** Scrapes within this interval reuse the last count: a count walks every local entry. */
    private static final Duration COUNT_INTERVAL = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final LocationCache cache;
    private final InstantSource clock;
    private volatile long countedBindings;
    private volatile long countedAtMillis = Long.MIN_VALUE;

    public RegistrarMetrics(MeterRegistry registry, LocationCache cache, InstantSource clock) {
        this.registry = registry;
        this.cache = cache;
        this.clock = clock;
        Gauge.builder("registrar.bindings.active", this, RegistrarMetrics::activeBindings)
                .description("Live bindings whose primary owner is this node; sum over pods for the cluster")
                .register(registry);
        Gauge.builder("registrar.cluster.members", this,
                        m -> m.cache.started().map(LocationCacheNode::members).orElse(0))
                .description("Members of the location cache cluster as this node sees them")
                .register(registry);
        Gauge.builder("registrar.cluster.rebalancing", this,
                        m -> m.cache.started().map(n -> n.rebalancing() ? 1 : 0).orElse(0))
                .description("1 while the location cache moves entries between nodes")
                .register(registry);
    }

    /** Counts one REGISTER by its outcome: code and reason, e.g. 200/registered, 423/interval_too_brief. */
    public void registration(RegisterOutcome outcome) {
        String reason;
        if (outcome instanceof RegisterOutcome.Rejected) {
            reason = ((RegisterOutcome.Rejected) outcome).rejection().name().toLowerCase(Locale.ROOT);
        } else if (outcome instanceof RegisterOutcome.Challenged) {
            reason = ((RegisterOutcome.Challenged) outcome).stale() ? "challenged_stale" : "challenged";
        } else {
            reason = "registered";
        }
        Counter.builder("registrar.registrations")
                .description("REGISTER requests by SIP outcome")
                .tag("code", Integer.toString(outcome.code()))
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    @Override
    public void authFailed(AuthFailure failure) {
        Counter.builder("registrar.auth.failures")
                .description("Failed digest authentications by reason")
                .tag("reason", failure.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    @Override
    public void banned(BanScope scope) {
        Counter.builder("registrar.auth.bans")
                .description("Brute-force bans placed, by scope")
                .tag("scope", scope.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    private double activeBindings() {
        long now = clock.millis();
        if (now - countedAtMillis >= COUNT_INTERVAL.toMillis()) {
            countedBindings = cache.started().map(n -> n.primaryOwnedBindings(clock.instant())).orElse(0L);
            countedAtMillis = now;
        }
        return countedBindings;
    }
}
