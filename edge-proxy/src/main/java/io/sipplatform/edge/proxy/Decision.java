package io.sipplatform.edge.proxy;

import io.sipplatform.edge.transport.Transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What routing decided for an out-of-dialog request, as the proxy core sees it (the upstream adapter maps the
 * protobuf answer and any gRPC failure into one of these).
 */
public sealed interface Decision permits Decision.Reject, Decision.Challenge, Decision.Redirect, Decision.Proxy {

    /** Answer the request with this rejection. */
    record Reject(Rejection rejection, String decisionId, Map<String, String> context) implements Decision {
        public Reject {
            context = Map.copyOf(context);
        }

        /** A rejection the edge makes itself, before any routing context exists. */
        public Reject(Rejection rejection) {
            this(rejection, "", Map.of());
        }
    }

    /** Answer 407 with these Proxy-Authenticate values (RFC 3261 §22.3). */
    record Challenge(List<String> proxyAuthenticate) implements Decision {
        public Challenge {
            proxyAuthenticate = List.copyOf(proxyAuthenticate);
        }
    }

    /** Answer with a 3xx and these Contact values (RFC 3261 §16.5 redirect mode). */
    record Redirect(int code, String reason, List<String> contacts) implements Decision {
        public Redirect {
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * Forward: groups tried in order, targets within a group in parallel (RFC 3261 §16.5, §16.7).
     *
     * @param decisionId routing's id for this decision (CDR correlation)
     * @param groups     target groups in order
     * @param addHeaders header fields to add to every forwarded request (name, value)
     * @param removeHeaders header names to remove from forwarded requests
     * @param context    routing's call context for CDRs (customer, trunk, direction, callerE164, calleeE164,
     *                   routePrefix)
     * @param leaseId    the cluster-wide limit lease to release when the call ends, or null
     * @param relayMedia anchor the SDP at the media relay (NAT, topology hiding)
     */
    record Proxy(String decisionId, List<TargetGroup> groups, List<Header> addHeaders, List<String> removeHeaders,
                 Map<String, String> context, String leaseId, boolean relayMedia) implements Decision {
        public Proxy {
            groups = List.copyOf(groups);
            addHeaders = List.copyOf(addHeaders);
            removeHeaders = List.copyOf(removeHeaders);
            context = Map.copyOf(context);
            leaseId = leaseId == null || leaseId.isEmpty() ? null : leaseId;
        }

        public Proxy(String decisionId, List<TargetGroup> groups, List<Header> addHeaders,
                     List<String> removeHeaders) {
            this(decisionId, groups, addHeaders, removeHeaders, Map.of(), null, false);
        }
    }

    /** A header field to add. */
    record Header(String name, String value) {
    }

    /** Targets forked in parallel, and when to go on to the next group. */
    record TargetGroup(List<Target> targets, Failover failover) {
        public TargetGroup {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One target.
     *
     * @param requestUri      Request-URI to send
     * @param destinationUri  where to send it instead of the Request-URI host (outbound proxy / gateway), or null
     * @param transport       transport to use, or null for the URI's choice
     * @param flowId          an existing connection that reaches the target (registered UA), or null
     * @param gatewayId       carrier gateway id, for reports and CDRs, or null
     * @param progressTimeout time to the first provisional response above 100 before failing over, or null
     * @param answerTimeout   time to a final response before cancelling and failing over, or null
     * @param carrierId       the gateway's carrier, for CDRs (the carrier billed for the attempt), or null
     */
    record Target(String requestUri, String destinationUri, Transport transport, String flowId, String gatewayId,
                  Duration progressTimeout, Duration answerTimeout, String carrierId) {
        /** A target that is not a carrier gateway, or whose carrier does not matter. */
        public Target(String requestUri, String destinationUri, Transport transport, String flowId,
                      String gatewayId, Duration progressTimeout, Duration answerTimeout) {
            this(requestUri, destinationUri, transport, flowId, gatewayId, progressTimeout, answerTimeout, null);
        }
    }

    /** Which outcomes of a group move on to the next group (serial failover). */
    record Failover(Set<Integer> codes, Set<Integer> classes, boolean onTimeout, boolean onTransportError) {
        public static final Failover NEVER = new Failover(Set.of(), Set.of(), false, false);

        public Failover {
            codes = Set.copyOf(codes);
            classes = Set.copyOf(classes);
        }

        /** True when a final response with this code (408 for timeouts, 503 for transport errors) fails over. */
        public boolean failsOver(int code, boolean timeout, boolean transportError) {
            if (timeout) {
                return onTimeout || codes.contains(408);
            }
            if (transportError) {
                return onTransportError || codes.contains(503);
            }
            return codes.contains(code) || classes.contains(code / 100);
        }
    }
}
