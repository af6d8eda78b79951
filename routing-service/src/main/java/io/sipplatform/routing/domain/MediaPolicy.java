package io.sipplatform.routing.domain;

import java.util.List;

/**
 * How a trunk's media is handled; the edge turns it into media-relay flags.
 *
 * @param relay    true anchors media on a relay (NAT traversal, topology hiding); false lets RTP flow end to end
 * @param codecs   encoding names allowed in SDP (RFC 4566 rtpmap), e.g. PCMA, PCMU, telephone-event; empty allows all
 * @param stripIce true removes ICE attributes from relayed SDP
 */
public record MediaPolicy(boolean relay, List<String> codecs, boolean stripIce) {
    /** Relay media, any codec, keep ICE. */
    public static final MediaPolicy RELAY = new MediaPolicy(true, List.of(), false);

    public MediaPolicy {
        codecs = FieldRules.each("codecs", codecs, MediaPolicy::codec);
    }

    // RFC 4566 §6 encoding names are tokens; 32 characters covers every registered one.
    private static String codec(String field, String name) {
        FieldRules.required(field, name);
        if (name.length() > 32) {
            throw new InvalidField(field, "at most 32 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '.' || c == '_';
            if (!ok) {
                throw new InvalidField(field, "'" + name + "' is not an encoding name");
            }
        }
        return name;
    }
}
