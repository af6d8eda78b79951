package io.sipplatform.routing.domain;

/**
 * A named set of routes. {@value #DEFAULT} always exists and serves every customer without a table of its own, and
 * every customer whose own table has no matching prefix.
 */
public record RouteTable(String id, String name) {
    /** Id of the default route table. */
    public static final String DEFAULT = "default";

    public RouteTable {
        id = FieldRules.id("id", id);
        name = FieldRules.name("name", name);
    }
}
