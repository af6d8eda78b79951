package io.sipplatform.edge.transaction;

import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.message.SipRequest;

import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * What identifies a server transaction (RFC 3261 §17.2.3). Keys are Comparable so that a HashMap bucket flooded
 * with colliding hashes (branches are chosen by the peer) degrades to a tree, not a list.
 */
sealed interface ServerKey permits ServerKey.Branch, ServerKey.Legacy {

    /**
     * The key of {@code request} as if its method were {@code method}: ACK is looked up as INVITE, and a CANCEL as
     * INVITE to find the transaction it cancels (§9.2). An RFC 2543 key takes the request's To tag.
     *
     * @throws io.sipplatform.sip.SipParseException if a header the key needs does not parse
     */
    static ServerKey of(SipRequest request, String method) {
        Via via = request.topVia();
        String branch = via.branch();
        if (branch != null && branch.startsWith(Via.MAGIC_COOKIE)) {
            return new Branch(branch, via.host(), via.port(), method);
        }
        return legacy(request, method, request.toTag());
    }

    /**
     * The RFC 2543 key of {@code request} with {@code toTag} in place of its own: an ACK carries the final
     * response's To tag, where its INVITE had none (or the same, inside a dialog).
     */
    static Legacy legacy(SipRequest request, String method, String toTag) {
        Via via = request.topVia();
        return new Legacy(request.requestUriText(), toTag, request.fromTag(), request.callId(),
                request.cseq().number(), method, via.transport(), via.host().toLowerCase(Locale.ROOT), via.port(),
                via.branch());
    }

    /** True when the request carries an RFC 3261 branch, so the To tag plays no part in matching. */
    static boolean isRfc3261(SipRequest request) {
        String branch = request.topVia().branch();
        return branch != null && branch.startsWith(Via.MAGIC_COOKIE);
    }

    /**
     * RFC 3261 §17.2.3: branch and sent-by of the top Via, and the method (ACK counted as INVITE). Branch and host
     * compare ignoring ASCII case (§7.3.1: parameter values are case-insensitive unless stated otherwise).
     */
    record Branch(String branch, String host, int port, String method) implements ServerKey, Comparable<Branch> {
        private static final Comparator<Branch> ORDER = Comparator
                .comparing(Branch::branch, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Branch::host, String.CASE_INSENSITIVE_ORDER)
                .thenComparingInt(Branch::port)
                .thenComparing(Branch::method);

        @Override
        public boolean equals(Object o) {
            return o instanceof Branch b && port == b.port && method.equals(b.method)
                    && branch.equalsIgnoreCase(b.branch) && host.equalsIgnoreCase(b.host);
        }

        @Override
        public int hashCode() {
            return ((lowerHash(branch) * 31 + lowerHash(host)) * 31 + port) * 31 + method.hashCode();
        }

        @Override
        public int compareTo(Branch other) {
            return ORDER.compare(this, other);
        }

        private static int lowerHash(String s) {
            int h = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                h = 31 * h + (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
            }
            return h;
        }
    }

    /**
     * RFC 2543 fallback of §17.2.3, for requests without a z9hG4bK branch: Request-URI, To tag, From tag, Call-ID,
     * CSeq number and method, and the top Via (its transport, sent-by and any branch; received and rport, which this
     * edge adds on arrival, are left out so a stamped request finds its own transaction). Host lower-cased.
     */
    record Legacy(String requestUri, String toTag, String fromTag, String callId, long cseq, String method,
                  String viaTransport, String viaHost, int viaPort, String viaBranch)
            implements ServerKey, Comparable<Legacy> {
        private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
        private static final Comparator<Legacy> ORDER = Comparator
                .comparing(Legacy::callId)
                .thenComparingLong(Legacy::cseq)
                .thenComparing(Legacy::method)
                .thenComparing(Legacy::fromTag, NULLS_FIRST)
                .thenComparing(Legacy::toTag, NULLS_FIRST)
                .thenComparing(Legacy::requestUri)
                .thenComparing(Legacy::viaTransport)
                .thenComparing(Legacy::viaHost)
                .thenComparingInt(Legacy::viaPort)
                .thenComparing(Legacy::viaBranch, NULLS_FIRST);

        public Legacy {
            Objects.requireNonNull(requestUri);
            Objects.requireNonNull(callId);
            Objects.requireNonNull(method);
            Objects.requireNonNull(viaTransport);
            Objects.requireNonNull(viaHost);
        }

        @Override
        public int compareTo(Legacy other) {
            return ORDER.compare(this, other);
        }
    }
}
