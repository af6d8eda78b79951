package io.sipplatform.routing.admin;

import io.sipplatform.routing.store.ProvisioningStore;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/**
 * An admin collection whose entries are addressed by {@code /{id}}.
 *
 * @param <T> domain record
 * @param <B> JSON body
 */
public abstract class IdCollection<T, B> extends AdminCollection<T, B> {
    IdCollection(Function<ProvisioningStore, ProvisioningStore.Entries<T>> entries, Function<T, B> toBody,
            Function<T, String> idOf) {
        super(entries, toBody, idOf);
    }

    @GET
    @Path("{id}")
    public B get(@PathParam("id") String id) {
        return getEntry(id);
    }

    /** Replaces as a whole; 404 when absent. */
    @PUT
    @Path("{id}")
    public B replace(@PathParam("id") String id, B body) {
        return replaceEntry(id, body);
    }

    /** Deletes; 204, 404 when absent, 409 while something still refers to it. */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        return deleteEntry(id);
    }
}
