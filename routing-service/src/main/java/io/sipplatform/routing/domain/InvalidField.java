package io.sipplatform.routing.domain;

import java.util.Objects;

/**
 * A provisioning value broke a rule. Names the offending field (dotted path, e.g. {@code gateways[1].port}) so the
 * admin API can answer 400 with it; thrown by the compact constructors of the provisioning records.
 */
public final class InvalidField extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidField(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The field path, e.g. {@code maxConcurrent} or {@code gateways[1].port}. */
    public String field() {
        return field;
    }

    /** What is wrong, without the field name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same error one level deeper, e.g. {@code port} inside {@code gateways[1]}. */
    public InvalidField under(String parent) {
        return new InvalidField(parent + "." + field, reason());
    }
}
