package io.sipplatform.edge.it;

import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.media.v1.AnswerRequest;
import io.sipplatform.proto.media.v1.AnswerResponse;
import io.sipplatform.proto.media.v1.DeleteRequest;
import io.sipplatform.proto.media.v1.DeleteResponse;
import io.sipplatform.proto.media.v1.MutinyMediaRelayGrpc;
import io.sipplatform.proto.media.v1.OfferRequest;
import io.sipplatform.proto.media.v1.OfferResponse;
import io.sipplatform.proto.media.v1.QueryRequest;
import io.sipplatform.proto.media.v1.QueryResponse;
import io.sipplatform.proto.media.v1.RewrittenSdp;
import io.sipplatform.proto.media.v1.StreamStats;
import io.sipplatform.proto.media.v1.WatchEventsRequest;
import io.sipplatform.proto.media.v1.WatchEventsResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-process stand-in for media-relay-service: answers offers and answers with a fixed SDP, keeps each session's
 * latest non-empty teardown context (as the real relay does), records deletes and subscriptions, and emits the
 * events a test gives it on every open event stream.
 */
@GrpcService
public class FakeMediaRelay extends MutinyMediaRelayGrpc.MediaRelayImplBase {
    static final String SDP = "v=0\r\no=relay 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + "m=audio 30000 RTP/AVP 0\r\n";
    static final Map<String, ByteString> teardown = new ConcurrentHashMap<>();
    static final List<DeleteRequest> deletes = new CopyOnWriteArrayList<>();
    static final List<WatchEventsRequest> subscribers = new CopyOnWriteArrayList<>();
    static final BroadcastProcessor<WatchEventsResponse> events = BroadcastProcessor.create();

    @Override
    public Uni<OfferResponse> offer(OfferRequest request) {
        keep(request.getCallId(), request.getTeardown());
        return Uni.createFrom().item(OfferResponse.newBuilder().setRewritten(RewrittenSdp.newBuilder()
                .setSdp(ByteString.copyFromUtf8(SDP))).build());
    }

    @Override
    public Uni<AnswerResponse> answer(AnswerRequest request) {
        keep(request.getCallId(), request.getTeardown());
        return Uni.createFrom().item(AnswerResponse.newBuilder().setRewritten(RewrittenSdp.newBuilder()
                .setSdp(ByteString.copyFromUtf8(SDP))).build());
    }

    @Override
    public Uni<DeleteResponse> delete(DeleteRequest request) {
        deletes.add(request);
        return Uni.createFrom().item(DeleteResponse.newBuilder().setFound(true)
                .addStreams(StreamStats.newBuilder().setTag(request.getFromTag()).setMediaType("audio")
                        .setCodec("PCMU").setPackets(50))
                .build());
    }

    @Override
    public Uni<QueryResponse> query(QueryRequest request) {
        return Uni.createFrom().item(QueryResponse.getDefaultInstance());
    }

    @Override
    public Multi<WatchEventsResponse> watchEvents(WatchEventsRequest request) {
        subscribers.add(request);
        return events;
    }

    private static void keep(String callId, ByteString context) {
        if (!context.isEmpty()) {
            teardown.put(callId, context);
        }
    }
}
