package io.sipplatform.edge.resolve;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Transport;
import io.sipplatform.sip.uri.Uri;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 3263 resolution against a DNS server on 127.0.0.1 that the test fills, with a clock the test moves. */
class SipResolverTest extends LocalDnsTest {
    static Destination d(Transport t, String ip, int port) {
        return Destination.of(t, new InetSocketAddress(ip, port));
    }

    @Test
    void naptrChoosesTransportsInOrderAndSrvTargetsFollowByPriority() throws Exception {
        dns.naptr("example.test", 10, 10, "SIP+D2T", "_sip._tcp.example.test", 300);
        dns.naptr("example.test", 20, 10, "SIP+D2U", "_sip._udp.example.test", 300);
        dns.naptr("example.test", 5, 10, "SIP+D2S", "_sip._sctp.example.test", 300); // unsupported: skipped
        dns.srv("_sip._tcp.example.test", 20, 0, 5080, "b.example.test", 300);
        dns.srv("_sip._tcp.example.test", 10, 0, 5070, "a.example.test", 300);
        dns.srv("_sip._udp.example.test", 10, 0, 5090, "c.example.test", 300);
        dns.a("a.example.test", "127.0.0.2", 300);
        dns.a("b.example.test", "127.0.0.3", 300);
        dns.a("c.example.test", "127.0.0.4", 300);
        assertEquals(List.of(d(Transport.TCP, "127.0.0.2", 5070), d(Transport.TCP, "127.0.0.3", 5080),
                d(Transport.UDP, "127.0.0.4", 5090)), resolveAll("sip:+4930123@example.test"));
    }

    @Test
    void aSipsUriTakesOnlyTheSipsD2tService() throws Exception {
        dns.naptr("secure.test", 10, 10, "SIP+D2U", "_sip._udp.secure.test", 300);
        dns.naptr("secure.test", 20, 10, "SIPS+D2T", "_sips._tcp.secure.test", 300);
        dns.srv("_sip._udp.secure.test", 10, 0, 5060, "u.secure.test", 300);
        dns.srv("_sips._tcp.secure.test", 10, 0, 5061, "t.secure.test", 300);
        dns.a("u.secure.test", "127.0.0.5", 300);
        dns.a("t.secure.test", "127.0.0.6", 300);
        assertEquals(List.of(d(Transport.TLS, "127.0.0.6", 5061)), resolveAll("sips:secure.test"));
    }

    @Test
    void aTransportParameterGoesStraightToItsSrvName() throws Exception {
        dns.srv("_sip._udp.carrier.test", 10, 0, 5090, "gw.carrier.test", 300);
        dns.a("gw.carrier.test", "127.0.0.7", 300);
        assertEquals(List.of(d(Transport.UDP, "127.0.0.7", 5090)), resolveAll("sip:carrier.test;transport=udp"));
        assertEquals(0, dns.queries("carrier.test", DnsRecord.Type.NAPTR));
    }

    @Test
    void withoutNaptrEachTransportsSrvIsAsked() throws Exception {
        dns.srv("_sip._tcp.nonaptr.test", 10, 0, 5070, "gw.nonaptr.test", 300);
        dns.a("gw.nonaptr.test", "127.0.0.8", 300);
        assertEquals(List.of(d(Transport.TCP, "127.0.0.8", 5070)), resolveAll("sip:nonaptr.test"));
        assertEquals(1, dns.queries("_sip._udp.nonaptr.test", DnsRecord.Type.SRV));
    }

    @Test
    void anExplicitPortMeansAddressRecordsOnly() throws Exception {
        dns.srv("_sip._udp.ported.test", 10, 0, 5090, "other.test", 300);
        dns.a("ported.test", "127.0.0.9", 300);
        assertEquals(List.of(d(Transport.UDP, "127.0.0.9", 5999)), resolveAll("sip:ported.test:5999"));
        assertEquals(0, dns.queries("_sip._udp.ported.test", DnsRecord.Type.SRV));
        assertEquals(0, dns.queries("ported.test", DnsRecord.Type.NAPTR));
    }

    @Test
    void noNaptrAndNoSrvFallsBackToTheAddressOnTheDefaultPort() throws Exception {
        dns.a("plain.test", "127.0.0.10", 300);
        assertEquals(List.of(d(Transport.UDP, "127.0.0.10", 5060)), resolveAll("sip:plain.test"));
    }

    @Test
    void answersAreCachedForTheirTtlAndAskedAgainAfterwards() throws Exception {
        dns.a("ttl.test", "127.0.0.11", 30);
        resolveAll("sip:ttl.test:5060");
        resolveAll("sip:ttl.test:5060");
        assertEquals(1, dns.queries("ttl.test", DnsRecord.Type.A), "the second lookup came from the cache");
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        resolveAll("sip:ttl.test:5060");
        assertEquals(2, dns.queries("ttl.test", DnsRecord.Type.A), "asked again once the TTL ran out");
    }

    @Test
    void aNameThatDoesNotExistIsCachedNegativelyAndResolvesToNothing() throws Exception {
        assertEquals(List.of(), resolveAll("sip:missing.test:5060"));
        assertEquals(List.of(), resolveAll("sip:missing.test:5060"));
        assertEquals(1, dns.queries("missing.test", DnsRecord.Type.A));
        ExecutionException e = assertThrows(ExecutionException.class, () -> resolver.resolve(
                Uri.parse("sip:missing.test:5060"), null).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(java.net.UnknownHostException.class, e.getCause());
    }

    @Test
    void aServerThatNeverAnswersFailsTheLookupAfterItsAttempts() {
        dns.silent.add("dead.test");
        ExecutionException e = assertThrows(ExecutionException.class, () -> resolver.resolve(
                Uri.parse("sip:dead.test:5060"), null).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(DnsClient.DnsFailure.class, e.getCause());
        assertEquals(2, dns.queries("dead.test", DnsRecord.Type.A), "two attempts");
    }

    @Test
    void withinAPriorityTargetsAreChosenByWeight() {
        DnsRecord.Srv heavy = new DnsRecord.Srv(10, 3, 5060, "heavy.test", 60);
        DnsRecord.Srv light = new DnsRecord.Srv(10, 1, 5060, "light.test", 60);
        DnsRecord.Srv first = new DnsRecord.Srv(5, 0, 5060, "first.test", 60);
        Random random = new Random(42);
        int heavyFirst = 0;
        int rounds = 4000;
        for (int i = 0; i < rounds; i++) {
            List<DnsRecord.Srv> order = SipResolver.order(new ArrayList<>(List.of(light, heavy, first)), random);
            assertEquals(first, order.get(0), "the lower priority value always comes first");
            if (order.get(1).equals(heavy)) {
                heavyFirst++;
            }
        }
        double share = heavyFirst / (double) rounds;
        assertTrue(share > 0.70 && share < 0.80, "weight 3 against 1 leads about 75 % of the time: " + share);
    }
}
