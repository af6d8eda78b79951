package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.RouteTable;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Route tables: /admin/v1/route-tables. */
@Path("/admin/v1/route-tables")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Route tables")
public class RouteTableResource extends IdCollection<RouteTable, RouteTableBody> {
    public RouteTableResource() {
        super(ProvisioningStore::routeTables, RouteTableBody::of, RouteTable::id);
    }

    @Override
    RouteTable toDomain(RouteTableBody body, String pathId) {
        return body.toDomain(pathId);
    }
}
