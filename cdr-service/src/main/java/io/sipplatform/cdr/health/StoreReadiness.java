package io.sipplatform.cdr.health;

import io.sipplatform.cdr.SelectedDatabase;
import io.sipplatform.cdr.store.CdrStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the CDR database answers within 2 s: a replica that cannot commit would only answer UNAVAILABLE, so it
 * leaves the load balancer and the edges publish to another replica (or keep buffering).
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {
    @Inject
    CdrStore store;

    @Inject
    SelectedDatabase database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("cdr-store").status(store.reachable(2))
                .withData("database", database.name()).build();
    }
}
