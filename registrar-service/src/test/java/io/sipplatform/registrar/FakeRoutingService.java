package io.sipplatform.registrar;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.routing.v1.DigestHa1;
import io.sipplatform.proto.routing.v1.GetCredentialsRequest;
import io.sipplatform.proto.routing.v1.GetCredentialsResponse;
import io.sipplatform.proto.routing.v1.MutinyRoutingGrpc;
import io.sipplatform.sip.digest.DigestAlgorithm;
import io.sipplatform.sip.digest.Ha1;
import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * routing-service's GetCredentials as a fake served by the test application itself: carol is provisioned, "slow"
 * answers after the registrar's deadline, "broken" fails, anyone else is unknown.
 */
@GrpcService
public class FakeRoutingService extends MutinyRoutingGrpc.RoutingImplBase {

    @Override
    public Uni<GetCredentialsResponse> getCredentials(GetCredentialsRequest request) {
        switch (request.getUsername()) {
            case "carol":
                return Uni.createFrom().item(GetCredentialsResponse.newBuilder().setFound(true)
                        .addHa1(DigestHa1.newBuilder().setAlgorithm("SHA-256")
                                .setHa1(Ha1.of(DigestAlgorithm.SHA_256, "carol", request.getRealm(), "secret")))
                        .addHa1(DigestHa1.newBuilder().setAlgorithm("MD5")
                                .setHa1(Ha1.of(DigestAlgorithm.MD5, "carol", request.getRealm(), "secret")))
                        .setCustomerId("customer-7").setTrunkId("trunk-9")
                        .addAors("sip:carol@example.com").addAors("sip:sales@example.com").build());
            case "slow":
                return Uni.createFrom().item(GetCredentialsResponse.newBuilder().setFound(false).build())
                        .onItem().delayIt().by(Duration.ofSeconds(3));
            case "broken":
                return Uni.createFrom().failure(Status.INTERNAL.withDescription("database down").asException());
            default:
                return Uni.createFrom().item(GetCredentialsResponse.newBuilder().setFound(false).build());
        }
    }
}
