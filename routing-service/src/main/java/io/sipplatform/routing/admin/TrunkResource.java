package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Trunk;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer trunks: /admin/v1/trunks. */
@Path("/admin/v1/trunks")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "Customer trunks")
public class TrunkResource extends IdCollection<Trunk, TrunkBody> {
    public TrunkResource() {
        super(ProvisioningStore::trunks, TrunkBody::of, Trunk::id);
    }

    @Override
    Trunk toDomain(TrunkBody body, String pathId) {
        return body.toDomain(pathId, config.digest().realm(), pathId == null ? null : existing(pathId));
    }
}
