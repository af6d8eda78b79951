package io.sipplatform.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * SIPp scenarios composed from RFC 3261 steps, so each test states its call flow in a few lines and the message
 * texts exist once. Written to target/sipp/NAME.xml. [dialled] is a -key of the run.
 */
final class SippScenario {
    private static final String FROM = "From: <sip:[caller]@[local_ip]>;tag=[pid]T[call_number]";
    private static final String UAC_VIA = "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch];rport";
    /** The session part of the SDP bodies; %s is the o= session id and version. */
    private static final String SESSION = """
            v=0
            o=sipp %s IN IP[local_ip_type] [local_ip]
            s=-
            c=IN IP[media_ip_type] [media_ip]
            t=0 0
            """;
    private static final String SDP = SESSION.formatted("53655765 2353687637") + """
            m=audio [media_port] RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /** A fax gateway's switch to T.38 (ITU-T T.38 Annex D): UDPTL on the media port instead of RTP. */
    private static final String T38_SDP = SESSION.formatted("53655765 2353687638") + """
            m=image [media_port] udptl t38
            a=T38FaxVersion:0
            a=T38MaxBitRate:14400
            a=T38FaxRateManagement:transferredTCF
            a=T38FaxMaxDatagram:400
            a=T38FaxUdpEC:t38UDPRedundancy
            """;

    /** Kept only when a later step uses it: SIPp refuses a variable that is set and never read. */
    private static final String CAPTURE_VIA = "\n    <action><ereg regexp=\".*\" search_in=\"hdr\" header=\"Via:\" "
            + "check_it=\"true\" assign_to=\"invite_via\"/></action>\n  ";

    private final String name;
    private final StringBuilder steps = new StringBuilder();

    private SippScenario(String name) {
        this.name = name;
    }

    static SippScenario named(String name) {
        return new SippScenario(name);
    }

    // ------------------------------------------------------------------ caller (UAC) steps

    /** INVITE sip:[dialled]@edge with an SDP offer, retransmitted on UDP. */
    SippScenario invite() {
        return send(true, """
                INVITE sip:[dialled]@[domain] SIP/2.0
                %s
                %s
                To: <sip:[dialled]@[domain]>
                Call-ID: [call_id]
                CSeq: 1 INVITE
                Contact: <sip:[caller]@[local_ip]:[local_port];transport=[transport]>
                Max-Forwards: 70
                Content-Type: application/sdp
                Content-Length: [len]

