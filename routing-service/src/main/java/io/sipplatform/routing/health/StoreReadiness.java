package io.sipplatform.routing.health;

import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.store.SnapshotRefresher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when a snapshot is loaded and the store answered a poll within five poll intervals (at least 5 s). A
 * replica whose database is gone keeps deciding on its last snapshot but leaves the load balancer, so admin writes
 * and edges go to replicas that see changes.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    @Inject
    SnapshotRefresher snapshots;

    @Inject
    RoutingConfig config;

    @Override
    public HealthCheckResponse call() {
        Duration allowed = config.store().pollInterval().multipliedBy(5);
        if (allowed.compareTo(Duration.ofSeconds(5)) < 0) {
            allowed = Duration.ofSeconds(5);
        }
        boolean fresh = snapshots.lastPoll().plus(allowed).isAfter(Instant.now());
        return HealthCheckResponse.named("provisioning-store").status(snapshots.loaded() && fresh)
                .withData("revision", snapshots.get().version())
                .withData("lastPoll", snapshots.lastPoll().toString()).build();
    }
}
