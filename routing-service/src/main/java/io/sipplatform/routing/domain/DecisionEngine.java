package io.sipplatform.routing.domain;

import io.sipplatform.sip.digest.DigestVerifier;
import io.sipplatform.sip.digest.NonceCodec;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Decides what the edge does with an out-of-dialog request. Who is calling decides the direction: a client
 * certificate a certificate trunk accepts (over TLS only) means outbound; then a carrier's source network means
 * inbound (to a DID); an IP trunk's network or valid digest credentials of a registration trunk mean outbound;
 * anything else is challenged with 407. Thread-safe; every call reads one snapshot.
 */
public final class DecisionEngine {
    private static final HexFormat HEX = HexFormat.of();

    private final Supplier<RoutingSnapshot> snapshots;
    private final TrunkAuthenticator authenticator;
    private final OutboundRouting outbound;
    private final InboundRouting inbound;
    private final RandomGenerator random;

    /**
     * @param snapshots the current snapshot (swapped on provisioning changes)
     * @param nonces    stateless nonces shared by all replicas (same secret)
     * @param verifier  digest verifier over {@code nonces}
     * @param random    weights and decision ids; must be thread-safe (a seeded generator in tests)
     */
    public DecisionEngine(Supplier<RoutingSnapshot> snapshots, RoutingPolicy policy, NonceCodec nonces,
            DigestVerifier verifier, RegistrarLookup registrar, CallLimits limits, GatewayMonitor health,
            RandomGenerator random, InstantSource clock) {
        this.snapshots = snapshots;
        this.authenticator = new TrunkAuthenticator(nonces, verifier, policy);
        DidDelivery delivery = new DidDelivery(policy, registrar);
        this.outbound = new OutboundRouting(policy, new CarrierTargets(policy, health, random), delivery, limits,
                clock);
        this.inbound = new InboundRouting(policy, delivery, limits, clock);
        this.random = random;
    }

    public Decision decide(CallIntent intent) {
        RoutingSnapshot snapshot = snapshots.get();
        String decisionId = newDecisionId();
        String ip = intent.source().ip();
        // A verified certificate outranks every address rule: it names one trunk, an address only a network.
        Optional<Trunk> byCertificate = intent.verifiedTlsPeer()
                .flatMap(peer -> snapshot.trunkByCertificate(peer, ip));
        if (byCertificate.isPresent()) {
            return outbound.decide(decisionId, intent, byCertificate.get(), snapshot);
        }
        Optional<Carrier> carrier = snapshot.carrierBySource(ip);
        if (carrier.isPresent()) {
            return inbound.decide(decisionId, intent, carrier.get(), snapshot);
        }
        Optional<Trunk> byAddress = snapshot.trunkBySource(ip);
        if (byAddress.isPresent()) {
            Trunk trunk = byAddress.get();
            Transport transport = intent.source().transport();
            if (transport != null && !((TrunkAuth.ByAddress) trunk.auth()).transports().contains(transport)) {
                return new Decision.Reject(decisionId,
                        new CallContext(trunk.customerId(), trunk.id(), Direction.OUTBOUND, "", "", "", false),
                        RejectCause.TRANSPORT_NOT_ALLOWED, null);
            }
            return outbound.decide(decisionId, intent, trunk, snapshot);
        }
        TrunkAuthenticator.Result auth = authenticator.authenticate(intent, snapshot);
        if (auth instanceof TrunkAuthenticator.Authenticated) {
            Trunk trunk = ((TrunkAuthenticator.Authenticated) auth).entry().trunk();
            return outbound.decide(decisionId, intent, trunk, snapshot);
        }
        if (auth instanceof TrunkAuthenticator.ChallengeAgain) {
            return new Decision.Challenge(decisionId, ((TrunkAuthenticator.ChallengeAgain) auth).challenges());
        }
        return new Decision.Reject(decisionId, null, RejectCause.MALFORMED_CREDENTIALS, null);
    }

    private String newDecisionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HEX.formatHex(bytes);
    }
}
