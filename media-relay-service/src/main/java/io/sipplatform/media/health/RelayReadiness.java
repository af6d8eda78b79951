package io.sipplatform.media.health;

import io.sipplatform.media.session.Sessions;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while a stream still fits in the range (two free pairs) and the relay is not draining. */
@Readiness
@ApplicationScoped
public class RelayReadiness implements HealthCheck {
    @Inject
    Sessions sessions;

    @Inject
    Vertx vertx;

    @Override
    public HealthCheckResponse call() {
        int free = sessions.ports().freePairs();
        boolean draining = sessions.draining();
        return HealthCheckResponse.named("media-relay").status(free >= 2 && !draining)
                .withData("freePorts", 2L * free).withData("draining", draining)
                .withData("transport", vertx.isNativeTransportEnabled() ? "epoll" : "nio").build();
    }
}
