package io.sipplatform.routing.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.sipplatform.proto.registrar.v1.Binding;
import io.sipplatform.proto.registrar.v1.LookupRequest;
import io.sipplatform.proto.registrar.v1.RegistrarGrpc;
import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.domain.FlowRef;
import io.sipplatform.routing.domain.RegisteredContact;
import io.sipplatform.routing.domain.RegistrarLookup;
import io.sipplatform.routing.domain.SourceAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link RegistrarLookup} over registrar-service's Lookup rpc, with a deadline. */
@ApplicationScoped
public class RegistrarClient implements RegistrarLookup {

    @GrpcClient("registrar")
    RegistrarGrpc.RegistrarBlockingStub registrar;

    @Inject
    RoutingConfig config;

    @Override
    public List<RegisteredContact> contacts(String aor) {
        try {
            List<Binding> bindings;
            try {
                bindings = lookup(aor);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE) {
                    throw e;
                }
                // a registrar node just died: the balancer's next pick is another node (Lookup is idempotent)
                bindings = lookup(aor);
            }
            List<RegisteredContact> out = new ArrayList<>(bindings.size());
            for (Binding b : bindings) {
                FlowRef flow = b.hasFlow() ? new FlowRef(b.getFlow().getEdgeId(), b.getFlow().getFlowToken()) : null;
                out.add(new RegisteredContact(b.getContactUri(), b.getPathList(), flow,
                        b.hasQMilli() ? b.getQMilli() : null, received(b)));
            }
            return out;
        } catch (StatusRuntimeException e) {
            throw new Unavailable("registrar lookup failed: " + e.getStatus(), e);
        }
    }

    /** The REGISTER's public source, or null when the registrar recorded none. */
    private static SourceAddress received(Binding b) {
        if (!b.hasSource() || b.getSource().getIp().isEmpty() || b.getSource().getPort() == 0) {
            return null;
        }
        return new SourceAddress(b.getSource().getIp(), b.getSource().getPort(),
                IntentMapping.transport(b.getSource().getTransport()));
    }

    private List<Binding> lookup(String aor) {
        return registrar.withDeadlineAfter(config.registrar().deadline().toMillis(), TimeUnit.MILLISECONDS)
                .lookup(LookupRequest.newBuilder().setAor(aor).build()).getBindingsList();
    }
}
