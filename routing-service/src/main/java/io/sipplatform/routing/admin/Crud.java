package io.sipplatform.routing.admin;

import io.sipplatform.routing.RoutingConfig;
import io.sipplatform.routing.domain.InvalidField;
import io.sipplatform.routing.store.Page;
import io.sipplatform.routing.store.ProvisioningStore;
import io.sipplatform.routing.store.SnapshotRefresher;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Function;

/**
 * The shared body of every admin collection: list, get, create, replace, delete. Each write reloads the local
 * snapshot before answering, so a decision right after a 2xx sees the change on this replica.
 *
 * @param <T> domain record
 * @param <B> JSON body
 */
final class Crud<T, B> {
    private final ProvisioningStore.Entries<T> entries;
    private final Function<T, B> toBody;
    private final Function<T, String> idOf;
    private final SnapshotRefresher snapshots;
    private final RoutingConfig config;

    Crud(ProvisioningStore.Entries<T> entries, Function<T, B> toBody, Function<T, String> idOf,
            SnapshotRefresher snapshots, RoutingConfig config) {
        this.entries = entries;
        this.toBody = toBody;
        this.idOf = idOf;
        this.snapshots = snapshots;
        this.config = config;
    }

    PageBody<B> list(String after, Integer limit) {
        int size = limit == null ? config.admin().defaultPageSize() : limit;
        if (size < 1 || size > ProvisioningStore.MAX_PAGE) {
            throw new InvalidField("limit", "must be between 1 and " + ProvisioningStore.MAX_PAGE);
        }
        Page<T> page = entries.page(after == null || after.isEmpty() ? null : after, size);
        return new PageBody<>(page.items().stream().map(toBody).toList(), page.nextCursor());
    }

    B get(String id) {
        return toBody.apply(entries.find(id).orElseThrow(() -> new NotFoundException("no such entry: " + id)));
    }

    T existing(String id) {
        return entries.find(id).orElse(null);
    }

    Response create(T value, UriInfo uri) {
        entries.create(value);
        snapshots.refresh();
        return Response.created(uri.getAbsolutePathBuilder().path(idOf.apply(value)).build())
                .entity(toBody.apply(value)).build();
    }

    B replace(T value) {
        if (!entries.replace(value)) {
            throw new NotFoundException("no such entry: " + idOf.apply(value));
        }
        snapshots.refresh();
        return toBody.apply(value);
    }

    Response delete(String id) {
        if (!entries.delete(id)) {
            throw new NotFoundException("no such entry: " + id);
        }
        snapshots.refresh();
        return Response.noContent().build();
    }
}
