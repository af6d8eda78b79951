package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.EmergencyRoute;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Emergency numbers and their carriers: /admin/v1/emergency-routes. */
@Path("/admin/v1/emergency-routes")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Emergency numbers and their carriers")
public class EmergencyRouteResource extends NumberCollection<EmergencyRoute, EmergencyRouteBody> {
    public EmergencyRouteResource() {
        super(ProvisioningStore::emergencyRoutes, EmergencyRouteBody::of, EmergencyRoute::number);
    }

    @Override
    EmergencyRoute toDomain(EmergencyRouteBody body, String pathId) {
        return body.toDomain(pathId);
    }
}
