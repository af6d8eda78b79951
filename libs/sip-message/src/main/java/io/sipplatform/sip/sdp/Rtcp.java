package io.sipplatform.sip.sdp;

/**
 * The RTCP port attribute, {@code a=rtcp:<port> [<nettype> <addrtype> <connection-address>]} (RFC 3605 §2.1), used
 * when RTCP is not on the RTP port plus one or not on the media address.
 *
 * @param connection the explicit RTCP address, or null when RTCP uses the media connection address
 */
public record Rtcp(int port, Connection connection) {

    public Rtcp {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
    }

    static Rtcp parse(String attributeValue) {
        FieldScanner in = new FieldScanner(attributeValue, "a=rtcp");
        int port = SdpGrammar.parseBoundedInt(in.expectField("port"), 65535);
        if (port < 0) {
            throw in.error("port must be 0-65535");
        }
        if (in.consumeRest().isEmpty()) {
            return new Rtcp(port, null);
        }
        FieldScanner address = new FieldScanner(attributeValue, "a=rtcp");
        address.expectField("port");
        Connection connection = Connection.parseFields(address);
        address.expectEnd();
        return new Rtcp(port, connection);
    }

    /** The a=rtcp value, e.g. {@code 53021 IN IP4 203.0.113.1}. */
    @Override
    public String toString() {
        return connection == null ? Integer.toString(port) : port + " " + connection;
    }
}
