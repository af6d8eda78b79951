package io.sipplatform.routing.domain;

import java.util.List;

/**
 * A customer's SIP trunk: how it authenticates, what it may call, how its numbers are written and where its inbound
 * calls go.
 *
 * @param id             stable id
 * @param customerId     owning customer
 * @param name           display name
 * @param enabled        false answers 403 to its calls and 404 to calls for its DIDs
 * @param auth           IP or digest authentication
 * @param limits         concurrency and CPS limits
 * @param destinations   allowed and blocked destinations
 * @param callerId       which calling numbers it may present
 * @param numberPlan     how it dials (normalisation to E.164) and its home country
 * @param media          media handling for its calls
 * @param addresses      static SIP URIs for calls to its DIDs, tried in order (sequential failover)
 * @param deliveryFormat how the called DID is written in the Request-URI sent to it
 */
public record Trunk(String id, String customerId, String name, boolean enabled, TrunkAuth auth, TrunkLimits limits,
        DestinationPolicy destinations, CallerIdPolicy callerId, NumberPlan numberPlan, MediaPolicy media,
        List<String> addresses, NumberFormat deliveryFormat) {

    public Trunk {
        id = FieldRules.id("id", id);
        customerId = FieldRules.id("customerId", customerId);
        name = FieldRules.name("name", name);
        FieldRules.required("auth", auth);
        FieldRules.required("limits", limits);
        FieldRules.required("destinations", destinations);
        FieldRules.required("callerId", callerId);
        FieldRules.required("numberPlan", numberPlan);
        FieldRules.required("media", media);
        addresses = FieldRules.each("addresses", addresses, (path, uri) -> UriText.sipUri(path, uri).toString());
        FieldRules.required("deliveryFormat", deliveryFormat);
    }
}
