package io.sipplatform.routing.domain;

/** Allows or blocks destinations starting with an E.164 prefix; the longest matching rule of a trunk decides. */
public record PrefixRule(String prefix, RuleAction action) {
    public PrefixRule {
        prefix = FieldRules.e164Prefix("prefix", prefix);
        FieldRules.required("action", action);
    }
}
