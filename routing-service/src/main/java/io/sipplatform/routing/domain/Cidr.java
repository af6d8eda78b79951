package io.sipplatform.routing.domain;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), e.g. {@code 192.0.2.0/24} or
 * {@code 2001:db8::/32}; a bare address is a /32 or /128. Host bits must be zero so that what an operator sees is
 * what matches.
 */
public final class Cidr {
    private final byte[] network;
    private final int prefixLength;
    private final String text;

    private Cidr(byte[] network, int prefixLength, String text) {
        this.network = network;
        this.prefixLength = prefixLength;
        this.text = text;
    }

    /**
     * Parses {@code address[/length]}.
     *
     * @throws InvalidField naming {@code field} when the text is not a network
     */
    public static Cidr parse(String field, String text) {
        FieldRules.required(field, text);
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        byte[] address = IpAddress.parse(addressText);
        if (address == null) {
            throw new InvalidField(field, "'" + text + "' is not an IP address or network");
        }
        int bits = address.length * 8;
        int length = bits;
        if (slash >= 0) {
            String lengthText = text.substring(slash + 1);
            if (lengthText.isEmpty() || lengthText.length() > 3 || !E164.allDigits(lengthText, 0)) {
                throw new InvalidField(field, "'" + text + "' has no valid prefix length");
            }
            length = Integer.parseInt(lengthText);
            if (length > bits) {
                throw new InvalidField(field, "'" + text + "' prefix length exceeds " + bits);
            }
        }
        for (int bit = length; bit < bits; bit++) {
            if (bitAt(address, bit)) {
                throw new InvalidField(field, "'" + text + "' has host bits set");
            }
        }
        return new Cidr(address, length, addressText + "/" + length);
    }

    static boolean bitAt(byte[] address, int bit) {
        return (address[bit >>> 3] & (0x80 >>> (bit & 7))) != 0;
    }

    /** 4 for IPv4, 16 for IPv6. */
    int addressLength() {
        return network.length;
    }

    int prefixLength() {
        return prefixLength;
    }

    boolean networkBit(int bit) {
        return bitAt(network, bit);
    }

    /** True when the address lies in this network. */
    public boolean contains(String address) {
        byte[] bytes = IpAddress.parse(address);
        if (bytes == null || bytes.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit++) {
            if (bitAt(bytes, bit) != bitAt(network, bit)) {
                return false;
            }
        }
        return true;
    }

    /** Canonical text, always with the prefix length, e.g. {@code 192.0.2.7/32}. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr && ((Cidr) o).prefixLength == prefixLength
                && Arrays.equals(((Cidr) o).network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return text;
    }
}
