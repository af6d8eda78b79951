package io.sipplatform.registrar.credentials;

import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.sipplatform.proto.routing.v1.DigestHa1;
import io.sipplatform.proto.routing.v1.GetCredentialsRequest;
import io.sipplatform.proto.routing.v1.GetCredentialsResponse;
import io.sipplatform.proto.routing.v1.MutinyRoutingGrpc;
import io.sipplatform.registrar.RegistrarConfig;
import io.sipplatform.registrar.domain.Aor;
import io.sipplatform.registrar.domain.CredentialsSource;
import io.sipplatform.registrar.domain.CredentialsUnavailableException;
import io.sipplatform.registrar.domain.DigestAccount;
import io.sipplatform.sip.digest.DigestAlgorithm;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Digest accounts from routing-service's provisioning ({@code Routing.GetCredentials}), one call per REGISTER that
 * carries credentials, bounded by {@code registrar.credentials.deadline}. An unreachable or slow routing-service
 * becomes {@link CredentialsUnavailableException}, which the registrar answers with 503 and Retry-After.
 */
@Singleton
@Typed(RoutingCredentialsSource.class) // chosen by RegistrarBeans from configuration, never injected as the port
public class RoutingCredentialsSource implements CredentialsSource {
    private static final Logger LOG = Logger.getLogger(RoutingCredentialsSource.class);

    private final MutinyRoutingGrpc.MutinyRoutingStub routing;
    private final Duration deadline;

    public RoutingCredentialsSource(@GrpcClient("routing") MutinyRoutingGrpc.MutinyRoutingStub routing,
            RegistrarConfig config) {
        this.routing = routing;
        this.deadline = config.credentials().deadline();
    }

    @Override
    public Optional<DigestAccount> find(String username, String realm) {
        GetCredentialsResponse response;
        try {
            response = routing.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getCredentials(GetCredentialsRequest.newBuilder().setUsername(username).setRealm(realm).build())
                    // The gRPC deadline ends the call; the await bound only guards against a stuck stub.
                    .await().atMost(deadline.plusSeconds(1));
        } catch (StatusRuntimeException | io.smallrye.mutiny.TimeoutException e) {
            throw new CredentialsUnavailableException("GetCredentials failed: " + e.getMessage(), e);
        }
        if (!response.getFound()) {
            return Optional.empty();
        }
        Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
        for (DigestHa1 entry : response.getHa1List()) {
            Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(entry.getAlgorithm());
            if (algorithm.isPresent()) {
                ha1.put(algorithm.get(), entry.getHa1());
            } else {
                LOG.debugf("ignoring HA1 of unknown algorithm %s for %s", entry.getAlgorithm(), username);
            }
        }
        List<Aor> aors = new ArrayList<>();
        for (String aor : response.getAorsList()) {
            try {
                aors.add(new Aor(aor));
            } catch (IllegalArgumentException e) {
                LOG.warnf("routing-service sent an invalid AOR %s for %s; ignored", aor, username);
            }
        }
        return Optional.of(new DigestAccount(username, realm, ha1, aors, response.getCustomerId(),
                response.getTrunkId()));
    }
}
