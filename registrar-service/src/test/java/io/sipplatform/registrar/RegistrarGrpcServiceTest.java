package io.sipplatform.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.sipplatform.proto.common.v1.DigestCredentials;
import io.sipplatform.proto.common.v1.FlowRef;
import io.sipplatform.proto.common.v1.PageRequest;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.common.v1.TransportAddress;
import io.sipplatform.proto.registrar.v1.Binding;
import io.sipplatform.proto.registrar.v1.ContactKey;
import io.sipplatform.proto.registrar.v1.CountsRequest;
import io.sipplatform.proto.registrar.v1.CountsResponse;
import io.sipplatform.proto.registrar.v1.ListBindingsRequest;
import io.sipplatform.proto.registrar.v1.ListBindingsResponse;
import io.sipplatform.proto.registrar.v1.LookupRequest;
import io.sipplatform.proto.registrar.v1.RegisterRequest;
import io.sipplatform.proto.registrar.v1.RegisterResponse;
import io.sipplatform.proto.registrar.v1.RegistrarGrpc;
import io.sipplatform.proto.registrar.v1.RequestedContact;
import io.sipplatform.proto.registrar.v1.UnregisterRequest;
import io.sipplatform.registrar.credentials.RoutingCredentialsSource;
import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.CredentialsUnavailableException;
import io.sipplatform.registrar.domain.DigestAccount;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestClient;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Registrar gRPC API over a real port, against the real application: digest authentication with stateless
 * nonces, RFC 3261 §10.3 through protobuf, the embedded (single-node) location cache, a fixed clock, readiness and
 * metrics; and the routing-service credentials adapter against a fake routing-service.
 */
@QuarkusTest
class RegistrarGrpcServiceTest {
    static final String ALICE = "sip:alice@example.com";
    static final String BOB = "sip:bob@example.com";
    static final String SUPPORT = "sip:support@example.com";

    @GrpcClient("registrar")
    RegistrarGrpc.RegistrarBlockingStub registrar;

    @Inject
    TestClock clock;

    @Inject
    RoutingCredentialsSource routingCredentials;

    @TestHTTPResource("/q/health/ready")
    URL readiness;

    @TestHTTPResource("/q/metrics")
    URL metrics;

    private int cnonce;

    @BeforeEach
    void forgetEverything() {
        for (String aor : List.of(ALICE, BOB, SUPPORT)) {
            registrar.unregister(UnregisterRequest.newBuilder().setAor(aor).build());
        }
    }

    static RegisterRequest.Builder request(String aor) {
        return RegisterRequest.newBuilder().setAor(aor).setRequestUri("sip:example.com").setCallId("call-" + aor)
                .setCseq(1).setSource(TransportAddress.newBuilder().setIp("192.0.2.1").setPort(5060)
                        .setTransport(Transport.TRANSPORT_UDP));
    }

    static RequestedContact contact(String uri, long expiresSeconds) {
        return RequestedContact.newBuilder().setUri(uri)
                .setExpires(com.google.protobuf.Duration.newBuilder().setSeconds(expiresSeconds)).build();
    }

