package io.sipplatform.cdr.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.cdr.CdrConfig;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.metrics.CdrMetrics;
import io.sipplatform.cdr.store.CdrStore;
import io.sipplatform.cdr.store.IngestOutcome;
import io.sipplatform.cdr.store.StoreFailure;
import io.sipplatform.proto.cdr.v1.CdrIngestGrpc;
import io.sipplatform.proto.cdr.v1.PublishBatchRequest;
import io.sipplatform.proto.cdr.v1.PublishBatchResponse;
import io.sipplatform.proto.cdr.v1.PublishRequest;
import io.sipplatform.proto.cdr.v1.PublishResponse;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * sipplatform.cdr.v1.CdrIngest on worker threads (JDBC blocks). Answers only after the store committed; an invalid
 * event is INVALID_ARGUMENT (retrying it cannot help), a database failure UNAVAILABLE (retry the same events).
 */
@GrpcService
@Blocking
public class CdrIngestService extends CdrIngestGrpc.CdrIngestImplBase {
    private static final Logger LOG = Logger.getLogger(CdrIngestService.class);

    // Resolved per call: the gRPC server builds this service on an event loop before startup, and building the
    // store migrates the database; the startup observer in CdrWiring builds it on the main thread instead.
    @Inject
    Instance<CdrStore> store;

    @Inject
    ProtoEvents events;

    @Inject
    CdrMetrics metrics;

    @Inject
    CdrConfig config;

    @Override
    public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
        List<CallEvent> mapped = map(List.of(request.getEvent()), response);
        if (mapped == null) {
            return;
        }
        IngestOutcome outcome = store(mapped, response);
        if (outcome != null) {
            response.onNext(PublishResponse.newBuilder().setDuplicate(outcome.duplicates() == 1).build());
            response.onCompleted();
        }
    }

    @Override
    public void publishBatch(PublishBatchRequest request, StreamObserver<PublishBatchResponse> response) {
        int size = request.getEventsCount();
        if (size == 0 || size > config.ingest().maxBatch()) {
            metrics.rejected(size);
            response.onError(Status.INVALID_ARGUMENT
                    .withDescription("a batch holds 1.." + config.ingest().maxBatch() + " events, not " + size)
                    .asRuntimeException());
            return;
        }
        List<CallEvent> mapped = map(request.getEventsList(), response);
        if (mapped == null) {
            return;
        }
        IngestOutcome outcome = store(mapped, response);
        if (outcome != null) {
            response.onNext(PublishBatchResponse.newBuilder().setStored(outcome.stored())
                    .setDuplicates(outcome.duplicates()).build());
            response.onCompleted();
        }
    }

    private List<CallEvent> map(List<io.sipplatform.proto.cdr.v1.CallEvent> wire, StreamObserver<?> response) {
        List<CallEvent> mapped = new ArrayList<>(wire.size());
        for (int i = 0; i < wire.size(); i++) {
            try {
                mapped.add(events.fromEdge(wire.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                metrics.rejected(wire.size());
                response.onError(Status.INVALID_ARGUMENT.withDescription("event " + i + ": " + e.getMessage())
                        .asRuntimeException());
                return null;
            }
        }
        return mapped;
    }

    private IngestOutcome store(List<CallEvent> mapped, StreamObserver<?> response) {
        Instant started = Instant.now();
        try {
            IngestOutcome outcome = store.get().ingest(mapped);
            Instant committed = Instant.now();
            metrics.committed(mapped, outcome.stored(), outcome.duplicates(), outcome.written(),
                    Duration.between(started, committed), committed);
            return outcome;
        } catch (StoreFailure e) {
            LOG.warnf(e, "%d event(s) not stored; the edge retries", mapped.size());
            response.onError(Status.UNAVAILABLE.withDescription("not stored, retry: " + e.getMessage())
                    .asRuntimeException());
            return null;
        }
    }
}
