package io.sipplatform.routing.grpc;

import com.google.protobuf.Timestamp;
import io.sipplatform.proto.common.v1.CallDirection;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.routing.v1.CallContext;
import io.sipplatform.proto.routing.v1.Challenge;
import io.sipplatform.proto.routing.v1.DecideResponse;
import io.sipplatform.proto.routing.v1.DigestHa1;
import io.sipplatform.proto.routing.v1.FailoverPolicy;
import io.sipplatform.proto.routing.v1.HeaderEdits;
import io.sipplatform.proto.routing.v1.HeaderField;
import io.sipplatform.proto.routing.v1.LimitLease;
import io.sipplatform.proto.routing.v1.MediaPolicy;
import io.sipplatform.proto.routing.v1.OutboundCredentials;
import io.sipplatform.proto.routing.v1.Proxy;
import io.sipplatform.proto.routing.v1.Redirect;
import io.sipplatform.proto.routing.v1.RedirectContact;
import io.sipplatform.proto.routing.v1.Reject;
import io.sipplatform.proto.routing.v1.Target;
import io.sipplatform.proto.routing.v1.TargetGroup;
import io.sipplatform.routing.domain.Decision;
import io.sipplatform.routing.domain.DigestAccount;
import io.sipplatform.routing.domain.Direction;
import io.sipplatform.routing.domain.Transport;
import io.sipplatform.sip.digest.DigestChallenge;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link Decision} (domain) to DecideResponse (protobuf). */
final class DecisionMapping {
    private DecisionMapping() {
    }

    static DecideResponse response(Decision decision) {
        DecideResponse.Builder out = DecideResponse.newBuilder().setDecisionId(decision.decisionId());
        if (decision.context() != null) {
            out.setContext(context(decision.context()));
        }
        if (decision instanceof Decision.Reject) {
            Decision.Reject r = (Decision.Reject) decision;
            SipOutcome.Builder outcome = SipOutcome.newBuilder().setCode(r.cause().code())
                    .setReason(r.cause().reason()).setQ850Cause(r.cause().q850());
            if (r.retryAfter() != null) {
                outcome.setRetryAfter(duration(r.retryAfter()));
            }
            out.setReject(Reject.newBuilder().setOutcome(outcome));
        } else if (decision instanceof Decision.Challenge) {
            Challenge.Builder challenge = Challenge.newBuilder();
            for (DigestChallenge c : ((Decision.Challenge) decision).challenges()) {
                challenge.addChallenges(challenge(c));
            }
            out.setChallenge(challenge);
        } else if (decision instanceof Decision.Redirect) {
            Decision.Redirect r = (Decision.Redirect) decision;
            Redirect.Builder redirect = Redirect.newBuilder().setOutcome(SipOutcome.newBuilder().setCode(r.code()));
            for (io.sipplatform.routing.domain.RedirectContact c : r.contacts()) {
                RedirectContact.Builder contact = RedirectContact.newBuilder().setUri(c.uri());
                if (c.qMilli() != null) {
                    contact.setQMilli(c.qMilli());
                }
                redirect.addContacts(contact);
            }
            out.setRedirect(redirect);
        } else {
            out.setProxy(proxy((Decision.Proxy) decision));
        }
        return out.build();
    }

    private static Proxy proxy(Decision.Proxy p) {
        Proxy.Builder proxy = Proxy.newBuilder().setHeaders(headers(p.headers()));
        for (io.sipplatform.routing.domain.TargetGroup g : p.groups()) {
            TargetGroup.Builder group = TargetGroup.newBuilder().setFailover(failover(g.failover()));
            for (io.sipplatform.routing.domain.Target t : g.targets()) {
                group.addTargets(target(t));
            }
            proxy.addGroups(group);
        }
        io.sipplatform.routing.domain.MediaPolicy m = p.media();
        proxy.setMedia(MediaPolicy.newBuilder().setRelay(m.relay()).addAllCodecAllow(m.codecs())
                .setStripIce(m.stripIce()));
        if (p.lease() != null) {
            proxy.setLease(LimitLease.newBuilder().setLeaseId(p.lease().id())
                    .setExpiresAt(timestamp(p.lease().expiresAt())));
        }
        return proxy.build();
    }

