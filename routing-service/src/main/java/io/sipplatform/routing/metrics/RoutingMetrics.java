package io.sipplatform.routing.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sipplatform.routing.domain.Decision;
import io.sipplatform.routing.domain.RejectCause;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's meters. Tag values are bounded: outcomes and causes are closed sets, trunk, carrier and gateway ids
 * come from provisioning (never from request content).
 */
@ApplicationScoped
public class RoutingMetrics {
    @Inject
    MeterRegistry registry;

    // A plain number, not a function of a bean: a gauge must stay readable after the container stopped.
    private final AtomicLong revision = new AtomicLong();
    private Timer decideTimer;

    @PostConstruct
    void register() {
        decideTimer = Timer.builder("routing.decide.duration").description("Time to produce one decision")
                .register(registry);
        registry.gauge("routing.snapshot.revision", revision);
    }

    public Timer decideTimer() {
        return decideTimer;
    }

    /** A provisioning snapshot of this store revision was installed. */
    public void snapshotInstalled(long storeRevision) {
        revision.set(storeRevision);
    }

    /** One decision: counted by outcome (and reject cause); limit rejections also by trunk. */
    public void decided(Decision decision) {
        String cause = decision instanceof Decision.Reject
                ? ((Decision.Reject) decision).cause().name().toLowerCase(java.util.Locale.ROOT) : "none";
        Counter.builder("routing.decisions").description("Decisions by outcome").tag("outcome", decision.outcome())
                .tag("cause", cause).register(registry).increment();
        if (decision instanceof Decision.Reject && ((Decision.Reject) decision).cause().isLimit()) {
            RejectCause limit = ((Decision.Reject) decision).cause();
            Counter.builder("routing.limit.rejections").description("Calls refused by a trunk limit")
                    .tag("trunk", decision.context() == null ? "" : decision.context().trunkId())
                    .tag("limit", limit == RejectCause.CPS_LIMIT ? "cps" : "concurrency").register(registry)
                    .increment();
        }
    }

    /** Decide produced no decision (answered with a gRPC error). */
    public void decideFailed() {
        Counter.builder("routing.decide.failures").description("Decide calls answered without a decision")
                .register(registry).increment();
    }

    /** A gateway went up or down. */
    public void gatewayStateChanged(String gatewayId, boolean up) {
        Counter.builder("routing.gateway.state.changes").description("Gateway health transitions")
                .tag("gateway", gatewayId).tag("state", up ? "up" : "down").register(registry).increment();
    }

    /** A call attempt to a carrier gateway ended; {@code answered} for a 2xx. */
    public void carrierAttempt(String carrierId, boolean answered) {
        Counter.builder("routing.carrier.attempts").description("Call attempts to carrier gateways")
                .tag("carrier", carrierId).register(registry).increment();
        if (answered) {
            Counter.builder("routing.carrier.answers").description("Answered (2xx) call attempts")
                    .tag("carrier", carrierId).register(registry).increment();
        }
    }
}
