package io.sipplatform.routing.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.sipplatform.proto.common.v1.NameAddress;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.common.v1.TlsPeerIdentity;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.common.v1.TransportAddress;
import io.sipplatform.proto.routing.v1.DecideRequest;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.GatewayFailure;
import io.sipplatform.proto.routing.v1.GatewayObservation;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsRequest;
import io.sipplatform.proto.routing.v1.GatewayProbeTargetsResponse;
import io.sipplatform.proto.routing.v1.GetCredentialsRequest;
import io.sipplatform.proto.routing.v1.GetCredentialsResponse;
import io.sipplatform.proto.routing.v1.ObservationSource;
import io.sipplatform.proto.routing.v1.ReleaseLeaseRequest;
import io.sipplatform.proto.routing.v1.ReportGatewayResultRequest;
import io.sipplatform.proto.routing.v1.RoutingGrpc;
import io.sipplatform.routing.domain.Customer;
import io.sipplatform.routing.store.ProvisioningStore;
import io.sipplatform.routing.store.SnapshotRefresher;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestClient;
import io.sipplatform.sip.digest.DigestCredentials;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service end to end over its real interfaces (REST admin API, gRPC decision API, metrics, health), run once per
 * database by {@link EmbeddedRoutingAppTest} and {@link PostgresqlRoutingAppTest}.
 */
abstract class RoutingAppContract {
    private static final String PBX = "192.0.2.10";
    private static final String CARRIER = "203.0.113.5";
    private static boolean provisioned;

    @GrpcClient("routing")
    RoutingGrpc.RoutingBlockingStub routing;

    @Inject
    SnapshotRefresher snapshots;

    @Inject
    ProvisioningStore store;

    @BeforeEach
    void provisionOnce() {
        // One app (and database) per subclass; the static flag is reset by each subclass's own class loader.
        if (!provisioned) {
            Provision.acme();
            provisioned = true;
        }
    }

    static DecideRequest invite(String sourceIp, Transport transport, String requestUri, String from,
            List<io.sipplatform.proto.common.v1.DigestCredentials> credentials) {
        return DecideRequest.newBuilder().setMethod("INVITE").setCallId("c-" + System.nanoTime())
                .setSource(TransportAddress.newBuilder().setIp(sourceIp).setPort(5060).setTransport(transport))
                .setRequestUri(requestUri).setFrom(NameAddress.newBuilder().setUri(from))
                .setTo(NameAddress.newBuilder().setUri(requestUri)).addAllProxyAuthorization(credentials).build();
    }

    static DecideRequest fromPbx(String dialled) {
        return invite(PBX, Transport.TRANSPORT_UDP, "sip:" + dialled + "@sip.example", "sip:+4930555@pbx", List.of());
    }

    // ---- admin API

    @Test
    void adminRequestsWithoutAValidBearerTokenAre401() {
        given().get("/admin/v1/customers").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"));
        given().auth().oauth2("wrong").get("/admin/v1/customers").then().statusCode(401);
        Provision.admin().get("/admin/v1/customers").then().statusCode(200);
    }

