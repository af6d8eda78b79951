package io.sipplatform.e2e;

import java.io.IOException;

/**
 * What the scenarios provision through the admin API, beside the launcher's sample (customer demo with alice and
 * bob). Loopback addresses stand for the hosts of a real network: 127.0.0.31-32 are customer PBXs on IP trunks,
 * 127.0.0.41-44 carrier gateways, 127.0.0.51-59 softphones, 127.0.0.66 a stranger.
 */
final class Provisioning {
    static final String PBX = "127.0.0.31";
    static final String LIMITED_PBX = "127.0.0.32";
    static final String CARRIER_A = "127.0.0.41";
    static final String CARRIER_B = "127.0.0.42";
    static final String CARRIER_C = "127.0.0.43";
    static final String CARRIER_IN = "127.0.0.44";
    static final String STRANGER = "127.0.0.66";
    static final int GATEWAY_PORT = 5080;
    /** +1555 ... : carrier A first (answers 503 in the failover scenario), then carrier B. */
    static final String FAILOVER_NATIONAL = "15551234567";
    /** +1556 ... : carrier C, whose behaviour each scenario chooses. */
    static final String CARRIER_C_NATIONAL = "15561234567";
    /** A DID of the customer's registered softphones (carol, two contacts, parallel forking). */
    static final String FORK_DID = "+15550009001";
    /** A DID of erin, a softphone behind NAT (NatTraversalIT). */
    static final String NAT_DID = "+15550009002";

    private static boolean done;

    private Provisioning() {
    }

    static synchronized void ensure(Platform p) throws IOException, InterruptedException {
        if (done) {
            return;
        }
        Http a = p.admin;
        String plan = "\"numberPlan\":{\"countryCode\":\"1\",\"nationalPrefix\":\"1\",\"internationalPrefix\":\"011\"}";
        // the sample's PBX trunk owns 127.0.0.1, which softphones on TLS and TCP connect from: move it aside
        a.upsert("trunks", "demo-pbx", """
                {"id":"demo-pbx","customerId":"demo","name":"PBX on this machine",
                 "auth":{"type":"address","networks":["127.0.0.30/32"],"transports":["UDP","TCP"]},%s}"""
                .formatted(plan));
        a.upsert("customers", "e2e", "{\"id\":\"e2e\",\"name\":\"End-to-end customer\"}");
        a.upsert("trunks", "e2e-pbx", """
                {"id":"e2e-pbx","customerId":"e2e","name":"PBX on an IP trunk",
                 "auth":{"type":"address","networks":["%s/32"],"transports":["UDP","TCP","TLS"]},%s}"""
                .formatted(PBX, plan));
        a.upsert("trunks", "e2e-limited", """
                {"id":"e2e-limited","customerId":"e2e","name":"PBX limited to two calls",
                 "auth":{"type":"address","networks":["%s/32"],"transports":["UDP"]},
                 "limits":{"maxConcurrent":2},%s}""".formatted(LIMITED_PBX, plan));
        a.upsert("trunks", "e2e-phones", """
                {"id":"e2e-phones","customerId":"e2e","name":"Softphones",
                 "auth":{"type":"digest","accounts":[{"username":"carol","password":"carol-secret"},
                   {"username":"dave","password":"dave-secret"},{"username":"erin","password":"erin-secret"}],
                   "aors":["sip:carol@sip.local","sip:dave@sip.local","sip:dave@127.0.0.1","sip:erin@sip.local"]},%s}"""
                .formatted(plan));
        a.upsert("dids", FORK_DID, """
                {"number":"%s","customerId":"e2e","trunkId":"e2e-phones","delivery":"REGISTERED",
                 "aor":"sip:carol@sip.local","forking":"PARALLEL"}""".formatted(FORK_DID));
        a.upsert("dids", NAT_DID, """
                {"number":"%s","customerId":"e2e","trunkId":"e2e-phones","delivery":"REGISTERED",
                 "aor":"sip:erin@sip.local","forking":"SEQUENTIAL"}""".formatted(NAT_DID));
        carrier(a, "e2e-carrier-a", CARRIER_A);
        carrier(a, "e2e-carrier-b", CARRIER_B);
        carrier(a, "e2e-carrier-c", CARRIER_C);
        carrier(a, "e2e-carrier-in", CARRIER_IN);
        a.upsert("routes", "e2e-1555", """
                {"id":"e2e-1555","prefix":"+1555","carriers":[{"carrierId":"e2e-carrier-a","priority":0},
                 {"carrierId":"e2e-carrier-b","priority":1}]}""");
        a.upsert("routes", "e2e-1556", """
                {"id":"e2e-1556","prefix":"+1556","carriers":[{"carrierId":"e2e-carrier-c"}]}""");
        done = true; // an admin write reloads routing's snapshot before it answers: usable at once
    }

    // Gateways are not probed with OPTIONS here: each SIPp carrier runs only the call flow of its scenario.
    private static void carrier(Http a, String id, String ip) throws IOException, InterruptedException {
        a.upsert("carriers", id, """
                {"id":"%s","name":"%s","sources":["%s/32"],
                 "gateways":[{"id":"%s-gw","host":"%s","port":%d,"priority":0,"probe":false}]}"""
                .formatted(id, id, ip, id, ip, GATEWAY_PORT));
    }
}
