package io.sipplatform.edge.transport;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.net.NetSocket;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The write side of a connection; both operations may be called from any thread (Vert.x hops to the loop). */
interface Wire {

    Future<Void> write(byte[] bytes);

    void close();

    static Wire of(NetSocket socket) {
        return new Wire() {
            @Override
            public Future<Void> write(byte[] bytes) {
                return socket.write(Buffer.buffer(bytes));
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    /**
     * One SIP message per WebSocket message (RFC 7118 §5.2): a text message when the bytes are valid UTF-8 (what
     * browser stacks expect), else binary (a body that is not text).
     */
    static Wire of(WebSocketBase socket) {
        return new Wire() {
            @Override
            public Future<Void> write(byte[] bytes) {
                String text = utf8(bytes);
                return text != null ? socket.writeTextMessage(text) : socket.writeBinaryMessage(Buffer.buffer(bytes));
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