                %s""".formatted(UAC_VIA, FROM, SDP));
    }

    /** Provisional responses that may or may not come. */
    SippScenario provisionals() {
        steps.append("""
                  <recv response="100" optional="true"/>
                  <recv response="180" optional="true"/>
                  <recv response="183" optional="true"/>
                """);
        return this;
    }

    /** Ringing: an optional 100 Trying, then 180 Ringing. */
    SippScenario ringing() {
        steps.append("""
                  <recv response="100" optional="true"/>
                  <recv response="180"/>
                """);
        return this;
    }

    /** A called party that rings, answers with SDP, and takes the caller's ACK and BYE. */
    static SippScenario answering(String name) {
        return named(name).receive("INVITE").respond(180, "Ringing").respond(200, "OK").receive("ACK")
                .receive("BYE").respond(200, "OK");
    }

    /** A caller whose call is answered, held for {@code holdMs} and hung up with BYE; logs "answered ID". */
    static SippScenario calling(String name, int holdMs) {
        return named(name).invite().provisionals().expect(200).log("answered").ack().pause(holdMs).bye();
    }

    /** A response that must come; a 2xx records the route set for ACK and BYE. */
    SippScenario expect(int code) {
        steps.append("  <recv response=\"").append(code).append("\"").append(code < 300 ? " rrs=\"true\"" : "")
                .append("/>\n");
        return this;
    }

    /** A response with this header (regular expression), checked by SIPp: a mismatch fails the call. */
    SippScenario expect(int code, String headerRegex, int timeoutMs) {
        steps.append("  <recv response=\"").append(code).append("\" timeout=\"").append(timeoutMs).append("\">\n")
                .append("    <action><ereg regexp=\"").append(headerRegex)
                .append("\" search_in=\"msg\" check_it=\"true\" assign_to=\"h\"/><log message=\"header [$h]\"/>")
                .append("</action>\n  </recv>\n");
        return this;
    }

    /** Whichever of these final responses comes is logged as "final CODE"; a 2xx continues, others end. */
    SippScenario finalOneOf(int... codes) {
        for (int i = 0; i < codes.length; i++) {
            steps.append("  <recv response=\"").append(codes[i]).append("\"")
                    .append(codes[i] < 300 ? " rrs=\"true\"" : "")
                    .append(i < codes.length - 1 ? " optional=\"true\"" : "")
                    .append(" next=\"f").append(codes[i]).append("\"/>\n");
        }
        for (int code : codes) {
            steps.append("  <label id=\"f").append(code).append("\"/>\n")
                    .append("  <nop><action><log message=\"final ").append(code).append(" [call_id]\"/></action></nop>\n");
            if (code >= 300) {
                ackFailure();
                steps.append("  <nop next=\"end\"/>\n");
            } else {
                steps.append("  <nop next=\"ok\"/>\n");
            }
        }
        steps.append("  <label id=\"ok\"/>\n");
        return this;
    }

    /** §17.1.1.3: the ACK of a non-2xx final response, same branch as the INVITE, hop by hop. */
    SippScenario ackFailure() {
        steps.append("""
                  <send>
                    <![CDATA[
                      ACK sip:[dialled]@[domain] SIP/2.0
                      [last_Via:]
                      [last_From:]
                      [last_To:]
                      Call-ID: [call_id]
                      CSeq: 1 ACK
                      Max-Forwards: 70
                      Content-Length: 0

                    ]]>
                  </send>
                """);
        return this;
    }

    /** The ACK of a 2xx, a new transaction along the recorded route set (§13.2.2.4). */
    SippScenario ack() {
        return send(false, inDialog("ACK", 1));
    }

    /** BYE along the route set; its 200 must come. */
    SippScenario bye() {
        return bye(2);
    }

    /** BYE with this CSeq (after in-dialog requests of its own) along the route set; its 200 must come. */
    SippScenario bye(int cseq) {
        send(true, inDialog("BYE", cseq));
        steps.append("  <recv response=\"200\" crlf=\"true\"/>\n");
        return this;
    }

    /**
     * A hold re-INVITE (RFC 3264 §8.4: the offer's stream a=sendonly) along the route set, CSeq {@code cseq};
     * its 2xx must match {@code answerRegex} (checked by SIPp) and keeps the route set; then the ACK.
     */
    SippScenario holdReInvite(int cseq, String answerRegex) {
        send(true, inDialog("INVITE", cseq).replace("Content-Length: 0\n\n", "Content-Type: application/sdp\n"
                + "Content-Length: [len]\n\n" + SDP + "a=sendonly\n"));
        steps.append("  <recv response=\"100\" optional=\"true\"/>\n");
        expect(200, answerRegex, 10_000);
        return send(false, inDialog("ACK", cseq));
    }

    /** An in-dialog re-INVITE switching the call to T.38 fax; its 200 must match {@code answerRegex}, then ACK. */
    SippScenario t38ReInvite(int cseq, String answerRegex) {
        send(true, inDialog("INVITE", cseq).replace("Content-Length: 0\n\n", "Content-Type: application/sdp\n"
                + "Content-Length: [len]\n\n" + T38_SDP));
        steps.append("  <recv response=\"100\" optional=\"true\"/>\n");
        expect(200, answerRegex, 10_000);
        return send(false, inDialog("ACK", cseq));
    }

    /** CANCEL of the INVITE (§9.1): same branch, answered 200, then the INVITE ends with 487 which is ACKed. */
    SippScenario cancel() {
        send(true, """
                CANCEL sip:[dialled]@[domain] SIP/2.0
                %s
                %s
                To: <sip:[dialled]@[domain]>
                Call-ID: [call_id]
                CSeq: 1 CANCEL
                Max-Forwards: 70
                Content-Length: 0

