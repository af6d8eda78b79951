package io.sipplatform.routing.domain;

/** How a number is written towards a peer (Request-URI user part). */
public enum NumberFormat {
    /** {@code +4930123456}. */
    E164,
    /** E.164 without '+': {@code 4930123456}. */
    DIGITS,
    /** The national form of the peer's number plan, {@code 030123456}; foreign numbers keep their E.164 form. */
    NATIONAL;

    /** Writes an E.164 number in this format. */
    public String write(String e164, NumberPlan plan) {
        switch (this) {
            case DIGITS:
                return e164.substring(1);
            case NATIONAL:
                return plan.toNational(e164);
            default:
                return e164;
        }
    }
}
