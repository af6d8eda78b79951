package io.sipplatform.routing.domain;

import io.sipplatform.sip.uri.SipUri;

/**
 * Contact fixing for customers behind NAT, decided when a registered contact becomes a target (the registrar-side
 * half of Kamailio's {@code fix_nated_register} and {@code lookup} with a received address).
 *
 * <p>A UA behind NAT registers a Contact with its private address, which nobody outside can reach; only the public
 * address its REGISTER came from (the NAT's binding, kept open by its re-registrations and keep-alives) leads back
 * to it. So a request for such a contact keeps the Contact as Request-URI (the UA expects it, RFC 3261 §16.5) but is
 * sent to that source address instead ({@link Target#destinationUri()}).
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>a contact with a Path (RFC 3327) is reached through the Path: unchanged;</li>
 *   <li>a contact reached over an edge flow (a connection, RFC 5626) goes down that flow: unchanged;</li>
 *   <li>without a recorded source: unchanged;</li>
 *   <li>when the Contact's host is the source IP and its port (5060 when absent) the source port, the UA is not
 *       behind NAT: unchanged;</li>
 *   <li>otherwise (a private or other address, a host name, or a NAT-mapped port): sent to the source address over
 *       the source transport.</li>
 * </ol>
 */
public final class NatContact {
    private NatContact() {
    }

    /** The destination URI to send to, or "" to resolve the Contact itself. */
    public static String destination(RegisteredContact c) {
        if (!c.path().isEmpty() || c.flow() != null || c.received() == null || c.received().ip().isEmpty()
                || c.received().port() <= 0) {
            return "";
        }
        SourceAddress src = c.received();
        SipUri contact;
        try {
            contact = SipUri.parse(c.uri());
        } catch (RuntimeException e) {
            return ""; // not a SIP URI (e.g. tel:): nothing to fix, the edge answers for it
        }
        int contactPort = contact.port() > 0 ? contact.port() : contact.secure() ? 5061 : 5060;
        if (contact.hostIsIp() && sameIp(contact.hostWithoutBrackets(), src.ip()) && contactPort == src.port()) {
            return "";
        }
        String host = src.ip().indexOf(':') >= 0 ? "[" + src.ip() + "]" : src.ip();
        Transport t = src.transport() != null ? src.transport() : Transport.UDP;
        return "sip:" + host + ":" + src.port() + ";transport=" + t.uriParam();
    }

    private static boolean sameIp(String a, String b) {
        byte[] x = IpAddress.parse(a);
        return x != null && java.util.Arrays.equals(x, IpAddress.parse(b)); // literals only: never a DNS lookup
    }
}