                """.formatted("[last_Via:]", FROM)); // the INVITE's Via, as echoed in its provisional response
        steps.append("  <recv response=\"200\"/>\n");
        expect(487);
        return ackFailure();
    }

    /** Sends what follows to another edge replica, as a load balancer might (UDP). */
    SippScenario sendTo(String host, int port) {
        steps.append("  <nop><action><setdest host=\"").append(host).append("\" port=\"").append(port)
                .append("\" protocol=\"udp\"/></action></nop>\n");
        return this;
    }

    /** Logs "WHAT call-id" to the run's event log (the CDR's call id is the SIP Call-ID). */
    SippScenario log(String what) {
        steps.append("  <nop><action><log message=\"").append(what).append(" [call_id]\"/></action></nop>\n");
        return this;
    }

    /** Waits this long (the call is up, or ringing). */
    SippScenario pause(int ms) {
        steps.append("  <pause milliseconds=\"").append(ms).append("\"/>\n");
        return this;
    }

    // ------------------------------------------------------------------ called side (UAS) steps

    SippScenario receive(String method) {
        tolerateRetransmittedAck();
        if ("INVITE".equals(method)) {
            // the INVITE's whole Via stack, for the 487 after a CANCEL (whose own Via stack is one hop deep)
            steps.append("  <recv request=\"INVITE\" rrs=\"true\">").append(CAPTURE_VIA).append("</recv>\n");
        } else {
            steps.append("  <recv request=\"").append(method).append("\"/>\n");
        }
        return this;
    }

    /**
     * After a received ACK, a copy of it may follow: the caller sends the ACK again for each retransmitted 2xx
     * (RFC 3261 §13.2.2.4), which happens when a loaded machine delays the first ACK past the 2xx's 500 ms
     * retransmission. Only placed before another receive, where SIPp waits anyway.
     */
    private void tolerateRetransmittedAck() {
        String ack = "  <recv request=\"ACK\"/>\n";
        if (steps.length() >= ack.length() && steps.substring(steps.length() - ack.length()).equals(ack)) {
            steps.append("  <recv request=\"ACK\" optional=\"true\"/>\n");
        }
    }

    /** A request that must match each regular expression (checked by SIPp: a mismatch fails the call). */
    SippScenario receive(String method, String... regexes) {
        tolerateRetransmittedAck();
        steps.append("  <recv request=\"").append(method).append("\">\n    <action>");
        for (int i = 0; i < regexes.length; i++) {
            steps.append("<ereg regexp=\"").append(regexes[i]).append("\" search_in=\"msg\" check_it=\"true\" ")
                    .append("assign_to=\"m").append(i).append("\"/><log message=\"matched [$m").append(i)
                    .append("]\"/>");
        }
        steps.append("</action>\n  </recv>\n");
        return this;
    }

    /** A response to the last request; 2xx to INVITE carry an SDP answer. */
    SippScenario respond(int code, String reason) {
        return respond(code, reason, true);
    }

    /** The 200 with SDP answer to a re-INVITE: the dialog exists, its To tag came with the request. */
    SippScenario answerReInvite() {
        return respond(200, "OK", false);
    }

    /** The 200 to a T.38 re-INVITE, accepting the switch with the gateway's own T.38 SDP. */
    SippScenario answerT38ReInvite() {
        return respond(200, "OK", false, T38_SDP);
    }

    private SippScenario respond(int code, String reason, boolean newDialog) {
        return respond(code, reason, newDialog, SDP);
    }

    private SippScenario respond(int code, String reason, boolean newDialog, String answer) {
        String last = lastReceived();
        boolean sdp = code >= 200 && code < 300 && last.equals("INVITE");
        // the UAS's tag goes on responses to the dialog-creating INVITE (and its CANCEL); later requests carry it
        String toTag = newDialog && (last.equals("INVITE") || last.equals("CANCEL")) ? ";tag=[pid]U[call_number]"
                : "";
        String text = """
                SIP/2.0 %d %s
                [last_Via:]
                [last_From:]
                [last_To:]%s
                [last_Call-ID:]
                [last_CSeq:]
                [last_Record-Route:]
                Contact: <sip:uas@[local_ip]:[local_port];transport=[transport]>
                """.formatted(code, reason, toTag);
        text += sdp ? "Content-Type: application/sdp\nContent-Length: [len]\n\n" + answer : "Content-Length: 0\n\n";
        steps.append("  <send").append(sdp ? " retrans=\"500\"" : "").append(">\n    <![CDATA[\n")
                .append(text.indent(6)).append("    ]]>\n  </send>\n");
        return this;
    }

    private String lastReceived() {
        int i = steps.lastIndexOf("<recv request=\"");
        if (i < 0) {
            return "";
        }
        int start = i + "<recv request=\"".length();
        return steps.substring(start, steps.indexOf("\"", start));
    }

    /** A UAS answering a BYE or CANCEL with 200 and a cancelled INVITE with 487, then absorbing the ACK. */
    SippScenario answerCancel() {
        receive("CANCEL");
        respond(200, "OK");
        steps.append("""
                  <send>
                    <![CDATA[
                      SIP/2.0 487 Request Terminated
                      Via: [$invite_via]
                      [last_From:]
                      [last_To:];tag=[pid]U[call_number]
                      [last_Call-ID:]
                      CSeq: 1 INVITE
                      Content-Length: 0

                    ]]>
                  </send>
                """);
        return receive("ACK");
    }

    // ------------------------------------------------------------------ REGISTER (RFC 3261 §10)

    /**
     * REGISTER of sip:[user]@edge-address (SIPp computes the digest over the edge's address, so the Request-URI
     * and the AOR's domain are that address) with these Contact and Expires header values, answered 401 then sent again with credentials
     * ([authentication] from -au/-ap); the second answer must be {@code code}; it is logged as
     * "CODE first-Contact-header Min-Expires-header" (variables per CSeq: SIPp keeps a variable a regexp missed).
     */
    SippScenario register(int cseq, String contact, String expires, int code) {
        String request = """
                REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
                %s
                From: <sip:[user]@[remote_ip]>;tag=[pid]R[call_number]
                To: <sip:[user]@[remote_ip]>
                Call-ID: [call_id]
                CSeq: %d REGISTER
                Contact: %s
                Expires: %s
                Max-Forwards: 70
                %sContent-Length: 0

