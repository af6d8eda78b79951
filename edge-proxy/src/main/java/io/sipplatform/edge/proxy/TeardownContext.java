package io.sipplatform.edge.proxy;

import java.util.List;
import java.util.Objects;

/**
 * What ending a call without its parties takes: for each party, what a BYE to it needs (RFC 3261 §12.2.1.1) and how
 * the edge reaches it. The edge builds it at the offer and at the answer, seals it ({@link TeardownSeal}) and hands
 * it to the media relay, which returns it with the session's media-timeout event, so whichever replica receives the
 * event can end the call (as Kamailio's dialog module does with {@code dlg_end_dlg}, without dialog state here).
 *
 * @param confirmed true when built from a 2xx or an in-dialog request, i.e. the dialog exists; the initial offer's
 *                  context is not (its call may still be cancelled or rejected, and BYE would not end it)
 * @param callId    Call-ID of the dialog (and of the caller's INVITE: the CDR's call id)
 * @param caller    the calling party (From of the INVITE)
 * @param callee    the called party (To of the INVITE; its tag, target and route set unknown before the answer)
 * @param leaseId   routing's concurrent-call lease to give back, or null
 */
public record TeardownContext(boolean confirmed, String callId, Party caller, Party callee, String leaseId) {
    /** {@link Party#cseq()} of a party that has sent no request in the dialog: any CSeq is in order for it. */
    public static final long CSEQ_NONE = 0;
    /** {@link Party#cseq()} of a party whose requests this context could not see. */
    public static final long CSEQ_UNKNOWN = -1;

    public TeardownContext {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
    }

    /**
     * One party.
     *
     * @param address  its From / To header value in the dialog, with its tag once known
     *                 (e.g. {@code <sip:100@x>;tag=a})
     * @param target   its remote target (Contact URI), null when unknown
     * @param routeSet the Route values a request from the edge to it carries, in order: the proxies between the edge
     *                 and the party that record-routed (RFC 3261 §12.1)
     * @param reach    where the edge sends to it ({@link RecordedSide} form: its recorded source or connection), or
     *                 null to send by the first Route or the target (RFC 3263)
     * @param cseq     the highest CSeq number seen from it, {@link #CSEQ_NONE} or {@link #CSEQ_UNKNOWN}
     */
    public record Party(String address, String target, List<String> routeSet, String reach, long cseq) {
        public Party {
            Objects.requireNonNull(address, "address");
            routeSet = List.copyOf(routeSet);
        }

        /** Its dialog tag (the tag parameter of its address), or null when unknown or unreadable. */
        public String tag() {
            try {
                return io.sipplatform.sip.header.NameAddr.parse(address).tag();
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** This party with another remote target (a target refresh, RFC 3261 §12.2.1.2). */
        public Party withTarget(String newTarget) {
            return new Party(address, newTarget, routeSet, reach, cseq);
        }
    }
}
