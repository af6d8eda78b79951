package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.sip.message.SipMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A SipSender that records what was sent and fails on demand, at once or later. */
final class RecordingSender implements SipSender {
    record Sent(Destination destination, byte[] bytes, Consumer<Throwable> onFailure) {
        SipMessage message() {
            return Messages.parse(bytes);
        }

        String startLine() {
            return message().startLine();
        }
    }

    final List<Sent> sent = new ArrayList<>();
    /** When set, every send fails at once (inside send). */
    boolean failing;

    @Override
    public void send(Destination destination, byte[] bytes, Consumer<Throwable> onFailure) {
        sent.add(new Sent(destination, bytes, onFailure));
        if (failing) {
            onFailure.accept(new IOException("connection refused"));
        }
    }

    Sent last() {
        if (sent.isEmpty()) {
            throw new AssertionError("nothing sent");
        }
        return sent.get(sent.size() - 1);
    }

    /** Start lines of everything sent, in order. */
    List<String> startLines() {
        return sent.stream().map(Sent::startLine).toList();
    }

    /** Reports a failure of the last send now, as an asynchronous transport would. */
    void failLast() {
        last().onFailure().accept(new IOException("connection reset"));
    }

    void clear() {
        sent.clear();
    }
}
