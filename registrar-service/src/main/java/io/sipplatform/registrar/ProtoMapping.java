package io.sipplatform.registrar;

import com.google.protobuf.Timestamp;
import io.sipplatform.proto.common.v1.DigestChallenge;
import io.sipplatform.proto.common.v1.DigestCredentials;
import io.sipplatform.proto.common.v1.FlowRef;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.common.v1.Transport;
import io.sipplatform.proto.common.v1.TransportAddress;
import io.sipplatform.proto.registrar.v1.RegisterRequest;
import io.sipplatform.proto.registrar.v1.RegisterResponse;
import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.DigestFields;
import io.sipplatform.registrar.domain.Flow;
import io.sipplatform.registrar.domain.PageCursor;
import io.sipplatform.registrar.domain.RegisterOutcome;
import io.sipplatform.registrar.domain.Registration;
import io.sipplatform.registrar.domain.RequestedContact;
import io.sipplatform.registrar.domain.SourceAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Protobuf to domain and back, the only place both kinds of types meet. Values the domain refuses to construct
 * (an empty AOR, a negative Duration) are caller bugs and surface as IllegalArgumentException, which the service
 * answers with INVALID_ARGUMENT; everything a UA may get wrong is a SIP outcome decided by the domain.
 */
final class ProtoMapping {
    private static final Base64.Encoder TOKEN_ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder TOKEN_DECODER = Base64.getUrlDecoder();

    private ProtoMapping() {
    }

    static Registration registration(RegisterRequest request) {
        List<RequestedContact> contacts = new ArrayList<>(request.getContactsCount());
        for (io.sipplatform.proto.registrar.v1.RequestedContact c : request.getContactsList()) {
            contacts.add(new RequestedContact(c.getUri(),
                    c.hasExpires() ? Optional.of(duration(c.getExpires())) : Optional.empty(),
                    c.hasQMilli() ? OptionalInt.of(c.getQMilli()) : OptionalInt.empty(), c.getInstanceId(),
                    c.getRegId()));
        }
        List<DigestFields> authorization = new ArrayList<>(request.getAuthorizationCount());
        for (DigestCredentials d : request.getAuthorizationList()) {
            authorization.add(new DigestFields(d.getUsername(), d.getRealm(), d.getNonce(), d.getUri(),
                    d.getResponse(), d.getAlgorithm(), d.getCnonce(), d.getOpaque(), d.getQop(), d.getNonceCount(),
                    d.getUserhash(), d.getMethod()));
        }
        return new Registration(new Aor(request.getAor()), request.getRequestUri(), contacts, request.getWildcard(),
                request.hasExpires() ? Optional.of(duration(request.getExpires())) : Optional.empty(),
                request.getCallId(), Integer.toUnsignedLong(request.getCseq()),
                request.hasSource() ? source(request.getSource()) : Optional.empty(), request.getPathList(),
                request.hasFlow() ? flow(request.getFlow()) : Optional.empty(), authorization,
                new HashSet<>(request.getSupportedList()), new HashSet<>(request.getRequireList()),
                request.getUserAgent());
    }

    static RegisterResponse response(RegisterOutcome outcome, Instant now) {
        SipOutcome.Builder sip = SipOutcome.newBuilder().setCode(outcome.code()).setReason(outcome.reason());
        RegisterResponse.Builder response = RegisterResponse.newBuilder();
        if (outcome instanceof RegisterOutcome.Registered) {
            RegisterOutcome.Registered registered = (RegisterOutcome.Registered) outcome;
            for (Binding binding : registered.bindings()) {
                response.addBindings(binding(binding, now));
            }
            response.addAllPath(registered.path()).setOutbound(registered.outbound());
        } else if (outcome instanceof RegisterOutcome.Challenged) {
            for (io.sipplatform.sip.digest.DigestChallenge c : ((RegisterOutcome.Challenged) outcome).challenges()) {
                DigestChallenge.Builder challenge = DigestChallenge.newBuilder().setRealm(c.realm())
                        .setNonce(c.nonce()).setAlgorithm(c.algorithm().token()).setStale(c.stale());
                if (c.opaque() != null) {
                    challenge.setOpaque(c.opaque());
                }
                if (c.qopAuth()) {
                    challenge.addQop("auth");
                }
                response.addChallenges(challenge);
            }
        } else {
            RegisterOutcome.Rejected rejected = (RegisterOutcome.Rejected) outcome;
            rejected.minExpires().ifPresent(d -> response.setMinExpires(duration(d)));
            response.addAllUnsupported(new TreeSet<>(rejected.unsupported()));
            rejected.retryAfter().ifPresent(d -> sip.setRetryAfter(duration(d)));
        }
        return response.setOutcome(sip).build();
    }

