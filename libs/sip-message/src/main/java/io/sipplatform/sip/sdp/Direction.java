package io.sipplatform.sip.sdp;

/**
 * Media direction attributes (RFC 8866 §6.7, RFC 3264 §5.1). A closed set of four: RFC 8866 defines no extension
 * mechanism for it. Absent everywhere means {@link #SENDRECV}.
 */
public enum Direction {
    SENDRECV("sendrecv"),
    SENDONLY("sendonly"),
    RECVONLY("recvonly"),
    INACTIVE("inactive");

    private final String attributeName;

    Direction(String attributeName) {
        this.attributeName = attributeName;
    }

    /** The attribute name as written in SDP, e.g. {@code sendonly}. */
    public String attributeName() {
        return attributeName;
    }

    /** The direction an attribute name stands for, or null when the name is not a direction attribute. */
    public static Direction ofAttributeName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }
}
