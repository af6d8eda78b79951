package io.sipplatform.edge.transport;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.MalformedReason;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport layer's meters, registered once so that the receive path only increments (no registry lookup, no
 * lock). Names and tags:
 * <ul>
 * <li>{@code sip.transport.messages.received} / {@code .sent} {transport}</li>
 * <li>{@code sip.transport.send.failures} {transport}</li>
 * <li>{@code sip.transport.parse.errors} {transport, reason}: every malformed frame</li>
 * <li>{@code sip.transport.drops} {transport, reason}: input neither delivered nor answered (unanswerable or
 *     UDP size-limited malformed frames, {@code handler_error})</li>
 * <li>{@code sip.transport.keepalives} {transport, kind=ping|pong}</li>
 * <li>{@code sip.transport.connections.open} {transport} (gauge)</li>
 * <li>{@code sip.transport.connections.refused} {transport, cap=per_ip|total}</li>
 * <li>{@code sip.transport.tls.reloads} {result=applied|failed}</li>
 * </ul>
 */
final class TransportMetrics {
    static final String HANDLER_ERROR = "handler_error";

    private final Map<Transport, Counter> received = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> sent = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> sendFailures = new EnumMap<>(Transport.class);
    private final Map<Transport, Counter> handlerErrors = new EnumMap<>(Transport.class);
    private final Map<Transport, Map<MalformedReason, Counter>> parseErrors = new EnumMap<>(Transport.class);
    private final Map<Transport, Map<MalformedReason, Counter>> drops = new EnumMap<>(Transport.class);
    private final Map<Transport, Map<Framed.KeepAlive.Kind, Counter>> keepAlives = new EnumMap<>(Transport.class);
    private final Map<Transport, Map<Admission.Refusal, Counter>> refused = new EnumMap<>(Transport.class);
    private final Map<Transport, AtomicInteger> open = new EnumMap<>(Transport.class);
    private final Counter reloadsApplied;
    private final Counter reloadsFailed;

    TransportMetrics(MeterRegistry registry) {
        for (Transport t : Transport.values()) {
            String tag = t.uriParam();
            received.put(t, registry.counter("sip.transport.messages.received", "transport", tag));
            sent.put(t, registry.counter("sip.transport.messages.sent", "transport", tag));
            sendFailures.put(t, registry.counter("sip.transport.send.failures", "transport", tag));
            handlerErrors.put(t, registry.counter("sip.transport.drops", "transport", tag, "reason", HANDLER_ERROR));
            Map<MalformedReason, Counter> pe = new EnumMap<>(MalformedReason.class);
            Map<MalformedReason, Counter> dr = new EnumMap<>(MalformedReason.class);
            for (MalformedReason r : MalformedReason.values()) {
                String reason = reasonTag(r);
                pe.put(r, registry.counter("sip.transport.parse.errors", "transport", tag, "reason", reason));
                dr.put(r, registry.counter("sip.transport.drops", "transport", tag, "reason", reason));
            }
            parseErrors.put(t, pe);
            drops.put(t, dr);
            Map<Framed.KeepAlive.Kind, Counter> ka = new EnumMap<>(Framed.KeepAlive.Kind.class);
            for (Framed.KeepAlive.Kind k : Framed.KeepAlive.Kind.values()) {
                ka.put(k, registry.counter("sip.transport.keepalives", "transport", tag, "kind",
                        k.name().toLowerCase(Locale.ROOT)));
            }
            keepAlives.put(t, ka);
            if (t.reliable()) {
                Map<Admission.Refusal, Counter> rf = new EnumMap<>(Admission.Refusal.class);
                for (Admission.Refusal r : Admission.Refusal.values()) {
                    rf.put(r, registry.counter("sip.transport.connections.refused", "transport", tag, "cap",
                            r.tag()));
                }
                refused.put(t, rf);
                AtomicInteger gauge = new AtomicInteger();
                open.put(t, gauge);
                Gauge.builder("sip.transport.connections.open", gauge, AtomicInteger::get)
                        .tag("transport", tag)
                        .register(registry);
            }
        }
        reloadsApplied = registry.counter("sip.transport.tls.reloads", "result", "applied");
        reloadsFailed = registry.counter("sip.transport.tls.reloads", "result", "failed");
    }

    static String reasonTag(MalformedReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    void received(Transport t) {
        received.get(t).increment();
    }

    void sent(Transport t) {
        sent.get(t).increment();
    }

    void sendFailed(Transport t) {
        sendFailures.get(t).increment();
    }

    void malformed(Transport t, MalformedReason reason) {
        parseErrors.get(t).get(reason).increment();
    }

    void dropped(Transport t, MalformedReason reason) {
        drops.get(t).get(reason).increment();
    }

    void handlerFailed(Transport t) {
        handlerErrors.get(t).increment();
    }

    void keepAlive(Transport t, Framed.KeepAlive.Kind kind) {
        keepAlives.get(t).get(kind).increment();
    }

    void refused(Transport t, Admission.Refusal cap) {
        refused.get(t).get(cap).increment();
    }

    void opened(Transport t) {
        open.get(t).incrementAndGet();
    }

    void closed(Transport t) {
        open.get(t).decrementAndGet();
    }

    void certificateReload(boolean applied) {
        (applied ? reloadsApplied : reloadsFailed).increment();
    }
}
