package io.sipplatform.routing.domain;

/**
 * A customer (tenant): owns trunks and DIDs.
 *
 * @param id           stable id, see {@link FieldRules#id}
 * @param name         display name
 * @param enabled      false rejects every call of its trunks (403) and to its DIDs (404)
 * @param routeTableId route table tried before the default one for this customer's outbound calls; null for none
 */
public record Customer(String id, String name, boolean enabled, String routeTableId) {
    public Customer {
        id = FieldRules.id("id", id);
        name = FieldRules.name("name", name);
        routeTableId = FieldRules.optionalId("routeTableId", routeTableId);
    }
}
