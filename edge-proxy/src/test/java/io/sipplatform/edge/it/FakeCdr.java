package io.sipplatform.edge.it;

import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.cdr.v1.CallEvent;
import io.sipplatform.proto.cdr.v1.CdrIngest;
import io.sipplatform.proto.cdr.v1.PublishBatchRequest;
import io.sipplatform.proto.cdr.v1.PublishBatchResponse;
import io.sipplatform.proto.cdr.v1.PublishRequest;
import io.sipplatform.proto.cdr.v1.PublishResponse;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-process stand-in for cdr-service: keeps every event it is sent. */
@GrpcService
public class FakeCdr implements CdrIngest {
    static final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Uni<PublishResponse> publish(PublishRequest request) {
        events.add(request.getEvent());
        return Uni.createFrom().item(PublishResponse.getDefaultInstance());
    }

    @Override
    public Uni<PublishBatchResponse> publishBatch(PublishBatchRequest request) {
        events.addAll(request.getEventsList());
        return Uni.createFrom().item(PublishBatchResponse.getDefaultInstance());
    }
}
