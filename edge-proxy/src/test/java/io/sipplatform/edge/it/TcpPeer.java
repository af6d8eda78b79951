package io.sipplatform.edge.it;

import io.sipplatform.sip.message.Framed;
import io.sipplatform.sip.message.SipMessage;
import io.sipplatform.sip.message.StreamFramer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;

/** A SIP peer with one TCP connection to the edge on 127.0.0.1: writes text, reads framed messages (5 s each). */
final class TcpPeer implements AutoCloseable {
    private final Socket socket;
    private final StreamFramer framer = new StreamFramer();
    private final ArrayDeque<Framed> frames = new ArrayDeque<>();

    TcpPeer(int edgePort) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), edgePort);
        socket.setSoTimeout(5000);
    }

    int port() {
        return socket.getLocalPort();
    }

    void send(String text) throws IOException {
        socket.getOutputStream().write(text.replace("\r\n", "\n").replace("\n", "\r\n")
                .replace("PORT", Integer.toString(port())).getBytes(StandardCharsets.UTF_8));
    }

    void sendRaw(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
    }

    /** The next message the edge sent on the connection. */
    SipMessage receive() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[65536];
        while (true) {
            Framed f = frames.poll();
            if (f instanceof Framed.Message m) {
                return m.message();
            }
            if (f != null) {
                continue; // keep-alives
            }
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no SIP message within 5 s on TCP port " + port());
            }
            if (n < 0) {
                throw new AssertionError("the edge closed the connection");
            }
            framer.feed(Arrays.copyOf(buf, n), frames::add);
        }
    }

    /** The next message that is not a 100 Trying. */
    SipMessage receiveSkipping100() throws IOException {
        while (true) {
            SipMessage m = receive();
            if (m.isRequest() || !m.startLine().startsWith("SIP/2.0 100")) {
                return m;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
