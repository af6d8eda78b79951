package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A minimal SIP user agent over WebSocket (RFC 7118, subprotocol "sip", one SIP message per text frame), the way a
 * browser softphone talks to the edge. Debian ships no SIP client with a WebSocket transport (baresip 1.x refuses
 * transport=ws), so this one is ours.
 */
final class WebSocketPhone extends ScriptedPhone {
    private final String host = UUID.randomUUID().toString().substring(0, 8) + ".invalid"; // RFC 7118 §5
    private final WebSocket socket;

    WebSocketPhone(String user, String password, int port) throws Exception {
        super(user, password);
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("sip")
                .buildAsync(URI.create("ws://" + Platform.HOST + ":" + port + "/"), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            byte[] bytes = partial.toString().getBytes(StandardCharsets.UTF_8);
                            partial.setLength(0);
                            received(bytes);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        if (!"sip".equals(socket.getSubprotocol())) {
            fail("the edge did not agree on the sip subprotocol: " + socket.getSubprotocol());
        }
    }

    @Override
    protected String contact() {
        return "<sip:" + user + "@" + host + ";transport=ws>";
    }

    @Override
    protected String via() {
        return "SIP/2.0/WS " + host + ";branch=z9hG4bK" + UUID.randomUUID().toString().replace("-", "") + ";rport";
    }

    @Override
    protected void transmit(String message) {
        socket.sendText(message, true).join();
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
