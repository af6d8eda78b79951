package io.sipplatform.media.grpc;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.media.MediaRelayConfig;
import io.sipplatform.media.RelayIdentity;
import io.sipplatform.media.events.EventGroups;
import io.sipplatform.media.events.TooManyGroups;
import io.sipplatform.media.relay.MediaEvent;
import io.sipplatform.media.relay.SideStats;
import io.sipplatform.media.relay.Teardown;
import io.sipplatform.media.session.Anchored;
import io.sipplatform.media.session.Draining;
import io.sipplatform.media.session.PortsExhausted;
import io.sipplatform.media.session.SdpCommand;
import io.sipplatform.media.session.Sessions;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.DeleteResponse;
import io.sipplatform.proto.media.v1.IpFamily;
import io.sipplatform.proto.media.v1.MediaFlags;
import io.sipplatform.proto.media.v1.MediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import io.sipplatform.proto.media.v1.QueryRequest;
import io.sipplatform.proto.media.v1.QueryResponse;
import io.sipplatform.proto.media.v1.WatchEventsRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.sdp.SessionDescription;
import io.vertx.core.Future;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.function.Function;

/**
 * sipplatform.media.v1.MediaRelay. Runs on the gRPC event loop and never blocks: socket binding completes
 * asynchronously and the response is sent from its callback.
 */
@GrpcService
public class MediaRelayGrpcService extends MediaRelayGrpc.MediaRelayImplBase {
    private static final Logger LOG = Logger.getLogger(MediaRelayGrpcService.class);

    @Inject
    Sessions sessions;

    @Inject
    RelayIdentity identity;

    @Inject
    EventGroups<MediaEvent> events;

    @Inject
    MediaRelayConfig config;

    @Override
    public void offer(OfferRequest request, StreamObserver<OfferResponse> response) {
        anchor(request.getCallId(), request.getFromTag(), request.getToTag(), request.getSdp().toByteArray(),
                request.getFlags(), request.getSignallingSource().getIp(), request.getTeardown(), true, response,
                this::offerResponse);
    }

    @Override
    public void answer(AnswerRequest request, StreamObserver<AnswerResponse> response) {
        if (request.getToTag().isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("to_tag is required").asRuntimeException());
            return;
        }
        anchor(request.getCallId(), request.getFromTag(), request.getToTag(), request.getSdp().toByteArray(),
                request.getFlags(), request.getSignallingSource().getIp(), request.getTeardown(), false, response,
                this::answerResponse);
    }

    private OfferResponse offerResponse(Anchored a) {
        OfferResponse.Builder b = OfferResponse.newBuilder();
        if (a instanceof Anchored.Rewritten r) {
            return b.setRewritten(ProtoMapping.rewritten(r, identity.id())).build();
        }
        return b.setRejected(ProtoMapping.outcome((Anchored.Rejected) a)).build();
    }

    private AnswerResponse answerResponse(Anchored a) {
        AnswerResponse.Builder b = AnswerResponse.newBuilder();
        if (a instanceof Anchored.Rewritten r) {
            return b.setRewritten(ProtoMapping.rewritten(r, identity.id())).build();
        }
        return b.setRejected(ProtoMapping.outcome((Anchored.Rejected) a)).build();
    }

    private <T> void anchor(String callId, String fromTag, String toTag, byte[] body, MediaFlags flags,
                            String signallingSource, ByteString teardown, boolean offer,
                            StreamObserver<T> response, Function<Anchored, T> mapping) {
        if (callId.isEmpty() || fromTag.isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("call_id and from_tag are required")
                    .asRuntimeException());
            return;
        }
        if (teardown.size() > Teardown.MAX_BYTES) { // a caller bug: truncating would send BYEs to half a route set
            response.onError(Status.INVALID_ARGUMENT.withDescription("teardown is " + teardown.size()
                    + " bytes, at most " + Teardown.MAX_BYTES + " allowed").asRuntimeException());
            return;
        }
        Future<Anchored> result;
        if (!familyMatches(flags.getIpFamily())) {
            result = Future.succeededFuture(new Anchored.Rejected(488, "Relay has no address of that family"));
        } else {
            SessionDescription sdp;
            try {
                sdp = SessionDescription.parse(body);
            } catch (SipParseException e) {
                respond(response, mapping.apply(new Anchored.Rejected(400, "Malformed SDP")));
                return;
            }
            SdpCommand command = new SdpCommand(callId, fromTag, toTag, sdp, ProtoMapping.policy(flags),
                    signallingSource, Teardown.of(teardown.toByteArray()));
            try {
                result = offer ? sessions.offer(command) : sessions.answer(command);
            } catch (RuntimeException e) {
                result = Future.failedFuture(e);
            }
        }
        result.onComplete(done -> {
            if (done.succeeded()) {
                respond(response, mapping.apply(done.result()));
            } else {
                response.onError(status(done.cause()).asRuntimeException());
            }
        });
    }

    private boolean familyMatches(IpFamily family) {
        boolean v6 = sessions.advertisedAddress().indexOf(':') >= 0;
        return switch (family) {
            case IP_FAMILY_IPV4 -> !v6;
            case IP_FAMILY_IPV6 -> v6;
            default -> true;
        };
    }

    private static Status status(Throwable cause) {
        if (cause instanceof PortsExhausted) {
            return Status.RESOURCE_EXHAUSTED.withDescription(cause.getMessage());
        }
        if (cause instanceof Draining) {
            return Status.UNAVAILABLE.withDescription(cause.getMessage());
        }
        LOG.errorf(cause, "anchoring failed");
        return Status.INTERNAL.withDescription("anchoring failed");
    }

    private static <T> void respond(StreamObserver<T> response, T value) {
        response.onNext(value);
        response.onCompleted();
    }

    @Override
    public void delete(DeleteRequest request, StreamObserver<DeleteResponse> response) {
        if (request.getCallId().isEmpty()) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("call_id is required").asRuntimeException());
            return;
        }
        Sessions.Deleted deleted = sessions.delete(request.getCallId(), request.getFromTag(), request.getToTag());
        DeleteResponse.Builder b = DeleteResponse.newBuilder().setFound(deleted.found());
        for (SideStats s : deleted.streams()) {
            b.addStreams(ProtoMapping.stats(s));
        }
        respond(response, b.build());
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> response) {
        QueryResponse.Builder b = QueryResponse.newBuilder().setRelayId(identity.id());
        sessions.query(request.getCallId()).ifPresent(view -> {
            b.setFound(true).setCreatedAt(ProtoMapping.timestamp(view.createdAt()));
            for (SideStats s : view.streams()) {
                b.addStreams(ProtoMapping.stats(s));
            }
        });
        respond(response, b.build());
    }

    @Override
    public void watchEvents(WatchEventsRequest request, StreamObserver<WatchEventsResponse> response) {
        String group = request.getGroup();
        if (!EventGroups.isValidGroup(group)) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(
                    "group must be empty or 1-64 letters, digits, '.', '_' or '-'").asRuntimeException());
            return;
        }
        if (!(response instanceof ServerCallStreamObserver<WatchEventsResponse> call)) {
            response.onError(Status.INTERNAL.withDescription("no flow control on this stream").asRuntimeException());
            return;
        }
        EventStream stream = new EventStream(call, request.getSubscriberId(), config.eventBuffer(),
                event -> ProtoMapping.event(event, identity.id()));
        try {
            stream.start(events.subscription(group, stream));
        } catch (TooManyGroups e) {
            response.onError(Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage()).asRuntimeException());
        }
    }
}
