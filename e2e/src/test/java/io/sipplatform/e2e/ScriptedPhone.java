package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import io.sipplatform.sip.digest.DigestChallenge;
import io.sipplatform.sip.digest.DigestClient;
import io.sipplatform.sip.header.AuthValue;
import io.sipplatform.sip.header.NameAddr;
import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A minimal scripted SIP user agent for the scenarios no Debian SIP client can play (a WebSocket browser phone, a
 * phone behind NAT): plain RFC 3261 messages written here, answers parsed with libs/sip-message. Subclasses give the
 * wire and the addresses the phone believes it has.
 */
abstract class ScriptedPhone implements AutoCloseable {
    protected final String user;
    protected final String password;
    private final BlockingQueue<SipMessage> inbox = new LinkedBlockingQueue<>();
    private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int cseq = 1;

    ScriptedPhone(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** Writes one whole SIP message (CRLF line ends) on the wire. */
    protected abstract void transmit(String message);

    /** The Contact this phone registers and puts in its requests. */
    protected abstract String contact();

    /** A new Via value for a request. */
    protected abstract String via();

    /** Hands one received message to the script. */
    protected void received(byte[] bytes) {
        seen.add(new String(bytes, StandardCharsets.UTF_8));
        if (new DatagramFramer().frame(bytes) instanceof Framed.Message m) {
            inbox.add(m.message());
        }
    }

    void send(String message) {
        seen.add(">> " + message.lines().findFirst().orElse(""));
        transmit(message.replace("\n", "\r\n"));
    }

    /** The next message for which {@code match} holds, skipping others (e.g. 100 Trying), within 10 s. */
    SipMessage next(java.util.function.Predicate<SipMessage> match, String what) throws InterruptedException {
        return next(match, what, 10);
    }

    /** The same within {@code seconds}. */
    SipMessage next(java.util.function.Predicate<SipMessage> match, String what, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            SipMessage m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                fail(getClass().getSimpleName() + " " + user + ": no " + what + "; received:\n" + String.join("\n", seen));
            }
            if (match.test(m)) {
                return m;
            }
        }
    }

    SipResponse finalResponse(String method) throws InterruptedException {
        return (SipResponse) next(m -> !m.isRequest() && ((SipResponse) m).statusCode() >= 200
                && m.cseq().method().equals(method), "final response to " + method);
    }

    /** REGISTER, answer the 401, expect 200. */
    void register() throws Exception {
        String callId = UUID.randomUUID().toString();
        String request = """
                REGISTER sip:sip.local SIP/2.0
                Via: %s
                Max-Forwards: 70
                From: <sip:%s@sip.local>;tag=r%s
                To: <sip:%s@sip.local>
                Call-ID: %s
                CSeq: %d REGISTER
                Contact: %s;expires=600
                %sContent-Length: 0

                """;
        send(request.formatted(via(), user, callId.substring(0, 6), user, callId, cseq++, contact(), ""));
        SipResponse challenge = finalResponse("REGISTER");
        String auth = authorization(challenge, "WWW-Authenticate", "REGISTER", "sip:sip.local");
        send(request.formatted(via(), user, callId.substring(0, 6), user, callId, cseq++, contact(),
                "Authorization: " + auth + "\n"));
        SipResponse ok = finalResponse("REGISTER");
        if (ok.statusCode() != 200) {
            fail("REGISTER over WebSocket: " + ok.statusCode() + " " + ok.reasonPhrase());
        }
    }

    /** A G.711 audio offer or answer at {@code ip}:{@code port}, LF line ends (send() makes them CRLF). */
    static String sdp(String ip, int port) {
        return """
                v=0
                o=phone 1 1 IN IP4 %s
                s=-
                c=IN IP4 %s
                t=0 0
                m=audio %d RTP/AVP 0
                a=rtpmap:0 PCMU/8000
                """.formatted(ip, ip, port);
    }

    /** What a call does while it is up, before the phone hangs up. */
    interface WhileUp {
        void run() throws Exception;
    }

    /**
     * A call to {@code target}: INVITE (answering a 407), 200, ACK, then {@code whileUp} (e.g. waiting for the callee
     * to see the call established), then BYE along the route set; its Call-ID.
     */
    String call(String target, WhileUp whileUp) throws Exception {
        String callId = UUID.randomUUID().toString();
        String tag = callId.substring(0, 8);
        String sdp = sdp("127.0.0.57", 41000); // send() turns line ends into CRLF, which Content-Length counts
        String invite = """
                INVITE %s SIP/2.0
                Via: %s
                Max-Forwards: 70
                From: <sip:%s@sip.local>;tag=%s
                To: <%s>
                Call-ID: %s
                CSeq: %d INVITE
                Contact: %s
                %sContent-Type: application/sdp
                Content-Length: %d

                """;
        int length = sdp.replace("\n", "\r\n").length();
        send(invite.formatted(target, via(), user, tag, target, callId, cseq, contact(), "", length) + sdp);
        SipResponse challenge = finalResponse("INVITE");
        ack(target, challenge, callId, tag);
        cseq++;
        String auth = authorization(challenge, "Proxy-Authenticate", "INVITE", target);
        send(invite.formatted(target, via(), user, tag, target, callId, cseq, contact(),
                "Proxy-Authorization: " + auth + "\n", length) + sdp);
        SipResponse ok = finalResponse("INVITE");
        if (ok.statusCode() != 200) {
            fail("INVITE over WebSocket: " + ok.statusCode() + " " + ok.reasonPhrase());
        }
        List<NameAddr> routeSet = new java.util.ArrayList<>(ok.recordRoutes());
        java.util.Collections.reverse(routeSet); // §12.1.2: the caller's route set is the Record-Route reversed
        String routes = routeSet.stream().map(r -> "Route: " + r + "\n").collect(Collectors.joining());
        String remote = ok.contacts().get(0).address().uri().toString();
        String inDialog = """
                %s %s SIP/2.0
                Via: %s
                Max-Forwards: 70
                %sFrom: <sip:%s@sip.local>;tag=%s
                To: %s
                Call-ID: %s
                CSeq: %d %s
                Content-Length: 0

                """;
        send(inDialog.formatted("ACK", remote, via(), routes, user, tag, ok.header(HeaderName.TO), callId, cseq,
                "ACK"));
        whileUp.run();
        send(inDialog.formatted("BYE", remote, via(), routes, user, tag, ok.header(HeaderName.TO), callId, cseq + 1,
                "BYE"));
        SipResponse byeOk = finalResponse("BYE");
        if (byeOk.statusCode() != 200) {
            fail("BYE over WebSocket: " + byeOk.statusCode());
        }
        cseq += 2;
        return callId;
    }

    // §17.1.1.3: the ACK of a non-2xx final response
    private void ack(String target, SipResponse r, String callId, String tag) {
        send("""
                ACK %s SIP/2.0
                Via: %s
                Max-Forwards: 70
                From: <sip:%s@sip.local>;tag=%s
                To: %s
                Call-ID: %s
                CSeq: %d ACK
                Content-Length: 0

                """.formatted(target, r.header(HeaderName.VIA), user, tag, r.header(HeaderName.TO), callId, cseq));
    }

    private String authorization(SipResponse challenge, String header, String method, String uri) {
        for (String value : challenge.headerFields(HeaderName.of(header))) {
            AuthValue parsed = AuthValue.parse(value);
            DigestChallenge c = DigestChallenge.fromParams(parsed::param);
            if (c.algorithm().name().equals("MD5")) {
                return DigestClient.answer(c, method, uri, user, password, "ws" + cseq, 1).toHeaderValue();
            }
        }
        fail("no MD5 challenge in " + challenge.statusCode() + ": " + challenge);
        return null;
    }

    /** Answers {@code request} with {@code code} (a To tag added), and {@code sdp} as body when not null. */
    void respond(SipRequest request, int code, String reason, String toTag, String sdp) {
        StringBuilder r = new StringBuilder("SIP/2.0 ").append(code).append(' ').append(reason).append('\n');
        for (String via : request.headerFields(HeaderName.VIA)) {
            r.append("Via: ").append(via).append('\n');
        }
        String to = request.header(HeaderName.TO);
        r.append("From: ").append(request.header(HeaderName.FROM)).append('\n')
                .append("To: ").append(to).append(to.contains(";tag=") ? "" : ";tag=" + toTag).append('\n')
                .append("Call-ID: ").append(request.callId()).append('\n')
                .append("CSeq: ").append(request.header(HeaderName.CSEQ)).append('\n');
        for (String rr : request.headerFields(HeaderName.RECORD_ROUTE)) {
            r.append("Record-Route: ").append(rr).append('\n');
        }
        r.append("Contact: ").append(contact()).append('\n');
        if (sdp == null) {
            r.append("Content-Length: 0\n\n");
        } else {
            r.append("Content-Type: application/sdp\nContent-Length: ")
                    .append(sdp.replace("\n", "\r\n").length()).append("\n\n").append(sdp);
        }
        send(r.toString());
    }

    /**
     * The called party's BYE in the dialog of {@code invite}, which it answered with {@code toTag} (§12.1.1: the
     * route set is the INVITE's Record-Route in order, the remote target its Contact).
     */
    void byeAsCallee(SipRequest invite, String toTag) {
        StringBuilder r = new StringBuilder("BYE ").append(invite.contacts().get(0).address().uri())
                .append(" SIP/2.0\nVia: ").append(via()).append("\nMax-Forwards: 70\n");
        for (String rr : invite.headerFields(HeaderName.RECORD_ROUTE)) {
            r.append("Route: ").append(rr).append('\n');
        }
        r.append("From: ").append(invite.header(HeaderName.TO)).append(";tag=").append(toTag).append('\n')
                .append("To: ").append(invite.header(HeaderName.FROM)).append('\n')
                .append("Call-ID: ").append(invite.callId()).append('\n')
                .append("CSeq: 1 BYE\nContent-Length: 0\n\n");
        send(r.toString());
    }

    /** The next request with this method, within 10 s. */
    SipRequest nextRequest(String method) throws InterruptedException {
        return nextRequest(method, 10);
    }

    /** The next request with this method, within {@code seconds}. */
    SipRequest nextRequest(String method, int seconds) throws InterruptedException {
        return (SipRequest) next(m -> m.isRequest() && method.equals(((SipRequest) m).method().toString()),
                method, seconds);
    }

}
