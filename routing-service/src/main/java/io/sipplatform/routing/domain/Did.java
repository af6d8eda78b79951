package io.sipplatform.routing.domain;

/**
 * A phone number (DID) owned by a customer, and where its calls go.
 *
 * @param number     E.164 number, the key
 * @param customerId owning customer
 * @param trunkId    the customer's trunk that receives the calls
 * @param delivery   static addresses, registered contacts, or redirect
 * @param aor        AOR whose registered contacts receive the calls; required for REGISTERED, else null
 * @param forking    how several contacts are tried (REGISTERED only)
 * @param enabled    false answers 404 as for an unknown number
 */
public record Did(String number, String customerId, String trunkId, Delivery delivery, String aor, Forking forking,
        boolean enabled) {

    public Did {
        number = FieldRules.e164("number", number);
        customerId = FieldRules.id("customerId", customerId);
        trunkId = FieldRules.id("trunkId", trunkId);
        FieldRules.required("delivery", delivery);
        if (delivery == Delivery.REGISTERED) {
            aor = UriText.sipUri("aor", aor).toString();
        } else {
            aor = null;
        }
        if (forking == null) {
            forking = Forking.SEQUENTIAL;
        }
    }
}
