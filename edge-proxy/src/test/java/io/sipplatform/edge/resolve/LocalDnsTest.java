package io.sipplatform.edge.resolve;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.sip.uri.Uri;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A resolver against a {@link TestDnsServer} on 127.0.0.1 that each test fills, with a clock the test moves: 300 ms
 * per attempt, two attempts, 30 s negative TTL, at most 1 h for any TTL.
 */
abstract class LocalDnsTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    Vertx vertx;
    TestDnsServer dns;
    DnsClient client;
    SipResolver resolver;

    @BeforeEach
    void startDns() throws Exception {
        vertx = Vertx.vertx();
        dns = new TestDnsServer();
        client = new DnsClient(vertx, List.of(dns.address()), Duration.ofMillis(300), 2);
        resolver = new SipResolver(client, now::get, new Random(7), Duration.ofSeconds(30), Duration.ofHours(1));
    }

    @AfterEach
    void stopDns() throws Exception {
        client.close();
        dns.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    List<Destination> resolveAll(String uri) throws Exception {
        return resolver.resolveAll(Uri.parse(uri), null).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
