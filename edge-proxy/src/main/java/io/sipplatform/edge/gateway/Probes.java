package io.sipplatform.edge.gateway;

import com.google.protobuf.Timestamp;
import io.sipplatform.edge.proxy.NextHops;
import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.routing.v1.GatewayFailure;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsResponse;
import io.sipplatform.proto.routing.v1.ObservationSource;
import io.sipplatform.proto.routing.v1.ProbeTarget;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.uri.Uri;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Active gateway health: asks routing which gateways this replica probes (routing spreads gateways over the
 * replicas that ask), sends each an OPTIONS every interval (RFC 3261 §11) and reports the answer, a timeout or a
 * transport/DNS failure. Asks again when routing says ({@code refresh_after}), or after the configured refresh
 * when routing gives no time or cannot be reached (the last assignment stays in force meanwhile). Every method
 * and callback runs on {@code home} (one Vert.x context in production).
 */
public final class Probes {

    /** Settings: the defaults used where routing's answer leaves a value unset. */
    public record Settings(Duration interval, Duration timeout, Duration refresh) {
        public Settings {
            if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()
                    || refresh.isNegative() || refresh.isZero()) {
                throw new IllegalArgumentException("probe interval, timeout and refresh must be positive");
            }
        }
    }

    private final Supplier<CompletionStage<GatewayProbeTargetsResponse>> assignment;
    private final NextHops nextHops;
    private final OptionsSender options;
    private final GatewayReports reports;
    private final Timers timers;
    private final Executor home;
    private final InstantSource clock;
    private final Settings settings;
    private final String edgeId;
    private final Map<String, Probe> probes = new HashMap<>();
    private Timers.Timer refreshTimer;
    private boolean stopped;
    private long sentCount;

    public Probes(Supplier<CompletionStage<GatewayProbeTargetsResponse>> assignment, NextHops nextHops,
                  OptionsSender options, GatewayReports reports, Timers timers, Executor home, InstantSource clock,
                  Settings settings, String edgeId) {
        this.assignment = assignment;
        this.nextHops = nextHops;
        this.options = options;
        this.reports = reports;
        this.timers = timers;
        this.home = home;
        this.clock = clock;
        this.settings = settings;
        this.edgeId = edgeId;
    }

    /** Fetches the first assignment (call on {@code home}). */
    public void start() {
        refresh();
    }

    /** Stops probing: no further OPTIONS or requests to routing (call on {@code home}). */
    public void stop() {
        stopped = true;
        if (refreshTimer != null) {
            refreshTimer.cancel();
        }
        probes.values().forEach(Probe::cancel);
        probes.clear();
    }

    private void refresh() {
        if (stopped) {
            return;
        }
        CompletionStage<GatewayProbeTargetsResponse> stage;
        try {
            stage = assignment.get();
        } catch (RuntimeException e) {
            scheduleRefresh(settings.refresh());
            return;
        }
        stage.whenCompleteAsync((r, failure) -> {
            if (stopped) {
                return;
            }
            if (failure != null || r == null) {
                scheduleRefresh(settings.refresh()); // keep probing the last assignment
                return;
            }
            assign(r);
            scheduleRefresh(r.hasRefreshAfter() && positive(duration(r.getRefreshAfter()))
                    ? duration(r.getRefreshAfter()) : settings.refresh());
        }, home);
    }

    private void scheduleRefresh(Duration after) {
        refreshTimer = timers.schedule("probe-refresh", after, this::refresh);
    }

    private void assign(GatewayProbeTargetsResponse r) {
        Map<String, ProbeTarget> wanted = new HashMap<>();
        for (ProbeTarget t : r.getTargetsList()) {
            if (!t.getGatewayId().isEmpty()) {
                wanted.put(t.getGatewayId(), t);
            }
        }
        probes.entrySet().removeIf(e -> {
            ProbeTarget now = wanted.get(e.getKey());
            if (now == null || !now.equals(e.getValue().target)) {
                e.getValue().cancel();
                return true;
            }
            return false;
        });
        for (ProbeTarget t : wanted.values()) {
            probes.computeIfAbsent(t.getGatewayId(), id -> {
                Probe p = new Probe(t);
                p.send();
                return p;
            });
        }
    }

    /** Gateways probed now. */
    public int probed() {
        return probes.size();
    }

    /** OPTIONS sent so far. */
    public long sent() {
        return sentCount;
    }

    /** One gateway's probe loop: send, wait for the outcome or the timeout, report, wait the interval. */
    private final class Probe {
        final ProbeTarget target;
        final Duration interval;
        final Duration timeout;
        Timers.Timer next;
        Timers.Timer deadline;
        boolean cancelled;
        long round;
        long reported;

        Probe(ProbeTarget target) {
            this.target = target;
            this.interval = target.hasInterval() && positive(duration(target.getInterval()))
                    ? duration(target.getInterval()) : settings.interval();
            this.timeout = target.hasTimeout() && positive(duration(target.getTimeout()))
                    ? duration(target.getTimeout()) : settings.timeout();
        }

        void send() {
            if (cancelled) {
                return;
            }
            long thisRound = ++round;
            next = timers.schedule("probe-interval", interval, this::send);
            Uri requestUri;
            Uri hop;
            try {
                requestUri = Uri.parse(target.getRequestUri());
                hop = target.getDestinationUri().isEmpty() ? requestUri : Uri.parse(target.getDestinationUri());
            } catch (SipParseException e) {
                report(thisRound, null, GatewayFailure.GATEWAY_FAILURE_DNS, null); // unusable address
                return;
            }
            long sentAt = System.nanoTime();
            deadline = timers.schedule("probe-timeout", timeout,
                    () -> report(thisRound, null, GatewayFailure.GATEWAY_FAILURE_TIMEOUT, null));
            nextHops.resolve(hop, transport(target)).whenCompleteAsync((dest, failure) -> {
                if (failure != null || dest == null) {
                    report(thisRound, null, GatewayFailure.GATEWAY_FAILURE_DNS, null);
                    return;
                }
                if (cancelled || thisRound != round) {
                    return;
                }
                sentCount++;
                options.send(target.getRequestUri(), dest, outcome -> home.execute(() -> {
                    if (outcome.code() > 0) {
                        report(thisRound, outcome, null, Duration.ofNanos(System.nanoTime() - sentAt));
                    } else {
                        report(thisRound, null, outcome.timeout() ? GatewayFailure.GATEWAY_FAILURE_TIMEOUT
                                : GatewayFailure.GATEWAY_FAILURE_TRANSPORT_ERROR, null);
                    }
                }));
            }, home);
        }

        /** Reports the first outcome of a round; later ones (e.g. Timer F after our timeout) are ignored. */
        private void report(long ofRound, OptionsSender.Outcome answer, GatewayFailure failure, Duration delay) {
            if (cancelled || ofRound != round || reported == ofRound) {
                return;
            }
            reported = ofRound;
            if (deadline != null) {
                deadline.cancel();
                deadline = null;
            }
            GatewayObservation.Builder b = GatewayObservation.newBuilder().setGatewayId(target.getGatewayId())
                    .setEdgeId(edgeId).setObservedAt(timestamp(clock.instant()))
                    .setSource(ObservationSource.OBSERVATION_SOURCE_PROBE);
            if (answer != null) {
                b.setResponse(SipOutcome.newBuilder().setCode(answer.code()).setReason(answer.reason()));
                b.setResponseDelay(duration(delay));
            } else {
                b.setFailure(failure);
            }
            reports.add(b.build());
        }

        void cancel() {
            cancelled = true;
            if (next != null) {
                next.cancel();
            }
            if (deadline != null) {
                deadline.cancel();
            }
        }
    }

    private static Transport transport(ProbeTarget t) {
        return switch (t.getTransport()) {
            case TRANSPORT_UDP -> Transport.UDP;
            case TRANSPORT_TCP -> Transport.TCP;
            case TRANSPORT_TLS -> Transport.TLS;
            case TRANSPORT_WS -> Transport.WS;
            case TRANSPORT_WSS -> Transport.WSS;
            default -> null; // RFC 3263 chooses
        };
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    static com.google.protobuf.Duration duration(Duration d) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
