package io.sipplatform.routing.app;

import io.grpc.stub.StreamObserver;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.common.v1.FlowRef;
import io.sipplatform.proto.registrar.v1.Binding;
import io.sipplatform.proto.registrar.v1.LookupRequest;
import io.sipplatform.proto.registrar.v1.LookupResponse;
import io.sipplatform.proto.registrar.v1.RegistrarGrpc;

/**
 * Stands in for registrar-service in the test app: the routing service's registrar client is redirected to the test
 * gRPC server, where this answers Lookup. {@code sip:office@acme.example} has two contacts, everything else none.
 */
@GrpcService
public class FakeRegistrarService extends RegistrarGrpc.RegistrarImplBase {
    static final String AOR = "sip:office@acme.example";

    @Override
    public void lookup(LookupRequest request, StreamObserver<LookupResponse> response) {
        LookupResponse.Builder out = LookupResponse.newBuilder();
        if (AOR.equals(request.getAor())) {
            out.addBindings(Binding.newBuilder().setAor(AOR).setContactUri("sip:desk@10.0.0.5:5060")
                    .addPath("<sip:edge-1.example;lr>")
                    .setFlow(FlowRef.newBuilder().setEdgeId("edge-1").setFlowToken("f1")).setQMilli(1000));
            out.addBindings(Binding.newBuilder().setAor(AOR).setContactUri("sip:mobile@10.0.0.6:5060"));
        }
        response.onNext(out.build());
        response.onCompleted();
    }
}
