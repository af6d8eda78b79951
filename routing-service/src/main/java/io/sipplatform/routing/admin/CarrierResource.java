package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Carrier;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Carriers and their gateways: /admin/v1/carriers. */
@Path("/admin/v1/carriers")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Carriers and their gateways")
public class CarrierResource extends IdCollection<Carrier, CarrierBody> {
    public CarrierResource() {
        super(ProvisioningStore::carriers, CarrierBody::of, Carrier::id);
    }

    @Override
    Carrier toDomain(CarrierBody body, String pathId) {
        return body.toDomain(pathId, pathId == null ? null : existing(pathId));
    }
}
