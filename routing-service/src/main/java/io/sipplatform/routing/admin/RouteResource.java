package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Route;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Routes: destination prefixes to carriers: /admin/v1/routes. */
@Path("/admin/v1/routes")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Routes: destination prefixes to carriers")
public class RouteResource extends IdCollection<Route, RouteBody> {
    public RouteResource() {
        super(ProvisioningStore::routes, RouteBody::of, Route::id);
    }

    @Override
    Route toDomain(RouteBody body, String pathId) {
        return body.toDomain(pathId);
    }
}
