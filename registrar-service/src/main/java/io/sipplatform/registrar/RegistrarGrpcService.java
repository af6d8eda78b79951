package io.sipplatform.registrar;

import io.grpc.Status;
import io.opentelemetry.api.trace.Span;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.registrar.v1.CountsRequest;
import io.sipplatform.proto.registrar.v1.CountsResponse;
import io.sipplatform.proto.registrar.v1.ListBindingsRequest;
import io.sipplatform.proto.registrar.v1.ListBindingsResponse;
import io.sipplatform.proto.registrar.v1.LookupRequest;
import io.sipplatform.proto.registrar.v1.LookupResponse;
import io.sipplatform.proto.registrar.v1.RegisterRequest;
import io.sipplatform.proto.registrar.v1.RegisterResponse;
import io.sipplatform.proto.registrar.v1.UnregisterRequest;
import io.sipplatform.proto.registrar.v1.UnregisterResponse;
import io.sipplatform.proto.common.v1.PageResponse;
import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.Binding;
import io.sipplatform.registrar.domain.BindingPage;
import io.sipplatform.registrar.domain.LocationCounts;
import io.sipplatform.registrar.domain.LocationStoreException;
import io.sipplatform.registrar.domain.RegisterOutcome;
import io.sipplatform.registrar.domain.Registrar;
import io.sipplatform.registrar.metrics.RegistrarMetrics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The Registrar gRPC API (sipplatform.registrar.v1). Runs on worker threads: the location store answers after its
 * owners acknowledged (DIST_SYNC) and credential lookups call routing-service, both blocking. SIP outcomes travel
 * as values; a gRPC error means no answer was produced (INVALID_ARGUMENT for a caller bug, UNAVAILABLE when the
 * store or the cluster cannot be used).
 */
@GrpcService
public class RegistrarGrpcService implements io.sipplatform.proto.registrar.v1.Registrar {
    private static final Logger LOG = Logger.getLogger(RegistrarGrpcService.class);
    /** Largest page the API allows (PageRequest.page_size). */
    private static final int MAX_PAGE_SIZE = 1000;

    private final Registrar registrar;
    private final RegistrarMetrics metrics;
    private final InstantSource clock;
    private final int defaultPageSize;

    public RegistrarGrpcService(Registrar registrar, RegistrarMetrics metrics, InstantSource clock,
            RegistrarConfig config) {
        this.registrar = registrar;
        this.metrics = metrics;
        this.clock = clock;
        this.defaultPageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, config.defaultPageSize()));
    }

    @Override
    @Blocking
    public Uni<RegisterResponse> register(RegisterRequest request) {
        return answer(() -> {
            // The gRPC span continues the edge's trace (traceparent in metadata); these tie it to the SIP request.
            Span span = Span.current();
            span.setAttribute("sip.call_id", request.getCallId());
            span.setAttribute("sip.aor", request.getAor());
            RegisterOutcome outcome = registrar.register(ProtoMapping.registration(request));
            span.setAttribute("sip.response.status_code", outcome.code());
            metrics.registration(outcome);
            return ProtoMapping.response(outcome, clock.instant());
        });
    }

    @Override
    @Blocking
    public Uni<LookupResponse> lookup(LookupRequest request) {
        return answer(() -> {
            Instant now = clock.instant();
            LookupResponse.Builder response = LookupResponse.newBuilder();
            for (Binding binding : registrar.lookup(new Aor(request.getAor()))) {
                response.addBindings(ProtoMapping.binding(binding, now));
            }
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<UnregisterResponse> unregister(UnregisterRequest request) {
        return answer(() -> {
            int removed;
            switch (request.getTargetCase()) {
                case AOR:
                    removed = registrar.unregister(new Aor(request.getAor()));
                    break;
                case CONTACT:
                    removed = registrar.unregister(new Aor(request.getContact().getAor()),
                            request.getContact().getContactUri());
                    break;
                case FLOW:
                    removed = registrar.unregister(ProtoMapping.flow(request.getFlow())
                            .orElseThrow(() -> new IllegalArgumentException("empty flow")));
                    break;
                default:
                    throw new IllegalArgumentException("set one of aor, contact or flow");
            }
            return UnregisterResponse.newBuilder().setRemoved(removed).build();
        });
    }

    @Override
    @Blocking
    public Uni<ListBindingsResponse> listBindings(ListBindingsRequest request) {
        return answer(() -> {
            int size = request.getPage().getPageSize();
            size = size == 0 ? defaultPageSize : Math.min(size, MAX_PAGE_SIZE);
            BindingPage page = registrar.list(request.getAorPrefix(),
                    ProtoMapping.pageCursor(request.getPage().getPageToken()), size);
            Instant now = clock.instant();
            ListBindingsResponse.Builder response = ListBindingsResponse.newBuilder();
            for (Binding binding : page.bindings()) {
                response.addBindings(ProtoMapping.binding(binding, now));
            }
            response.setPage(PageResponse.newBuilder()
                    .setNextPageToken(page.next().map(ProtoMapping::pageToken).orElse("")));
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<CountsResponse> counts(CountsRequest request) {
        return answer(() -> {
            LocationCounts counts = registrar.counts();
            return CountsResponse.newBuilder().setAors(counts.aors()).setBindings(counts.bindings())
                    .setBindingsWithFlow(counts.bindingsWithFlow())
                    .setCountedAt(ProtoMapping.timestamp(counts.countedAt())).build();
        });
    }

    /** Runs one call; maps the two ways of producing no answer to gRPC status. */
    private static <T> Uni<T> answer(Supplier<T> call) {
        try {
            return Uni.createFrom().item(call.get());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asException());
        } catch (LocationStoreException | IllegalStateException e) {
            LOG.warnf("location store unavailable: %s", e.toString());
            return Uni.createFrom().failure(Status.UNAVAILABLE.withDescription(e.getMessage()).withCause(e)
                    .asException());
        }
    }
}
