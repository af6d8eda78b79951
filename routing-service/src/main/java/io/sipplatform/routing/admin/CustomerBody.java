package io.sipplatform.routing.admin;

import io.sipplatform.routing.domain.Customer;

/** JSON of {@link Customer}; enabled defaults to true. */
public record CustomerBody(String id, String name, Boolean enabled, String routeTableId) {
    Customer toDomain(String pathId) {
        return new Customer(pathId == null ? id : Fields.sameId("id", pathId, id), name, Fields.flag(enabled, true),
                routeTableId);
    }

    static CustomerBody of(Customer c) {
        return new CustomerBody(c.id(), c.name(), c.enabled(), c.routeTableId());
    }
}
