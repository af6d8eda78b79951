package io.sipplatform.sip.sdp;

/**
 * Connection data, the {@code c=} line (RFC 8866 §5.7): network type IN, address type IP4 or IP6 and the
 * connection-address, which keeps a multicast suffix ({@code /ttl[/count]} for IP4, {@code /count} for IP6) as sent.
 */
public record Connection(String netType, String addrType, String address) {

    public Connection {
        if (!"IN".equals(netType)) {
            throw new IllegalArgumentException("nettype must be IN");
        }
        if (!SdpGrammar.isAddrType(addrType)) {
            throw new IllegalArgumentException("addrtype must be IP4 or IP6");
        }
        if (!SdpGrammar.isConnectionAddress(addrType, address)) {
            throw new IllegalArgumentException("not an " + addrType + " connection-address");
        }
    }

    /** A unicast IN connection whose address type follows the literal: IP6 when it contains a colon, else IP4. */
    public static Connection of(String address) {
        if (address == null) {
            throw new IllegalArgumentException("address must not be null");
        }
        return new Connection("IN", SdpGrammar.addrTypeOf(address), address);
    }

    static Connection parse(String value) {
        FieldScanner in = new FieldScanner(value, "c= line");
        Connection connection = parseFields(in);
        in.expectEnd();
        return connection;
    }

    static Connection parseFields(FieldScanner in) {
        String netType = in.expectField("nettype");
        String addrType = in.expectField("addrtype");
        String address = in.expectField("connection-address");
        try {
            return new Connection(netType, addrType, address);
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    /** The address without any multicast {@code /ttl/count} suffix. */
    public String host() {
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    /** The c= value, e.g. {@code IN IP4 203.0.113.1}. */
    @Override
    public String toString() {
        return netType + ' ' + addrType + ' ' + address;
    }
}
