package io.sipplatform.routing.admin;

import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.domain.Trunk;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.store.ProvisioningStore;
import io.sipplatform.routing.store.SnapshotRefresher;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer trunks: /admin/v1/trunks. */
@Path("/admin/v1/trunks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customer trunks")
@SecurityRequirement(name = AdminApi.BEARER)
public class TrunkResource {
    @Inject
    ProvisioningStore store;

    @Inject
    SnapshotRefresher snapshots;

    @Inject
    RoutingConfig config;

    private Crud<Trunk, TrunkBody> crud() {
        return new Crud<>(store.trunks(), TrunkBody::of, Trunk::id, snapshots, config);
    }

    /** Lists in id order; {@code after} is the previous page's {@code next}, {@code limit} 1..1000. */
    @GET
    public PageBody<TrunkBody> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return crud().list(after, limit);
    }

    @GET
    @Path("{id}")
    public TrunkBody get(@PathParam("id") String id) {
        return crud().get(id);
    }

    /** Creates; 201 with Location, 400 naming the invalid field, 409 when the id exists. */
    @POST
    public Response create(TrunkBody body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidField("body", "required");
        }
        return crud().create(body.toDomain(null, config.digest().realm(), null), uri);
    }

    /** Replaces as a whole; 404 when absent. */
    @PUT
    @Path("{id}")
    public TrunkBody replace(@PathParam("id") String id, TrunkBody body) {
        if (body == null) {
            throw new InvalidField("body", "required");
        }
        return crud().replace(body.toDomain(id, config.digest().realm(), crud().existing(id)));
    }

    /** Deletes; 204, 404 when absent, 409 while something still refers to it. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return crud().delete(id);
    }
}
