package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import static io.sipplatform.edge.transaction.Harness.millis;
import static io.sipplatform.edge.transaction.Messages.fromCarrier;
import static io.sipplatform.edge.transaction.Messages.outbound;
import static io.sipplatform.edge.transaction.Messages.response;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NonInviteClientTransactionTest {
    private static final Destination CARRIER =
            Destination.of(Transport.UDP, new InetSocketAddress("192.0.2.50", 5060));

    private final Harness h = new Harness();
    private final RecordingListener listener = new RecordingListener();
    private final SipRequest options = outbound(SipMethod.OPTIONS, "z9hG4bKopt1");

    private ClientTransaction send() {
        return h.layer.sendRequest(options, CARRIER, listener);
    }

    private void receive(SipResponse response) {
        h.layer.onResponse(fromCarrier(response));
    }

    @Test
    void timerERetransmitsDoublingUpToT2UntilTimerF() {
        ClientTransaction tx = send();
        assertEquals(TransactionState.TRYING, tx.state());
        assertEquals(List.of("E", "F"), h.timers.pendingNames());

        List<Duration> schedule = h.fireRepeatedly("E", 8);

        // fired at 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5 and 23.5 s
        assertEquals(millis(500, 1000, 2000, 4000, 4000, 4000, 4000, 4000), schedule);
        assertEquals(9, h.sender.sent.size());

        h.timers.advance(Duration.ofMillis(8500)); // to 32 s: E at 27.5 and 31.5, then F

        assertEquals(11, h.sender.sent.size());
        assertEquals(List.of("timeout"), listener.events);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
        assertEquals(1, h.layer.stats().timeouts());
    }

    @Test
    void inProceedingTimerERetransmitsEveryT2() {
        ClientTransaction tx = send();
        h.timers.fire("E"); // next in 1 s
        receive(response(options, 100, null));

        assertEquals(TransactionState.PROCEEDING, tx.state());
        assertEquals(List.of("provisional 100"), listener.events);

        List<Duration> schedule = h.fireRepeatedly("E", 3);

        assertEquals(millis(1000, 4000, 4000), schedule);
        assertEquals(5, h.sender.sent.size());
        assertEquals(List.of("E", "F"), h.timers.pendingNames());
    }

    @Test
    void finalMovesToCompletedWhereRetransmittedFinalsAreAbsorbedUntilTimerK() {
        ClientTransaction tx = send();
        receive(response(options, 200, "c1"));

        assertEquals(TransactionState.COMPLETED, tx.state());
        assertEquals(List.of("K"), h.timers.pendingNames());
        assertEquals(Duration.ofSeconds(5), h.timers.delayOf("K"));

        receive(response(options, 200, "c1"));
        assertEquals(List.of("final 200"), listener.events);
        assertEquals(1, h.layer.stats().retransmissionsAbsorbed());

        h.timers.fire("K");

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(0, h.layer.openTransactions());
    }

    @Test
    void overTcpThereIsNoTimerEAndTheFinalEndsTheTransactionAtOnce() {
        ClientTransaction tx = h.layer.sendRequest(options,
                Destination.of(Transport.TLS, new InetSocketAddress("192.0.2.50", 5061)), listener);
        assertEquals(List.of("F"), h.timers.pendingNames());

        receive(response(options, 404, "c1"));

        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of("final 404"), listener.events);
        assertEquals(List.of(), h.timers.pendingNames());
    }

    @Test
    void timerFOverTcpReportsTimeout() {
        h.layer.sendRequest(options, Destination.of(Transport.TCP, new InetSocketAddress("192.0.2.50", 5060)),
                listener);

        h.timers.fire("F");

        assertEquals(List.of("timeout"), listener.events);
        assertEquals(1, h.sender.sent.size());
    }

    @Test
    void transportErrorReachesTheListener() {
        ClientTransaction tx = send();
        h.sender.failLast();

        assertEquals(List.of("transport-error"), listener.events);
        assertEquals(TransactionState.TERMINATED, tx.state());
        assertEquals(List.of(), h.timers.pendingNames());
    }

    @Test
    void transportErrorAfterTheFinalIsIgnored() {
        send();
        receive(response(options, 200, "c1"));
        h.sender.failLast();

        assertEquals(List.of("final 200"), listener.events);
        assertEquals(0, h.layer.stats().transportErrors());
    }
}
