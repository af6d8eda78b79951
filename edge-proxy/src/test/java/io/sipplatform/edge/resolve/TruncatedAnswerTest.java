package io.sipplatform.edge.resolve;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.vertx.core.Context;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 1035 §4.2.2 / RFC 7766: a UDP answer with TC set is asked again over TCP of the same server; a TCP server
 * that closes, stays silent or answers another query leaves the records that fit in the datagram.
 */
class TruncatedAnswerTest extends LocalDnsTest {
    static final String SRV = "_sip._udp.big.test";
    static final String URI = "sip:big.test;transport=udp";

    @BeforeEach
    void fiveGatewaysOfWhichTwoFitInADatagram() throws Exception {
        for (int i = 1; i <= 5; i++) { // priorities 10..50: one order, whatever the weights
            dns.srv(SRV, 10 * i, 0, 5060 + i, "gw" + i + ".big.test", 300);
            dns.a("gw" + i + ".big.test", "127.0.0." + (20 + i), 300);
        }
        dns.truncated.put(SRV, 2);
    }

    static Destination d(String ip, int port) {
        return Destination.of(Transport.UDP, new InetSocketAddress(ip, port));
    }

    static final List<Destination> FIRST_TWO = List.of(d("127.0.0.21", 5061), d("127.0.0.22", 5062));

    @Test
    void truncatedSrvAnswerIsAskedAgainOverTcpAndTheWholeSetIsUsed() throws Exception {
        assertEquals(List.of(d("127.0.0.21", 5061), d("127.0.0.22", 5062), d("127.0.0.23", 5063),
                d("127.0.0.24", 5064), d("127.0.0.25", 5065)), resolveAll(URI));
        assertEquals(1, dns.queries(SRV, DnsRecord.Type.SRV));
        assertEquals(1, dns.tcpQueries(SRV, DnsRecord.Type.SRV));
        assertEquals(0, client.truncatedUsed());
    }

    @Test
    void theTcpAnswerCompletesOnAnEventLoop() throws Exception {
        DnsWire.Answer answer = client.query(SRV, DnsRecord.Type.SRV)
                .thenApply(a -> {
                    assertTrue(Context.isOnEventLoopThread(), Thread.currentThread().getName());
                    return a;
                }).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(5, answer.records().size());
        assertFalse(answer.truncated());
    }

    @Test
    void theFullAnswerFromTcpIsCachedForItsTtl() throws Exception {
        resolveAll(URI);
        assertEquals(5, resolveAll(URI).size());
        assertEquals(1, dns.queries(SRV, DnsRecord.Type.SRV), "the second lookup came from the cache");
        assertEquals(1, dns.tcpQueries(SRV, DnsRecord.Type.SRV));
    }

    @Test
    void untruncatedAnswersNeverOpenAConnection() throws Exception {
        dns.truncated.clear();
        assertEquals(5, resolveAll(URI).size());
        assertEquals(0, dns.tcpQueries(SRV, DnsRecord.Type.SRV));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDnsServer.TcpMode.class, names = {"CLOSE", "SILENT", "WRONG_ID"})
    void tcpThatGivesNoAnswerForTheQueryLeavesTheRecordsThatFit(TestDnsServer.TcpMode mode) throws Exception {
        dns.tcp = mode;
        assertEquals(FIRST_TWO, resolveAll(URI));
        assertEquals(1, dns.queries(SRV, DnsRecord.Type.SRV), "the truncated answer ends the lookup");
        assertEquals(1, dns.tcpQueries(SRV, DnsRecord.Type.SRV));
        assertEquals(1, client.truncatedUsed());
    }

    @Test
    void truncatedAnswerWithoutRecordsAndNoTcpAnswerFailsEachAttempt() {
        dns.truncated.put(SRV, 0);
        dns.tcp = TestDnsServer.TcpMode.CLOSE;
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> resolver.lookup(SRV, DnsRecord.Type.SRV).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(DnsClient.DnsFailure.class, e.getCause());
        assertEquals(2, dns.queries(SRV, DnsRecord.Type.SRV), "two attempts, each over UDP");
        assertEquals(2, dns.tcpQueries(SRV, DnsRecord.Type.SRV), "and each retried over TCP");
    }

    @Test
    void truncatedAnswerWithoutRecordsIsCompletedOverTcp() throws Exception {
        dns.truncated.put(SRV, 0);
        assertEquals(5, resolveAll(URI).size());
    }
}
