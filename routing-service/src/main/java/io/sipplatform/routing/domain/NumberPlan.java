package io.sipplatform.routing.domain;

/**
 * How a trunk or carrier writes numbers, used to normalise them to E.164 (ITU-T E.164, national formats per
 * ITU-T E.164 §6 and national numbering plans): {@code 030 1234567} with country code 49 and national prefix 0 is
 * {@code +49301234567}; {@code 1234567} with area code 30 is a local number in the same place.
 *
 * @param countryCode         the trunk's country calling code, 1..3 digits, e.g. "49"
 * @param nationalPrefix      trunk prefix before national numbers, e.g. "0" (empty when the plan has none, e.g. NANP
 *                            "1" handled as a national prefix)
 * @param internationalPrefix prefix before international numbers, e.g. "00" or "011"; empty when only '+' is used
 * @param areaCode            area code for local numbers (no prefix); empty means local dialling is not supported
 * @param bareE164            true when digits without any prefix are E.164 without '+' (carriers often send
 *                            "4930..."); takes precedence over local dialling
 */
public record NumberPlan(String countryCode, String nationalPrefix, String internationalPrefix, String areaCode,
        boolean bareE164) {

    /** E.164 with or without '+': what most carriers send. */
    public static final NumberPlan E164_ONLY = new NumberPlan("1", "", "", "", true);

    public NumberPlan {
        countryCode = FieldRules.digits("countryCode", countryCode, 3, false);
        if (countryCode.charAt(0) == '0') {
            throw new InvalidField("countryCode", "a country code does not start with 0");
        }
        nationalPrefix = FieldRules.digits("nationalPrefix", nationalPrefix, 4, true);
        internationalPrefix = FieldRules.digits("internationalPrefix", internationalPrefix, 6, true);
        areaCode = FieldRules.digits("areaCode", areaCode, 6, true);
        if (!internationalPrefix.isEmpty() && internationalPrefix.equals(nationalPrefix)) {
            throw new InvalidField("internationalPrefix", "must differ from nationalPrefix");
        }
    }

    /**
     * The E.164 form of a dialled number, or null when it is not a number in this plan (the caller answers 484).
     *
     * @param dialled digits with an optional leading '+', separators already removed ({@link E164#dialString})
     */
    public String toE164(String dialled) {
        if (dialled == null || dialled.isEmpty() || dialled.indexOf('*') >= 0 || dialled.indexOf('#') >= 0) {
            return null;
        }
        // The longer prefix wins: with "00" international and "0" national, "0049.." is international.
        boolean international = !internationalPrefix.isEmpty() && dialled.startsWith(internationalPrefix);
        boolean national = !nationalPrefix.isEmpty() && dialled.startsWith(nationalPrefix);
        if (international && national) {
            international = internationalPrefix.length() > nationalPrefix.length();
            national = !international;
        }
        String candidate;
        if (dialled.charAt(0) == '+') {
            candidate = dialled;
        } else if (international) {
            candidate = "+" + dialled.substring(internationalPrefix.length());
        } else if (national) {
            if (dialled.length() == nationalPrefix.length()) {
                return null; // the trunk prefix alone: "+49" is a country code, not a number
            }
            candidate = "+" + countryCode + dialled.substring(nationalPrefix.length());
        } else if (bareE164) {
            candidate = "+" + dialled;
        } else if (!areaCode.isEmpty()) {
            candidate = "+" + countryCode + areaCode + dialled;
        } else {
            return null;
        }
        return E164.isE164(candidate) ? candidate : null;
    }

    /** True when an E.164 number lies outside this plan's country (an international call). */
    public boolean isInternational(String e164) {
        return !e164.startsWith("+" + countryCode);
    }

    /** The national form of an E.164 number ({@code +4930123} to {@code 030123}), or E.164 when it is foreign. */
    public String toNational(String e164) {
        String own = "+" + countryCode;
        if (e164.startsWith(own)) {
            return nationalPrefix + e164.substring(own.length());
        }
        return internationalPrefix.isEmpty() ? e164 : internationalPrefix + e164.substring(1);
    }
}
