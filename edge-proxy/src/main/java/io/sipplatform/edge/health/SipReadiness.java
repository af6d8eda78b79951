package io.sipplatform.edge.health;

import io.sipplatform.edge.wiring.SipEdge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the SIP listeners are bound and wired and the edge is not shutting down. */
@Readiness
@ApplicationScoped
public class SipReadiness implements HealthCheck {
    @Inject
    SipEdge edge;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("sip-listeners").status(edge.ready()).build();
    }
}
