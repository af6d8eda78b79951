package io.sipplatform.edge.it;

import com.google.protobuf.Duration;
import io.quarkus.grpc.GrpcService;
import io.sipplatform.proto.common.v1.DigestChallenge;
import io.sipplatform.proto.common.v1.SipOutcome;
import io.sipplatform.proto.registrar.v1.Binding;
import io.sipplatform.proto.registrar.v1.CountsRequest;
import io.sipplatform.proto.registrar.v1.CountsResponse;
import io.sipplatform.proto.registrar.v1.ListBindingsRequest;
import io.sipplatform.proto.registrar.v1.ListBindingsResponse;
import io.sipplatform.proto.registrar.v1.LookupRequest;
import io.sipplatform.proto.registrar.v1.LookupResponse;
import io.sipplatform.proto.registrar.v1.RegisterRequest;
import io.sipplatform.proto.registrar.v1.RegisterResponse;
import io.sipplatform.proto.registrar.v1.Registrar;
import io.sipplatform.proto.registrar.v1.UnregisterRequest;
import io.sipplatform.proto.registrar.v1.UnregisterResponse;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-process stand-in for registrar-service: challenges a REGISTER without credentials, accepts one with them. */
@GrpcService
public class FakeRegistrar implements Registrar {
    static final List<RegisterRequest> seen = new CopyOnWriteArrayList<>();

    @Override
    public Uni<RegisterResponse> register(RegisterRequest request) {
        seen.add(request);
        if (request.getAuthorizationCount() == 0) {
            return Uni.createFrom().item(RegisterResponse.newBuilder()
                    .setOutcome(SipOutcome.newBuilder().setCode(401).setReason("Unauthorized"))
                    .addChallenges(DigestChallenge.newBuilder().setRealm("sip.example.net").setNonce("n0nce")
                            .setAlgorithm("MD5").addQop("auth"))
                    .build());
        }
        RegisterResponse.Builder r = RegisterResponse.newBuilder()
                .setOutcome(SipOutcome.newBuilder().setCode(200).setReason("OK"));
        request.getContactsList().forEach(c -> r.addBindings(Binding.newBuilder().setAor(request.getAor())
                .setContactUri(c.getUri()).setExpiresIn(Duration.newBuilder().setSeconds(3600))));
        return Uni.createFrom().item(r.build());
    }

    @Override
    public Uni<LookupResponse> lookup(LookupRequest request) {
        return Uni.createFrom().item(LookupResponse.getDefaultInstance());
    }

    @Override
    public Uni<UnregisterResponse> unregister(UnregisterRequest request) {
        return Uni.createFrom().item(UnregisterResponse.getDefaultInstance());
    }

    @Override
    public Uni<ListBindingsResponse> listBindings(ListBindingsRequest request) {
        return Uni.createFrom().item(ListBindingsResponse.getDefaultInstance());
    }

    @Override
    public Uni<CountsResponse> counts(CountsRequest request) {
        return Uni.createFrom().item(CountsResponse.getDefaultInstance());
    }
}
