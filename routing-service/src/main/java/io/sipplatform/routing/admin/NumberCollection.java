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
 * An admin collection whose entries are addressed by their E.164 number, {@code /{number}}.
 *
 * @param <T> domain record
 * @param <B> JSON body
 */
public abstract class NumberCollection<T, B> extends AdminCollection<T, B> {
    NumberCollection(Function<ProvisioningStore, ProvisioningStore.Entries<T>> entries, Function<T, B> toBody,
            Function<T, String> idOf) {
        super(entries, toBody, idOf);
    }

    @GET
    @Path("{number}")
    public B get(@PathParam("number") String number) {
        return getEntry(number);
    }

    /** Replaces as a whole; 404 when absent. */
    @PUT
    @Path("{number}")
    public B replace(@PathParam("number") String number, B body) {
        return replaceEntry(number, body);
    }

    /** Deletes; 204, 404 when absent, 409 while something still refers to it. */
    @DELETE
    @Path("{number}")
    public Response delete(@PathParam("number") String number) {
        return deleteEntry(number);
    }
}
