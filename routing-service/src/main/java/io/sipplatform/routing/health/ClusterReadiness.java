package io.sipplatform.routing.health;

import io.sipplatform.routing.cluster.ClusterNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the limit, health and roster caches run (clustered: joined and state transferred). */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {
    @Inject
    ClusterNode node;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cluster").status(node.running()).withData("members", node.members())
                .build();
    }
}