    static io.sipplatform.proto.registrar.v1.Binding binding(Binding b, Instant now) {
        io.sipplatform.proto.registrar.v1.Binding.Builder out = io.sipplatform.proto.registrar.v1.Binding.newBuilder()
                .setAor(b.aor().uri())
                .setContactUri(b.contactUri())
                .setExpiresIn(duration(b.remainingAt(now)))
                .setExpiresAt(timestamp(b.expiresAt()))
                .setInstanceId(b.instanceId())
                .setRegId(b.regId())
                .setCallId(b.callId())
                .setCseq((int) b.cseq())
                .addAllPath(b.path())
                .setUserAgent(b.userAgent())
                .setUpdatedAt(timestamp(b.updatedAt()))
                .setSite(b.site());
        b.qMilli().ifPresent(out::setQMilli);
        b.source().ifPresent(s -> out.setSource(TransportAddress.newBuilder().setIp(s.ip()).setPort(s.port())
                .setTransport(transport(s.transport()))));
        b.flow().ifPresent(f -> out.setFlow(flowRef(f)));
        return out.build();
    }

    static Optional<SourceAddress> source(TransportAddress address) {
        if (address.getIp().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SourceAddress(address.getIp(), address.getPort(), token(address.getTransport())));
    }

    static Optional<Flow> flow(FlowRef flow) {
        if (flow.getEdgeId().isEmpty() && flow.getFlowToken().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flow(flow.getEdgeId(), flow.getFlowToken()));
    }

    static FlowRef flowRef(Flow flow) {
        return FlowRef.newBuilder().setEdgeId(flow.edgeId()).setFlowToken(flow.flowToken()).build();
    }

    private static String token(Transport transport) {
        return switch (transport) {
            case TRANSPORT_UDP -> "UDP";
            case TRANSPORT_TCP -> "TCP";
            case TRANSPORT_TLS -> "TLS";
            case TRANSPORT_WS -> "WS";
            case TRANSPORT_WSS -> "WSS";
            default -> "";
        };
    }

    private static Transport transport(String token) {
        return switch (token) {
            case "UDP" -> Transport.TRANSPORT_UDP;
            case "TCP" -> Transport.TRANSPORT_TCP;
            case "TLS" -> Transport.TRANSPORT_TLS;
            case "WS" -> Transport.TRANSPORT_WS;
            case "WSS" -> Transport.TRANSPORT_WSS;
            default -> Transport.TRANSPORT_UNSPECIFIED;
        };
    }

    static Duration duration(com.google.protobuf.Duration d) {
        return Duration.ofSeconds(d.getSeconds(), d.getNanos());
    }

    static com.google.protobuf.Duration duration(Duration d) {
        return com.google.protobuf.Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Opaque page token: base64url of "aor LF contact"; LF cannot occur in a URI. */
    static String pageToken(PageCursor cursor) {
        return TOKEN_ENCODER.encodeToString((cursor.aor().uri() + "\n" + cursor.contactUri())
                .getBytes(StandardCharsets.UTF_8));
    }

    static Optional<PageCursor> pageCursor(String token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        String text = new String(TOKEN_DECODER.decode(token), StandardCharsets.UTF_8);
        int lf = text.indexOf('\n');
        if (lf < 0) {
            throw new IllegalArgumentException("malformed page token");
        }
        return Optional.of(new PageCursor(new Aor(text.substring(0, lf)), text.substring(lf + 1)));
    }
}
