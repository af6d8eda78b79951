package io.sipplatform.media.session;

import io.sipplatform.sip.sdp.Origin;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

/**
 * The o= lines the relay writes, one sequence per direction of a session (sender to receiver). Topology hiding: the
 * unicast-address is the relay's advertised address. RFC 3264 §8: sess-version stays when the rewritten SDP is the
 * same as the last one sent that way and goes up by one when it changed, whatever the sender did with its own
 * version (the relay's rewrite can change while the sender's SDP did not, and the other way round). Not thread-safe:
 * used under the {@link Sessions} lock.
 */
final class OriginVersions {
    private record Sent(String sessionId, String version, String body) {
    }

    private final Map<String, Sent> sent = new HashMap<>();

    /**
     * The origin for an SDP going {@code direction} whose lines other than o= serialise to {@code body}. The first SDP
     * of a direction (or one whose sender started a new session id) keeps the sender's sess-version.
     */
    Origin next(String direction, Origin sender, String body, String advertisedAddress) {
        Sent last = sent.get(direction);
        String version;
        if (last == null || !last.sessionId().equals(sender.sessionId())) {
            version = sender.sessionVersion();
        } else if (last.body().equals(body)) {
            version = last.version();
        } else {
            version = new BigInteger(last.version()).add(BigInteger.ONE).toString(); // NTP-sized values exceed long
        }
        sent.put(direction, new Sent(sender.sessionId(), version, body));
        String addrType = advertisedAddress.indexOf(':') >= 0 ? "IP6" : "IP4";
        return new Origin(sender.username(), sender.sessionId(), version, "IN", addrType, advertisedAddress);
    }
}
