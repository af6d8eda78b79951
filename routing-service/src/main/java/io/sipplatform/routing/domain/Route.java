package io.sipplatform.routing.domain;

import java.util.List;

/**
 * A destination prefix and the carriers that take it (least-cost routing): the longest matching prefix of the
 * caller's route table wins.
 *
 * @param id       stable id
 * @param tableId  route table, {@link RouteTable#DEFAULT} for the default one
 * @param prefix   E.164 prefix, "+" alone for a catch-all
 * @param carriers carriers in any order; priority and weight decide the attempt order
 */
public record Route(String id, String tableId, String prefix, List<RouteCarrier> carriers) {
    public Route {
        id = FieldRules.id("id", id);
        tableId = tableId == null || tableId.isEmpty() ? RouteTable.DEFAULT : FieldRules.id("tableId", tableId);
        prefix = FieldRules.e164Prefix("prefix", prefix);
        carriers = FieldRules.each("carriers", carriers);
        if (carriers.isEmpty()) {
            throw new InvalidField("carriers", "at least one carrier");
        }
    }
}
