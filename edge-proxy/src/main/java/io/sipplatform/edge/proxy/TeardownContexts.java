package io.sipplatform.edge.proxy;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.Contact;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Builds the teardown context of a call from the messages the proxy core sees, without dialog state: the initial
 * INVITE (caller only, unconfirmed), the INVITE with its 2xx (both parties, confirmed), and an in-dialog offer
 * (re-INVITE) with the Record-Route state. A context that cannot be complete is not built (null) and counted.
 */
final class TeardownContexts {
    private final TeardownSeal seal;
    private final Predicate<NameAddr> ours;

    /**
     * @param seal seals contexts and counts the ones not sent
     * @param ours whether a Record-Route / Route value is this edge's own (its token verifies)
     */
    TeardownContexts(TeardownSeal seal, Predicate<NameAddr> ours) {
        this.seal = seal;
        this.ours = ours;
    }

    /** The sealed context, or null (counted) when it is too large. */
    byte[] seal(TeardownContext c) {
        return c == null ? null : seal.seal(c);
    }

    /**
     * The initial offer's context: the caller as its INVITE shows it (Contact, the Record-Route of the proxies before
     * the edge, which a request back to it carries in that order, CSeq), the callee by its To only; unconfirmed.
     */
    TeardownContext offered(SipRequest invite, String callerReach, String lease) {
        try {
            TeardownContext.Party caller = new TeardownContext.Party(header(invite, HeaderName.FROM),
                    contact(invite), values(invite.recordRoutes()), callerReach, invite.cseq().number());
            TeardownContext.Party callee = new TeardownContext.Party(header(invite, HeaderName.TO), null, List.of(),
                    null, TeardownContext.CSEQ_NONE);
            return new TeardownContext(false, invite.callId(), caller, callee, lease);
        } catch (SipParseException | NullPointerException e) {
            return null; // nothing the relay could use; the answer's context replaces it anyway
        }
    }

    /**
     * The answered call's context (RFC 3261 §12.1.2): the callee's To with its tag and its Contact from the 2xx, its
     * route set the 2xx's Record-Route values above the edge's own, nearest first; the callee has sent no request
     * yet. Null (counted) when the 2xx lacks the edge's Record-Route or a Contact.
     */
    TeardownContext answered(SipRequest invite, String callerReach, SipResponse ok, String calleeReach, String lease) {
        TeardownContext offered = offered(invite, callerReach, lease);
        try {
            List<NameAddr> rr = ok.recordRoutes();
            int mine = 0;
            while (mine < rr.size() && !ours.test(rr.get(mine))) {
                mine++;
            }
            String calleeTarget = contact(ok);
            if (offered == null || offered.caller().target() == null || mine == rr.size() || calleeTarget == null
                    || ok.toTag() == null) {
                seal.count(TeardownSeal.Unsent.INCOMPLETE);
                return null;
            }
            List<String> calleeRoutes = values(rr.subList(0, mine));
            Collections.reverse(calleeRoutes); // the caller's route set is the 2xx's Record-Route reversed
            TeardownContext.Party callee = new TeardownContext.Party(header(ok, HeaderName.TO), calleeTarget,
                    calleeRoutes, calleeReach, TeardownContext.CSEQ_NONE);
            return new TeardownContext(true, offered.callId(), offered.caller(), callee, lease);
        } catch (SipParseException | NullPointerException e) {
            seal.count(TeardownSeal.Unsent.INCOMPLETE);
            return null;
        }
    }

    /**
     * The context an in-dialog offer shows (a re-INVITE, which only a confirmed dialog has, RFC 3261 §14.1): the
     * sender's address, new target (Contact) and CSeq; the receiver's address, target (the Request-URI) and route
     * set (the Route values after the edge's own). The sender's route set is known to be empty only when the
     * request came straight from it (one Via: every proxy on its path adds one, §16.6 step 8); through proxies it
     * is unknown and no context is built (counted), leaving the relay with the previous one. The receiver's CSeq is
     * unknown here.
     *
     * @param state  the verified Record-Route state (caller's side {@code a}, callee's {@code b}, lease {@code l})
     * @param onward the Route values after the edge's own, in order
     */
    TeardownContext inDialog(SipRequest req, boolean fromCaller, Map<String, String> state, List<NameAddr> onward) {
        try {
            if (req.vias().size() != 1) {
                seal.count(TeardownSeal.Unsent.ROUTE_SET_UNKNOWN);
                return null;
            }
            String senderTarget = contact(req);
            if (senderTarget == null || state == null || !(req.requestUri() instanceof io.sipplatform.sip.uri.SipUri)) {
                seal.count(TeardownSeal.Unsent.INCOMPLETE);
                return null;
            }
            String senderReach = state.get(fromCaller ? "a" : "b");
            String receiverReach = state.get(fromCaller ? "b" : "a");
            TeardownContext.Party sender = new TeardownContext.Party(header(req, HeaderName.FROM), senderTarget,
                    List.of(), senderReach, req.cseq().number());
            TeardownContext.Party receiver = new TeardownContext.Party(header(req, HeaderName.TO),
                    req.requestUriText(), values(onward), receiverReach, TeardownContext.CSEQ_UNKNOWN);
            return new TeardownContext(true, req.callId(), fromCaller ? sender : receiver,
                    fromCaller ? receiver : sender, state.get("l"));
        } catch (SipParseException | NullPointerException e) {
            seal.count(TeardownSeal.Unsent.INCOMPLETE);
            return null;
        }
    }

    /**
     * The in-dialog context after the 2xx of its re-INVITE: the answerer's Contact there refreshes its target
     * (RFC 3261 §12.2.1.2).
     */
    static TeardownContext refreshed(TeardownContext c, boolean senderIsCaller, SipResponse ok) {
        String target;
        try {
            target = contact(ok);
        } catch (SipParseException e) {
            target = null;
        }
        if (c == null || target == null) {
            return c;
        }
        return senderIsCaller ? new TeardownContext(c.confirmed(), c.callId(), c.caller(),
                c.callee().withTarget(target), c.leaseId())
                : new TeardownContext(c.confirmed(), c.callId(), c.caller().withTarget(target), c.callee(),
                c.leaseId());
    }

    private static String header(SipMessage m, HeaderName name) {
        String v = m.header(name);
        if (v == null) {
            throw new NullPointerException(name + " missing");
        }
        return v.trim();
    }

    private static String contact(SipMessage m) {
        List<Contact> contacts = m.contacts();
        return contacts.isEmpty() ? null : contacts.get(0).uri().toString();
    }

    private static List<String> values(List<NameAddr> list) {
        List<String> out = new ArrayList<>(list.size());
        for (NameAddr n : list) {
            out.add(n.toString());
        }
        return out;
    }
}
