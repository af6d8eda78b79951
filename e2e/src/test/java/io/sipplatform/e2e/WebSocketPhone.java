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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A minimal SIP user agent over WebSocket (RFC 7118, subprotocol "sip", one SIP message per text frame), the way a
 * browser softphone talks to the edge. Debian ships no SIP client with a WebSocket transport (baresip 1.x refuses
 * transport=ws), so this one is ours; its messages are plain RFC 3261 and it parses what comes back with
 * libs/sip-message.
 */
final class WebSocketPhone implements AutoCloseable {
    private final String user;
    private final String password;
    private final String host = UUID.randomUUID().toString().substring(0, 8) + ".invalid"; // RFC 7118 §5
    private final WebSocket socket;
    private final BlockingQueue<SipMessage> inbox = new LinkedBlockingQueue<>();
    private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    private int cseq = 1;

    WebSocketPhone(String user, String password, int port) throws Exception {
        this.user = user;
        this.password = password;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip")
                .buildAsync(URI.create("ws://" + Platform.HOST + ":" + port + "/"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            byte[] bytes = partial.toString().getBytes(StandardCharsets.UTF_8);
                            partial.setLength(0);
                            seen.add(new String(bytes, StandardCharsets.UTF_8));
                            if (new DatagramFramer().frame(bytes) instanceof Framed.Message m) {
                                inbox.add(m.message());
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        if (!"sip".equals(socket.getSubprotocol())) {
            fail("the edge did not agree on the sip subprotocol: " + socket.getSubprotocol());
        }
    }

    private String contact() {
        return "<sip:" + user + "@" + host + ";transport=ws>";
    }

    private String via() {
        return "SIP/2.0/WS " + host + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + ";rport";
    }

    void send(String message) {
        seen.add(">> " + message.lines().findFirst().orElse(""));
        socket.sendText(message.replace("\n", "\r\n"), true).join();
    }

    /** The next message for which {@code match} holds, skipping others (e.g. 100 Trying), within 10 s. */
    SipMessage next(java.util.function.Predicate<SipMessage> match, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            SipMessage m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (m == null) {
                fail("WebSocket phone " + user + ": no " + what + "; received:\n" + String.join("\n", seen));
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

    /** A call to {@code target}: INVITE (answering a 407), 200, ACK and BYE along the route set; its Call-ID. */
    String call(String target, int holdMs) throws Exception {
        String callId = UUID.randomUUID().toString();
        String tag = callId.substring(0, 8);
        String sdp = """
                v=0
                o=ws 1 1 IN IP4 127.0.0.57
                s=-
                c=IN IP4 127.0.0.57
                t=0 0
                m=audio 41000 RTP/AVP 0
                a=rtpmap:0 PCMU/8000
                """; // send() turns every line end into CRLF; the Content-Length counts them as two bytes
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
        Thread.sleep(holdMs);
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

    /** Answers the next INVITE 200 with SDP; returns it. */
    SipRequest answerNextInvite() throws InterruptedException {
        return (SipRequest) next(m -> m.isRequest() && "INVITE".equals(((SipRequest) m).method().toString()),
                "INVITE");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
