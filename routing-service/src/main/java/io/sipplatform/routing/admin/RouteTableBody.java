package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.RouteTable;

/** JSON of {@link RouteTable}. */
public record RouteTableBody(String id, String name) {
    RouteTable toDomain(String pathId) {
        return new RouteTable(pathId == null ? id : Fields.sameId("id", pathId, id), name);
    }

    static RouteTableBody of(RouteTable t) {
        return new RouteTableBody(t.id(), t.name());
    }
}