    private static Target target(io.sipplatform.routing.domain.Target t) {
        Target.Builder target = Target.newBuilder().setRequestUri(t.requestUri())
                .setDestinationUri(t.destinationUri()).setTransport(transport(t.transport()))
                .addAllRoute(t.route()).setCarrierId(t.carrierId()).setGatewayId(t.gatewayId());
        if (t.flow() != null) {
            target.setFlow(io.sipplatform.proto.common.v1.FlowRef.newBuilder().setEdgeId(t.flow().edgeId())
                    .setFlowToken(t.flow().flowToken()));
        }
        if (t.progressTimeout() != null) {
            target.setProgressTimeout(duration(t.progressTimeout()));
        }
        if (t.answerTimeout() != null) {
            target.setAnswerTimeout(duration(t.answerTimeout()));
        }
        if (t.credentials() != null) {
            DigestAccount a = t.credentials();
            target.setCredentials(OutboundCredentials.newBuilder().setUsername(a.username()).setRealm(a.realm())
                    .addAllHa1(ha1s(a)));
        }
        return target.build();
    }

    /** HA1 values of an account, SHA-256 first. */
    static List<DigestHa1> ha1s(DigestAccount a) {
        List<DigestHa1> out = new ArrayList<>(2);
        if (a.ha1Sha256() != null) {
            out.add(DigestHa1.newBuilder().setAlgorithm("SHA-256").setHa1(a.ha1Sha256()).build());
        }
        if (a.ha1Md5() != null) {
            out.add(DigestHa1.newBuilder().setAlgorithm("MD5").setHa1(a.ha1Md5()).build());
        }
        return out;
    }

    private static FailoverPolicy failover(io.sipplatform.routing.domain.FailoverPolicy f) {
        return FailoverPolicy.newBuilder().addAllCodes(f.codes()).addAllClasses(f.classes())
                .setOnTimeout(f.onTimeout()).setOnTransportError(f.onTransportError()).build();
    }

    private static HeaderEdits headers(io.sipplatform.routing.domain.HeaderEdits h) {
        HeaderEdits.Builder edits = HeaderEdits.newBuilder().addAllRemove(h.remove());
        for (io.sipplatform.routing.domain.HeaderEdits.Field f : h.add()) {
            edits.addAdd(HeaderField.newBuilder().setName(f.name()).setValue(f.value()));
        }
        return edits.build();
    }

    private static io.sipplatform.proto.common.v1.DigestChallenge challenge(DigestChallenge c) {
        io.sipplatform.proto.common.v1.DigestChallenge.Builder out = io.sipplatform.proto.common.v1.DigestChallenge
                .newBuilder().setRealm(c.realm()).setNonce(c.nonce()).setAlgorithm(c.algorithm().token())
                .setStale(c.stale());
        if (c.opaque() != null) {
            out.setOpaque(c.opaque());
        }
        if (c.qopAuth()) {
            out.addQop("auth");
        }
        return out.build();
    }

    private static CallContext context(io.sipplatform.routing.domain.CallContext c) {
        return CallContext.newBuilder().setCustomerId(c.customerId()).setTrunkId(c.trunkId())
                .setDirection(c.direction() == Direction.INBOUND ? CallDirection.CALL_DIRECTION_INBOUND
                        : c.direction() == Direction.OUTBOUND ? CallDirection.CALL_DIRECTION_OUTBOUND
                        : CallDirection.CALL_DIRECTION_UNSPECIFIED)
                .setCallerE164(c.callerE164()).setCalleeE164(c.calleeE164()).setRoutePrefix(c.routePrefix())
                .setEmergency(c.emergency()).build();
    }

    static io.sipplatform.proto.common.v1.Transport transport(Transport t) {
        if (t == null) {
            return io.sipplatform.proto.common.v1.Transport.TRANSPORT_UNSPECIFIED;
        }
        switch (t) {
            case UDP:
                return io.sipplatform.proto.common.v1.Transport.TRANSPORT_UDP;
            case TCP:
                return io.sipplatform.proto.common.v1.Transport.TRANSPORT_TCP;
            case TLS:
                return io.sipplatform.proto.common.v1.Transport.TRANSPORT_TLS;
            case WS:
                return io.sipplatform.proto.common.v1.Transport.TRANSPORT_WS;
            default:
                return io.sipplatform.proto.common.v1.Transport.TRANSPORT_WSS;
        }
    }

    static com.google.protobuf.Duration duration(Duration d) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    static Timestamp timestamp(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }
}