                """;
        send(true, request.formatted(UAC_VIA, cseq, contact, expires, ""));
        steps.append("  <recv response=\"401\" auth=\"true\"/>\n");
        send(true, request.formatted(UAC_VIA, cseq + 1, contact, expires, "[authentication]\n"));
        steps.append("  <recv response=\"").append(code).append("\">\n")
                .append("    <action><ereg regexp=\"Contact: [^;]*;expires=[0-9]+\" search_in=\"msg\" occurence=\"1\" "
                        + "check_it=\"false\" assign_to=\"c").append(cseq).append("\"/><ereg regexp=\"Min-Expires: "
                        + "[0-9]+\" search_in=\"msg\" check_it=\"false\" assign_to=\"m").append(cseq).append("\"/>"
                        + "<log message=\"").append(code).append(" [$c").append(cseq).append("] [$m").append(cseq)
                .append("]\"/></action>\n  </recv>\n");
        return this;
    }

    // ------------------------------------------------------------------ plumbing

    private String inDialog(String method, int cseq) {
        return """
                %s [next_url] SIP/2.0
                %s
                [routes]
                %s
                [last_To:]
                Call-ID: [call_id]
                CSeq: %d %s
                Contact: <sip:[caller]@[local_ip]:[local_port];transport=[transport]>
                Max-Forwards: 70
                Content-Length: 0

                """.formatted(method, UAC_VIA, FROM, cseq, method);
    }

    private SippScenario send(boolean retrans, String text) {
        steps.append("  <send").append(retrans ? " retrans=\"500\"" : "").append(">\n    <![CDATA[\n")
                .append(text.indent(6)).append("    ]]>\n  </send>\n");
        return this;
    }

    Path write() throws IOException {
        String body = steps.indexOf("[$invite_via]") < 0 ? steps.toString().replace(CAPTURE_VIA, "")
                : steps.toString();
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"" + name + "\">\n"
                + body + "  <label id=\"end\"/>\n</scenario>\n";
        Path file = Tools.workDir("sipp").resolve(name + ".xml");
        Files.writeString(file, xml);
        return file;
    }
}
