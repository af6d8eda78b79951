package io.sipplatform.routing.admin;

import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.store.ProvisioningStore;
import io.sipplatform.routing.store.SnapshotRefresher;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * What every admin collection shares: list and create as endpoints, get, replace and delete as the logic behind the
 * keyed endpoints of {@link IdCollection} and {@link NumberCollection} (the two differ only in the path parameter's
 * name, which OpenAPI shows). The concrete resource carries the class-level {@code @Path}, {@code @Tag} and
 * {@code @SecurityRequirement}, names its store entries and says how a JSON body becomes the domain record; the
 * JAX-RS method annotations are inherited from here, so Quarkus REST and OpenAPI see one concrete class per
 * collection with the body types resolved.
 *
 * @param <T> domain record
 * @param <B> JSON body
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class AdminCollection<T, B> {
    @Inject
    ProvisioningStore store;

    @Inject
    SnapshotRefresher snapshots;

    @Inject
    RoutingConfig config;

    private final Function<ProvisioningStore, ProvisioningStore.Entries<T>> entries;
    private final Function<T, B> toBody;
    private final Function<T, String> idOf;

    AdminCollection(Function<ProvisioningStore, ProvisioningStore.Entries<T>> entries, Function<T, B> toBody,
            Function<T, String> idOf) {
        this.entries = entries;
        this.toBody = toBody;
        this.idOf = idOf;
    }

    /** Maps a body to the domain record; {@code pathId} is null on create, the path's id on replace. */
    abstract T toDomain(B body, String pathId);

    /** The stored record with this id, or null; for bodies that keep secrets the client never sees again. */
    final T existing(String id) {
        return crud().existing(id);
    }

    private Crud<T, B> crud() {
        return new Crud<>(entries.apply(store), toBody, idOf, snapshots, config);
    }

    /** Lists in id order; {@code after} is the previous page's {@code next}, {@code limit} 1..1000. */
    @GET
    public PageBody<B> list(@QueryParam("after") String after, @QueryParam("limit") Integer limit) {
        return crud().list(after, limit);
    }

    /** Creates; 201 with Location, 400 naming the invalid field, 409 when the id exists. */
    @POST
    public Response create(B body, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidField("body", "required");
        }
        return crud().create(toDomain(body, null), uri);
    }

    B getEntry(String key) {
        return crud().get(key);
    }

    B replaceEntry(String key, B body) {
        if (body == null) {
            throw new InvalidField("body", "required");
        }
        return crud().replace(toDomain(body, key));
    }

    Response deleteEntry(String key) {
        return crud().delete(key);
    }
}
