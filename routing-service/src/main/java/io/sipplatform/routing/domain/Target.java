package io.sipplatform.routing.domain;

import java.time.Duration;
import java.util.List;

/**
 * One place to send the request.
 *
 * @param requestUri      Request-URI to send, after number rewriting
 * @param destinationUri  where to send as a SIP URI resolved per RFC 3263; empty to resolve the Request-URI
 * @param transport       transport to use; null lets RFC 3263 choose
 * @param route           Route set to push (e.g. a registered contact's Path, RFC 3327), topmost first
 * @param flow            edge flow reaching a registered contact; null when any edge may send
 * @param carrierId       carrier id, empty when not a carrier gateway
 * @param gatewayId       gateway id, empty when not a carrier gateway
 * @param progressTimeout give up when no response arrives within it; null for Timer B
 * @param answerTimeout   give up (CANCEL) without a final response within it; null for Timer C
 * @param credentials     digest account to answer the target's challenges with; null when none
 */
public record Target(String requestUri, String destinationUri, Transport transport, List<String> route,
        FlowRef flow, String carrierId, String gatewayId, Duration progressTimeout, Duration answerTimeout,
        DigestAccount credentials) {
    public Target {
        destinationUri = destinationUri == null ? "" : destinationUri;
        route = List.copyOf(route);
        carrierId = carrierId == null ? "" : carrierId;
        gatewayId = gatewayId == null ? "" : gatewayId;
    }
}