    static com.google.protobuf.Duration seconds(long s) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(s).build();
    }

    /** Sends the request unauthenticated, answers the first challenge as {@code user}, sends it again. */
    RegisterResponse registerAs(String user, String password, RegisterRequest.Builder request) {
        RegisterResponse challenge = registrar.register(request.build());
        assertEquals(401, challenge.getOutcome().getCode(), challenge.toString());
        var offered = challenge.getChallenges(0);
        DigestChallenge parsed = new DigestChallenge(offered.getRealm(), offered.getNonce(), null,
                DigestAlgorithm.fromToken(offered.getAlgorithm()).orElseThrow(), offered.getQopCount() > 0,
                offered.getStale());
        var answer = DigestClient.answer(parsed, "REGISTER", request.getRequestUri(), user, password,
                "cn" + (++cnonce), 1);
        return registrar.register(request.clearAuthorization().addAuthorization(DigestCredentials.newBuilder()
                .setUsername(answer.username()).setRealm(answer.realm()).setNonce(answer.nonce())
                .setUri(answer.uri()).setResponse(answer.response()).setAlgorithm(answer.algorithm().token())
                .setCnonce(answer.cnonce()).setQop(answer.qop()).setNonceCount(answer.nonceCount())
                .setMethod("REGISTER")).build());
    }

    RegisterResponse registerAlice(RegisterRequest.Builder request) {
        return registerAs("alice", "secret", request);
    }

    List<String> lookup(String aor) {
        return registrar.lookup(LookupRequest.newBuilder().setAor(aor).build()).getBindingsList().stream()
                .map(Binding::getContactUri).collect(Collectors.toList());
    }

    @Test
    void aRegisterWithoutCredentialsIsChallengedWithSha256ThenMd5() {
        RegisterResponse response = registrar.register(request(ALICE).addContacts(contact("sip:a@192.0.2.1", 600))
                .build());
        assertEquals(401, response.getOutcome().getCode());
        assertEquals(List.of("SHA-256", "MD5"), response.getChallengesList().stream()
                .map(c -> c.getAlgorithm()).collect(Collectors.toList()));
        assertEquals("example.com", response.getChallenges(0).getRealm());
        assertEquals(List.of("auth"), response.getChallenges(0).getQopList());
        assertFalse(response.getChallenges(0).getStale());
        assertTrue(lookup(ALICE).isEmpty());
    }

    @Test
    void anAuthenticatedRegisterIsAnswered200WithTheBindingItsExpiryAndThePath() {
        RegisterResponse response = registerAlice(request(ALICE).addSupported("path")
                .addPath("sip:tok@edge-1.example;lr").addContacts(contact("sip:alice@192.0.2.1:5060", 600)));
        assertEquals(200, response.getOutcome().getCode());
        assertEquals(1, response.getBindingsCount());
        Binding binding = response.getBindings(0);
        assertEquals("sip:alice@192.0.2.1:5060", binding.getContactUri());
        assertEquals(600, binding.getExpiresIn().getSeconds());
        assertEquals(clock.instant().plusSeconds(600).getEpochSecond(), binding.getExpiresAt().getSeconds());
        assertEquals("test-site", binding.getSite());
        assertEquals("192.0.2.1", binding.getSource().getIp());
        assertEquals(Transport.TRANSPORT_UDP, binding.getSource().getTransport());
        assertEquals(List.of("sip:tok@edge-1.example;lr"), response.getPathList());
        assertEquals(List.of("sip:tok@edge-1.example;lr"), binding.getPathList());
    }

    @Test
    void refreshingKeepsOneBindingAndExpiresZeroRemovesIt() {
        registerAlice(request(ALICE).addContacts(contact("sip:alice@192.0.2.1", 600)));
        clock.advance(Duration.ofSeconds(100));
        RegisterResponse refreshed = registerAlice(request(ALICE).setCseq(2)
                .addContacts(contact("sip:alice@192.0.2.1", 600)));
        assertEquals(600, refreshed.getBindings(0).getExpiresIn().getSeconds());
        RegisterResponse removed = registerAlice(request(ALICE).setCseq(3)
                .addContacts(contact("sip:alice@192.0.2.1", 0)));
        assertEquals(200, removed.getOutcome().getCode());
        assertEquals(0, removed.getBindingsCount());
    }

    @Test
    void aWildcardWithExpiresZeroRemovesEveryBinding() {
        registerAlice(request(ALICE).addContacts(contact("sip:a@192.0.2.1", 600))
                .addContacts(contact("sip:a@192.0.2.2", 600)));
        RegisterResponse response = registerAlice(request(ALICE).setCseq(2).setWildcard(true).setExpires(seconds(0)));
        assertEquals(200, response.getOutcome().getCode());
        assertTrue(lookup(ALICE).isEmpty());
    }

    @Test
    void status423CarriesMinExpiresAndStoresNothing() {
        RegisterResponse response = registerAlice(request(ALICE).addContacts(contact("sip:a@192.0.2.1", 10)));
        assertEquals(423, response.getOutcome().getCode());
        assertEquals(60, response.getMinExpires().getSeconds());
        assertTrue(lookup(ALICE).isEmpty());
    }

    @Test
    void status420ListsTheUnsupportedOptionTags() {
        RegisterResponse response = registrar.register(request(ALICE).addRequire("gruu").addRequire("path").build());
        assertEquals(420, response.getOutcome().getCode());
        assertEquals(List.of("gruu"), response.getUnsupportedList());
    }

    @Test
    void outboundFlowsAreKeyedByInstanceAndRegId() {
        String instance = "urn:uuid:00000000-0000-1000-8000-000A95A0E128";
        RegisterRequest.Builder first = request(ALICE).addSupported("outbound").addPath("sip:t1@edge-1.example;lr;ob")
                .setFlow(FlowRef.newBuilder().setEdgeId("edge-1").setFlowToken("t1"))
                .addContacts(RequestedContact.newBuilder().setUri("sip:alice@192.0.2.1:5070;transport=tcp")
                        .setInstanceId(instance).setRegId(1));
        assertTrue(registerAlice(first).getOutbound());
        RegisterResponse second = registerAlice(request(ALICE).setCallId("new-connection")
                .addSupported("outbound").addPath("sip:t2@edge-2.example;lr;ob")
                .setFlow(FlowRef.newBuilder().setEdgeId("edge-2").setFlowToken("t2"))
                .addContacts(RequestedContact.newBuilder().setUri("sip:alice@198.51.100.4:6000;transport=tcp")
                        .setInstanceId(instance).setRegId(1)));
        assertEquals(1, second.getBindingsCount());
        assertEquals("edge-2", second.getBindings(0).getFlow().getEdgeId());
        assertEquals(1, second.getBindings(0).getRegId());
    }

    @Test
    void lookupOrdersByQHighestFirstThenMostRecent() {
        registerAs("bob", "secret", request(BOB).setCallId("b1").addContacts(RequestedContact.newBuilder()
                .setUri("sip:bob@192.0.2.1").setQMilli(100)));
        clock.advance(Duration.ofSeconds(1));
        registerAs("bob", "secret", request(BOB).setCallId("b2").addContacts(RequestedContact.newBuilder()
                .setUri("sip:bob@192.0.2.2").setQMilli(900)));
        clock.advance(Duration.ofSeconds(1));
        registerAs("bob", "secret", request(BOB).setCallId("b3").addContacts(RequestedContact.newBuilder()
                .setUri("sip:bob@192.0.2.3").setQMilli(900)));
        assertEquals(List.of("sip:bob@192.0.2.3", "sip:bob@192.0.2.2", "sip:bob@192.0.2.1"), lookup(BOB));
    }

    @Test
    void bindingsExpireOnTheClock() {
        registerAlice(request(ALICE).addContacts(contact("sip:a@192.0.2.1", 60)));
        clock.advance(Duration.ofSeconds(59));
        assertEquals(1, lookup(ALICE).size());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(lookup(ALICE).isEmpty());
    }

    @Test
    void unregisterRemovesByContactByFlowAndByAorIdempotently() {
        registerAs("bob", "secret", request(BOB).addContacts(contact("sip:bob@192.0.2.1", 600))
                .addContacts(contact("sip:bob@192.0.2.2", 600)));
        registerAs("bob", "secret", request(SUPPORT).setFlow(FlowRef.newBuilder().setEdgeId("edge-3")
                .setFlowToken("t3")).addContacts(contact("sip:support@192.0.2.9;transport=tcp", 600)));
        assertEquals(1, registrar.unregister(UnregisterRequest.newBuilder().setContact(ContactKey.newBuilder()
                .setAor(BOB).setContactUri("sip:bob@192.0.2.1")).build()).getRemoved());
        assertEquals(1, registrar.unregister(UnregisterRequest.newBuilder().setFlow(FlowRef.newBuilder()
                .setEdgeId("edge-3").setFlowToken("t3")).build()).getRemoved());
        assertTrue(lookup(SUPPORT).isEmpty());
        assertEquals(1, registrar.unregister(UnregisterRequest.newBuilder().setAor(BOB).build()).getRemoved());
        assertEquals(0, registrar.unregister(UnregisterRequest.newBuilder().setAor(BOB).build()).getRemoved());
    }

    @Test
    void listBindingsPagesThroughEveryBindingWithOpaqueTokens() {
        registerAs("bob", "secret", request(BOB).addContacts(contact("sip:bob@192.0.2.1", 600))
                .addContacts(contact("sip:bob@192.0.2.2", 600)));
        registerAs("bob", "secret", request(SUPPORT).addContacts(contact("sip:support@192.0.2.3", 600)));
        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ListBindingsResponse page = registrar.listBindings(ListBindingsRequest.newBuilder().setAorPrefix("sip:")
                    .setPage(PageRequest.newBuilder().setPageSize(2).setPageToken(token)).build());
            page.getBindingsList().forEach(b -> seen.add(b.getContactUri()));
            token = page.getPage().getNextPageToken();
        } while (!token.isEmpty());
        assertEquals(List.of("sip:bob@192.0.2.1", "sip:bob@192.0.2.2", "sip:support@192.0.2.3"), seen);
    }

    @Test
    void countsReportAorsBindingsAndFlows() {
        registerAs("bob", "secret", request(BOB).addContacts(contact("sip:bob@192.0.2.1", 600)));
        registerAs("bob", "secret", request(SUPPORT).setFlow(FlowRef.newBuilder().setEdgeId("e").setFlowToken("t"))
                .addContacts(contact("sip:support@192.0.2.3;transport=tcp", 600)));
        CountsResponse counts = registrar.counts(CountsRequest.getDefaultInstance());
        assertEquals(2, counts.getAors());
        assertEquals(2, counts.getBindings());
        assertEquals(1, counts.getBindingsWithFlow());
        assertEquals(clock.instant().getEpochSecond(), counts.getCountedAt().getSeconds());
    }

    @Test
    void callerBugsAreInvalidArgumentNotSipOutcomes() {
        StatusRuntimeException emptyAor = assertThrows(StatusRuntimeException.class,
                () -> registrar.register(request("").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, emptyAor.getStatus().getCode());
        StatusRuntimeException noTarget = assertThrows(StatusRuntimeException.class,
                () -> registrar.unregister(UnregisterRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, noTarget.getStatus().getCode());
        StatusRuntimeException badToken = assertThrows(StatusRuntimeException.class,
                () -> registrar.listBindings(ListBindingsRequest.newBuilder()
                        .setPage(PageRequest.newBuilder().setPageToken("!!")).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, badToken.getStatus().getCode());
    }

    @Test
    void wrongPasswordsFromOneSourceEndInA403Ban() {
        RegisterRequest.Builder fromAttacker = request(ALICE).setSource(TransportAddress.newBuilder()
                .setIp("203.0.113.99").setPort(5060).setTransport(Transport.TRANSPORT_UDP))
                .addContacts(contact("sip:alice@203.0.113.99", 600));
        for (int i = 0; i < 3; i++) {
            assertEquals(401, registerAs("alice", "guess-" + i, fromAttacker).getOutcome().getCode());
            fromAttacker.clearAuthorization();
        }
        RegisterResponse banned = registrar.register(fromAttacker.clearAuthorization().build());
        assertEquals(403, banned.getOutcome().getCode());
    }

    @Test
    void theRoutingAdapterReadsHa1ValuesAndAorsFromGetCredentials() {
        Optional<DigestAccount> carol = routingCredentials.find("carol", "example.com");
        assertTrue(carol.isPresent());
        assertTrue(carol.get().ha1For(DigestAlgorithm.SHA_256_SESS).isPresent());
        assertTrue(carol.get().ha1For(DigestAlgorithm.MD5).isPresent());
        assertTrue(carol.get().mayRegister(new Aor("sip:sales@example.com")));
        assertEquals("trunk-9", carol.get().trunkId());
        assertTrue(routingCredentials.find("nobody", "example.com").isEmpty());
    }

    @Test
    void theRoutingAdapterTurnsDeadlinesAndErrorsIntoUnavailable() {
        long started = System.nanoTime();
        assertThrows(CredentialsUnavailableException.class, () -> routingCredentials.find("slow", "example.com"));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0,
                "the deadline (500 ms in tests) bounds the call");
        assertThrows(CredentialsUnavailableException.class, () -> routingCredentials.find("broken", "example.com"));
    }

    @Test
    void readinessIsUpOnceTheLocationCacheServes() throws Exception {
        lookup(ALICE); // waits for the cache node, like any store call
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(readiness.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("location-cache"), response.body());
    }

    @Test
    void metricsCountRegistrationsByOutcome() throws Exception {
        registrar.register(request(ALICE).addContacts(contact("sip:a@192.0.2.1", 600)).build());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(metrics.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("registrar_registrations_total{code=\"401\",reason=\"challenged\"}"),
                response.body());
        assertTrue(response.body().contains("registrar_cluster_members"), response.body());
        assertTrue(response.body().contains("registrar_bindings_active"), response.body());
    }
}
