package io.sipplatform.edge.transport;

import io.sipplatform.sip.message.DatagramFramer;
import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.HeaderName;
import io.sipplatform.sip.message.SipMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The .sip fixtures of src/test/resources/fixtures/transport. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/transport/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipMessage message(String name) {
        Framed framed = new DatagramFramer().frame(bytes(name));
        if (framed instanceof Framed.Message m) {
            return m.message();
        }
        throw new IllegalArgumentException(name + " is not a valid message: " + framed);
    }

    /** The OPTIONS fixture with its own Call-ID, so a test can tell its messages apart. */
    static byte[] options(String callId) {
        return message("options.sip").toBuilder().setHeader(HeaderName.CALL_ID, callId).toBytes();
    }
}
