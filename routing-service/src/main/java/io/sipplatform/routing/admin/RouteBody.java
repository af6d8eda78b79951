package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Route;
import java.util.List;

/** JSON of {@link Route}; tableId defaults to "default". */
public record RouteBody(String id, String tableId, String prefix, List<RouteCarrierBody> carriers) {
    Route toDomain(String pathId) {
        return new Route(pathId == null ? id : Fields.sameId("id", pathId, id), tableId, prefix,
                Fields.each("carriers", carriers, RouteCarrierBody::toDomain));
    }

    static RouteBody of(Route r) {
        return new RouteBody(r.id(), r.tableId(), r.prefix(), r.carriers().stream().map(RouteCarrierBody::of)
                .toList());
    }
}
