package io.sipplatform.edge.transaction;

import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.sip.SipParseException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A transaction user that records every call; an optional hook answers new requests. */
final class RecordingUser implements TransactionUser {
    record Ended(ServerTransaction transaction, TerminationCause cause) {
    }

    final List<ServerTransaction> requests = new ArrayList<>();
    final List<Inbound> acks = new ArrayList<>();
    final List<Inbound> strays = new ArrayList<>();
    final List<Ended> ended = new ArrayList<>();
    final List<SipParseException> malformed = new ArrayList<>();
    Consumer<ServerTransaction> onRequest = tx -> { };

    @Override
    public void onRequest(ServerTransaction transaction) {
        requests.add(transaction);
        onRequest.accept(transaction);
    }

    @Override
    public void onAck(Inbound ack) {
        acks.add(ack);
    }

    @Override
    public void onStrayResponse(Inbound response) {
        strays.add(response);
    }

    @Override
    public void onTerminated(ServerTransaction transaction, TerminationCause cause) {
        ended.add(new Ended(transaction, cause));
    }

    @Override
    public void onMalformed(Inbound message, SipParseException problem) {
        malformed.add(problem);
    }

    ServerTransaction last() {
        if (requests.isEmpty()) {
            throw new AssertionError("no request reached the TU");
        }
        return requests.get(requests.size() - 1);
    }
}
