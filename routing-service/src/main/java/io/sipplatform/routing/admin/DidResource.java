package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Did;
import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** DIDs (E.164 numbers) and their delivery: /admin/v1/dids. */
@Path("/admin/v1/dids")
@SecurityRequirement(name = AdminApi.BEARER)
@Tag(name = "DIDs (E.164 numbers) and their delivery")
public class DidResource extends NumberCollection<Did, DidBody> {
    public DidResource() {
        super(ProvisioningStore::dids, DidBody::of, Did::number);
    }

    @Override
    Did toDomain(DidBody body, String pathId) {
        return body.toDomain(pathId);
    }
}
