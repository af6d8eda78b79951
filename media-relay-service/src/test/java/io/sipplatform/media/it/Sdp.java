package io.sipplatform.media.it;

import com.google.protobuf.ByteString;
import io.sipplatform.sip.sdp.SessionDescription;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SDP bodies for test parties, from the fixture template. */
final class Sdp {
    private static final String TEMPLATE = load();

    private Sdp() {
    }

    /** A 127.0.0.1 audio offer/answer receiving RTP on {@code rtp} and RTCP on {@code rtcp}. */
    static ByteString audio(int rtp, int rtcp) {
        return ByteString.copyFromUtf8(TEMPLATE.replace("{rtp}", Integer.toString(rtp))
                .replace("{rtcp}", Integer.toString(rtcp)));
    }

    /** {@code body} with a=rtcp-mux added to its (last, audio) m= line (RFC 5761 §5.1.1). */
    static ByteString muxed(ByteString body) {
        return body.concat(ByteString.copyFromUtf8("a=rtcp-mux\r\n"));
    }

    /** {@code body} with the template's o= line replaced by one at {@code address} with {@code version}. */
    static ByteString origin(ByteString body, String address, int version) {
        return ByteString.copyFromUtf8(body.toStringUtf8().replace("o=- 1 1 IN IP4 127.0.0.1",
                "o=alice 1 " + version + " IN IP4 " + address));
    }

    /** {@code body} put on hold the RFC 2543 way still common in trunks: c=0.0.0.0 and a=sendonly (RFC 3264 §8.4). */
    static ByteString hold(ByteString body) {
        return ByteString.copyFromUtf8(body.toStringUtf8().replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0")
                .replace("a=sendrecv", "a=sendonly"));
    }

    /** {@code body} with its stream a=inactive: a hold that sends nothing either way (RFC 3264 §8.4). */
    static ByteString inactive(ByteString body) {
        return ByteString.copyFromUtf8(body.toStringUtf8().replace("a=sendrecv", "a=inactive"));
    }

    /** {@code body} offering only PCMU (a codec change for a re-offer). */
    static ByteString pcmuOnly(ByteString body) {
        return ByteString.copyFromUtf8(body.toStringUtf8().replace("RTP/AVP 0 8 101", "RTP/AVP 0")
                .replace("a=rtpmap:8 PCMA/8000\r\n", "").replace("a=rtpmap:101 telephone-event/8000\r\n", ""));
    }

    /**
     * A 127.0.0.1 T.38 fax re-offer or re-answer (ITU-T T.38 Annex D, UDPTL on {@code port}), version 2 of the
     * template's origin: what a fax gateway sends to switch an audio call to T.38.
     */
    static ByteString t38(int port) {
        return ByteString.copyFromUtf8("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=image " + port + " udptl t38\r\na=T38FaxVersion:0\r\na=T38MaxBitRate:14400\r\n"
                + "a=T38FaxRateManagement:transferredTCF\r\na=T38FaxMaxDatagram:400\r\n"
                + "a=T38FaxUdpEC:t38UDPRedundancy\r\n");
    }

    static SessionDescription parse(ByteString body) {
        return SessionDescription.parse(body.toByteArray());
    }

    private static String load() {
        try (InputStream in = Sdp.class.getResourceAsStream("/sdp/party-audio-template.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