    static Stream<Arguments> invalidBodiesAre400NamingTheField() {
        return Stream.of(
                Arguments.of("customers", "{\"id\":\"bad id\",\"name\":\"x\"}", "id"),
                Arguments.of("customers", "{\"id\":\"c1\"}", "name"),
                Arguments.of("customers", "{\"id\":\"c1\",\"name\":\"x\",\"routeTableId\":\"nope\"}",
                        "routeTableId"),
                Arguments.of("trunks", "{\"id\":\"t1\",\"customerId\":\"acme\",\"name\":\"x\","
                        + "\"auth\":{\"type\":\"address\",\"networks\":[\"192.0.2.0/24\"]},"
                        + "\"limits\":{\"maxCps\":-1},\"numberPlan\":{\"countryCode\":\"49\"}}", "limits.maxCps"),
                Arguments.of("trunks", "{\"id\":\"t1\",\"customerId\":\"acme\",\"name\":\"x\","
                        + "\"auth\":{\"type\":\"address\",\"networks\":[\"192.0.2.0/24\",\"10.0.0.1/33\"]},"
                        + "\"numberPlan\":{\"countryCode\":\"49\"}}", "auth.networks[1]"),
                Arguments.of("trunks", "{\"id\":\"t1\",\"customerId\":\"ghost\",\"name\":\"x\","
                        + "\"auth\":{\"type\":\"address\",\"networks\":[\"192.0.2.0/24\"]},"
                        + "\"numberPlan\":{\"countryCode\":\"49\"}}", "customerId"),
                Arguments.of("carriers", "{\"id\":\"k1\",\"name\":\"x\",\"gateways\":[{\"id\":\"g1\","
                        + "\"host\":\"gw.example\",\"port\":70000}]}", "gateways[0].port"),
                Arguments.of("carriers", "{\"id\":\"k1\",\"name\":\"x\",\"gateways\":[{\"id\":\"g1\","
                        + "\"host\":\"gw.example\",\"transport\":\"SCTP\"}]}", "gateways[0].transport"),
                Arguments.of("dids", "{\"number\":\"030123\",\"customerId\":\"acme\",\"trunkId\":\"acme-ip\"}",
                        "number"),
                Arguments.of("routes", "{\"id\":\"r1\",\"prefix\":\"+1\",\"carriers\":[{\"carrierId\":\"ghost\"}]}",
                        "carriers[0].carrierId"),
                Arguments.of("routes", "{\"id\":\"r1\",\"prefix\":\"+1\",\"carriers\":[{\"carrierId\":\"cheap\","
                        + "\"weight\":\"heavy\"}]}", "carriers[0].weight"),
                Arguments.of("trunks", "{\"id\":\"t1\",\"customerId\":\"acme\",\"name\":\"x\","
                        + "\"auth\":{\"type\":\"certificate\",\"fingerprints\":[\"AB:CD\"]},"
                        + "\"numberPlan\":{\"countryCode\":\"49\"}}", "auth.fingerprints[0]"),
                Arguments.of("trunks", "{\"id\":\"t1\",\"customerId\":\"acme\",\"name\":\"x\","
                        + "\"auth\":{\"type\":\"certificate\",\"networks\":[\"192.0.2.0/24\"]},"
                        + "\"numberPlan\":{\"countryCode\":\"49\"}}", "auth.fingerprints"),
                Arguments.of("customers", "{\"id\":", "body"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource
    void invalidBodiesAre400NamingTheField(String collection, String json, String field) {
        Provision.post(collection, json).then().statusCode(400).body("field", equalTo(field));
    }

    @Test
    void trunkPasswordIsNeverReturnedOnlyWhichHashesExist() {
        Provision.admin().get("/admin/v1/trunks/acme-reg").then().statusCode(200)
                .body("auth.accounts[0].username", equalTo("acme-reg"))
                .body("auth.accounts[0].realm", equalTo("sipplatform"))
                .body("auth.accounts[0].password", nullValue()).body("auth.accounts[0].ha1Md5", nullValue())
                .body("auth.accounts[0].hashes", hasItems("MD5", "SHA-256"));
    }

    @Test
    void listingsPageWithACursor() {
        for (int i = 0; i < 3; i++) {
            Provision.created("route-tables", "{\"id\":\"page-" + i + "\",\"name\":\"P" + i + "\"}");
        }
        String next = Provision.admin().queryParam("limit", 2).get("/admin/v1/route-tables").then()
                .statusCode(200).body("items.size()", equalTo(2)).body("items[0].id", equalTo("default"))
                .extract().path("next");
        Provision.admin().queryParam("limit", 2).queryParam("after", next).get("/admin/v1/route-tables").then()
                .body("items.id", hasItems("page-1", "page-2")).body("next", nullValue());
        Provision.admin().queryParam("limit", 0).get("/admin/v1/route-tables").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void duplicatesAndDeletesOfReferencedEntriesAre409UnknownIs404() {
        Provision.post("customers", "{\"id\":\"acme\",\"name\":\"again\"}").then().statusCode(409);
        Provision.admin().delete("/admin/v1/carriers/cheap").then().statusCode(409);
        Provision.admin().get("/admin/v1/customers/nobody").then().statusCode(404);
        Provision.admin().body("{\"name\":\"x\"}").put("/admin/v1/customers/nobody").then().statusCode(404);
    }

    @Test
    void openApiDocumentDescribesTheAdminApi() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/admin/v1/trunks"))
                .body(containsString("bearer"));
    }

    // ---- decision API

    @Test
    void ipTrunkCallGoesToTheCarrierWithALeaseReleasedOnce() {
        DecideResponse decision = routing.decide(fromPbx("0891234567"));
        assertTrue(decision.hasProxy(), decision::toString);
        assertEquals("acme-ip", decision.getContext().getTrunkId());
        assertEquals("+49891234567", decision.getContext().getCalleeE164());
        assertEquals(List.of("cheap-a", "cheap-b"), decision.getProxy().getGroupsList().stream()
                .map(g -> g.getTargets(0).getGatewayId()).toList());
        assertEquals("sip:+49891234567@gw-a.cheap.example:5060",
                decision.getProxy().getGroups(0).getTargets(0).getRequestUri());
        String lease = decision.getProxy().getLease().getLeaseId();
        assertTrue(routing.releaseLease(ReleaseLeaseRequest.newBuilder().setLeaseId(lease).build()).getReleased());
        assertFalse(routing.releaseLease(ReleaseLeaseRequest.newBuilder().setLeaseId(lease).build()).getReleased());
    }

    @Test
    void concurrencyLimitAnswers503AndIsCountedByTrunk() {
        String first = routing.decide(fromPbx("0891234567")).getProxy().getLease().getLeaseId();
        String second = routing.decide(fromPbx("0891234567")).getProxy().getLease().getLeaseId();
        DecideResponse third = routing.decide(fromPbx("0891234567"));
        SipOutcome outcome = third.getReject().getOutcome();
        assertEquals(503, outcome.getCode());
        assertEquals(5, outcome.getRetryAfter().getSeconds());
        for (String lease : List.of(first, second)) {
            routing.releaseLease(ReleaseLeaseRequest.newBuilder().setLeaseId(lease).build());
        }
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("routing_limit_rejections_total{limit=\"concurrency\",trunk=\"acme-ip\"}"))
                .body(containsString("routing_decisions_total{cause=\"concurrency_limit\",outcome=\"reject\"}"));
    }

    @Test
    void unknownSourceIsChallengedThenAuthenticatedByDigest() {
        String ruri = "sip:0891234567@sip.example";
        DecideResponse challenge = routing.decide(invite("198.51.100.9", Transport.TRANSPORT_TLS, ruri,
                "sip:+4930123457@x", List.of()));
        assertTrue(challenge.hasChallenge(), challenge::toString);
        io.sipplatform.proto.common.v1.DigestChallenge offered = challenge.getChallenge().getChallenges(0);
        assertEquals("SHA-256", offered.getAlgorithm());
        DigestCredentials answer = DigestClient.answer(new DigestChallenge(offered.getRealm(), offered.getNonce(),
                null, DigestAlgorithm.SHA_256, true, false), "INVITE", ruri, "acme-reg", "correct horse", "abc", 1);
        io.sipplatform.proto.common.v1.DigestCredentials credentials = io.sipplatform.proto.common.v1
                .DigestCredentials.newBuilder().setUsername(answer.username()).setRealm(answer.realm())
                .setNonce(answer.nonce()).setUri(answer.uri()).setResponse(answer.response())
                .setAlgorithm(answer.algorithm().token()).setCnonce(answer.cnonce()).setQop(answer.qop())
                .setNonceCount(answer.nonceCount()).setMethod("INVITE").build();
        DecideResponse proxied = routing.decide(invite("198.51.100.9", Transport.TRANSPORT_TLS, ruri,
                "sip:+4930123457@x", List.of(credentials)));
        assertTrue(proxied.hasProxy(), proxied::toString);
        assertEquals("acme-reg", proxied.getContext().getTrunkId());
    }

    @Test
    void tlsPeerCertificateIdentifiesTheCertificateTrunkOnlyOverTls() {
        String pin = "5e0f1c2d3b4a59687766554433221100ffeeddccbbaa99887766554433221100";
        String colons = pin.toUpperCase().replaceAll("(..)(?!$)", "$1:");
        Provision.created("trunks", """
                {"id":"acme-mtls","customerId":"acme","name":"Acme mTLS PBX",
                 "auth":{"type":"certificate","fingerprints":["%s"],"subjectAltNames":["pbx.mtls.acme.example"]},
                 "numberPlan":{"countryCode":"49","nationalPrefix":"0","internationalPrefix":"00"}}"""
                .formatted(colons));
        Provision.admin().get("/admin/v1/trunks/acme-mtls").then().statusCode(200)
                .body("auth.type", equalTo("certificate")).body("auth.fingerprints[0]", equalTo(pin))
                .body("auth.subjectAltNames[0]", equalTo("pbx.mtls.acme.example"));
        String ruri = "sip:0891234567@sip.example";
        TlsPeerIdentity pinned = TlsPeerIdentity.newBuilder().setSubject("CN=pbx,O=Acme").setSha256Fingerprint(pin)
                .build();
        DecideResponse proxied = routing.decide(invite("198.51.100.40", Transport.TRANSPORT_TLS, ruri,
                "sip:+4930555@x", List.of()).toBuilder().setTlsPeer(pinned).build());
        assertTrue(proxied.hasProxy(), proxied::toString);
        assertEquals("acme-mtls", proxied.getContext().getTrunkId());
        TlsPeerIdentity byName = TlsPeerIdentity.newBuilder().setSubject("CN=pbx")
                .addSubjectAltNames("PBX.mtls.acme.example").setSha256Fingerprint("00".repeat(32)).build();
        assertEquals("acme-mtls", routing.decide(invite("198.51.100.40", Transport.TRANSPORT_TLS, ruri,
                "sip:+4930555@x", List.of()).toBuilder().setTlsPeer(byName).build()).getContext().getTrunkId());
        DecideResponse overTcp = routing.decide(invite("198.51.100.40", Transport.TRANSPORT_TCP, ruri,
                "sip:+4930555@x", List.of()).toBuilder().setTlsPeer(pinned).build());
        assertTrue(overTcp.hasChallenge(), "a certificate described for TCP is not believed: " + overTcp);
        DecideResponse withoutPeer = routing.decide(invite("198.51.100.40", Transport.TRANSPORT_TLS, ruri,
                "sip:+4930555@x", List.of()));
        assertTrue(withoutPeer.hasChallenge(), withoutPeer::toString);
    }

    @Test
    void inboundCallToARegisteredDidForksToTheRegistrarsContacts() {
        DecideResponse decision = routing.decide(invite(CARRIER, Transport.TRANSPORT_UDP,
                "sip:+4930123457@192.0.2.1", "sip:+4989111@carrier", List.of()));
        assertTrue(decision.hasProxy(), decision::toString);
        assertEquals(1, decision.getProxy().getGroupsCount(), "parallel forking: one group");
        assertEquals(List.of("sip:desk@10.0.0.5:5060", "sip:mobile@10.0.0.6:5060"), decision.getProxy().getGroups(0)
                .getTargetsList().stream().map(t -> t.getRequestUri()).toList());
        assertEquals("edge-1", decision.getProxy().getGroups(0).getTargets(0).getFlow().getEdgeId());
        assertEquals(List.of("<sip:edge-1.example;lr>"), decision.getProxy().getGroups(0).getTargets(0)
                .getRouteList());
    }

    @Test
    void emergencyCallIsRoutedWithoutLease() {
        DecideResponse decision = routing.decide(fromPbx("112"));
        assertTrue(decision.getContext().getEmergency());
        assertFalse(decision.getProxy().hasLease());
    }

    @Test
    void gatewayReportedFailingIsSkippedUntilItRecovers() {
        report("cheap-a", null, 3);
        assertEquals(List.of("cheap-b"), gatewaysOf(routing.decide(fromPbx("0891234567"))));
        report("cheap-a", 200, 2);
        assertEquals(List.of("cheap-a", "cheap-b"), gatewaysOf(routing.decide(fromPbx("0891234567"))));
        given().get("/q/metrics").then()
                .body(containsString("routing_gateway_state_changes_total{gateway=\"cheap-a\",state=\"down\"}"));
    }

    private List<String> gatewaysOf(DecideResponse decision) {
        routing.releaseLease(ReleaseLeaseRequest.newBuilder().setLeaseId(decision.getProxy().getLease()
                .getLeaseId()).build());
        return decision.getProxy().getGroupsList().stream().map(g -> g.getTargets(0).getGatewayId()).toList();
    }

    @Test
    void callAttemptsAndAnswersAreCountedPerCarrier() {
        report("cheap-b", 200, 1, ObservationSource.OBSERVATION_SOURCE_CALL);
        report("cheap-b", 486, 1, ObservationSource.OBSERVATION_SOURCE_CALL);
        report("no-such-gateway", 200, 1, ObservationSource.OBSERVATION_SOURCE_CALL);
        given().get("/q/metrics").then()
                .body(containsString("routing_carrier_attempts_total{carrier=\"cheap\"}"))
                .body(containsString("routing_carrier_answers_total{carrier=\"cheap\"}"));
    }

    private void report(String gateway, Integer code, int times) {
        report(gateway, code, times, ObservationSource.OBSERVATION_SOURCE_PROBE);
    }

    private void report(String gateway, Integer code, int times, ObservationSource source) {
        ReportGatewayResultRequest.Builder request = ReportGatewayResultRequest.newBuilder();
        for (int i = 0; i < times; i++) {
            GatewayObservation.Builder o = GatewayObservation.newBuilder().setGatewayId(gateway).setEdgeId("edge-1")
                    .setSource(source);
            if (code == null) {
                o.setFailure(GatewayFailure.GATEWAY_FAILURE_TIMEOUT);
            } else {
                o.setResponse(SipOutcome.newBuilder().setCode(code));
            }
            request.addObservations(o);
        }
        routing.reportGatewayResult(request.build());
    }

    @Test
    void theOnlyEdgeProbesEveryGateway() {
        GatewayProbeTargetsResponse targets = routing.gatewayProbeTargets(GatewayProbeTargetsRequest.newBuilder()
                .setEdgeId("edge-solo").build());
        assertTrue(targets.getTargetsList().stream().map(t -> t.getGatewayId()).toList()
                .containsAll(List.of("cheap-a", "cheap-b")), targets::toString);
        assertEquals(30, targets.getTargets(0).getInterval().getSeconds());
    }

    @Test
    void registrarGetsHa1ValuesAndAorsOfADigestAccount() {
        GetCredentialsResponse found = routing.getCredentials(GetCredentialsRequest.newBuilder()
                .setUsername("acme-reg").setRealm("sipplatform").build());
        assertTrue(found.getFound());
        assertEquals(List.of("SHA-256", "MD5"), found.getHa1List().stream().map(h -> h.getAlgorithm()).toList());
        assertEquals(List.of("sip:office@acme.example"), found.getAorsList());
        assertFalse(routing.getCredentials(GetCredentialsRequest.newBuilder().setUsername("nobody")
                .setRealm("sipplatform").build()).getFound());
    }

    // ---- propagation, health

    // Another replica's store over the same database: this replica learns of the write only by polling the revision
    // (routing.store.poll-interval, 500 ms). The bound is generous on purpose: a loaded CI machine once took more
    // than the second this test used to allow (a reload and a scheduling delay), which says nothing about polling.
    @Test
    void changeWrittenThroughAnotherReplicaArrivesByPolling() throws Exception {
        ProvisioningStore otherReplica = new ProvisioningStore(dataSource());
        long before = snapshots.get().version();
        otherReplica.customers().create(new Customer("elsewhere", "Written elsewhere", true, null));
        assertTrue(snapshots.awaitRevision(before + 1, Duration.ofSeconds(15)), "not picked up by polling");
        assertTrue(snapshots.get().customer("elsewhere").isPresent());
    }

    /** The datasource in use (embedded or PostgreSQL). */
    abstract AgroalDataSource dataSource();

    @Test
    void readinessIsUpWithSnapshotAndCluster() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
