package io.sipplatform.routing.domain;

import java.util.List;

/**
 * Which calling numbers a trunk may present (RFC 3325 P-Asserted-Identity is what the platform asserts onwards).
 *
 * @param mode          what happens with a number the trunk may not present
 * @param allowed       E.164 prefixes the trunk may present ({@code +4930123} allows {@code +4930123*}); a full
 *                      number allows exactly that number
 * @param defaultNumber E.164 number asserted instead of a disallowed or missing one in REPLACE mode; null otherwise
 * @param trustPai      true when the trunk's own P-Asserted-Identity names the caller (a PBX asserting its users);
 *                      false uses the From user and ignores any P-Asserted-Identity it sent
 * @param allowOwnDids  true when the customer's DIDs may be presented without listing them
 */
public record CallerIdPolicy(CallerIdMode mode, List<String> allowed, String defaultNumber, boolean trustPai,
        boolean allowOwnDids) {
    /** Anything goes: no check, From user forwarded. */
    public static final CallerIdPolicy PASS = new CallerIdPolicy(CallerIdMode.PASS, List.of(), null, false, true);

    public CallerIdPolicy {
        FieldRules.required("mode", mode);
        allowed = FieldRules.each("allowed", allowed, FieldRules::e164Prefix);
        if (defaultNumber != null && !defaultNumber.isEmpty()) {
            FieldRules.e164("defaultNumber", defaultNumber);
        } else {
            defaultNumber = null;
        }
        if (mode == CallerIdMode.REPLACE && defaultNumber == null) {
            throw new InvalidField("defaultNumber", "required when mode is REPLACE");
        }
    }

    /** True when {@code e164} is in an allowed range; own DIDs are checked by the caller. */
    public boolean allows(String e164) {
        for (String prefix : allowed) {
            if (e164.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
