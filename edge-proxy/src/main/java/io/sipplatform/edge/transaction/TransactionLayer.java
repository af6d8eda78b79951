package io.sipplatform.edge.transaction;

import io.sipplatform.edge.time.Timers;
import io.sipplatform.edge.transport.Destination;
import io.sipplatform.edge.transport.Inbound;
import io.sipplatform.edge.transport.SipSender;
import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.header.Via;
import io.sipplatform.sip.message.SipMethod;
import io.sipplatform.sip.message.SipRequest;
import io.sipplatform.sip.message.SipResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The transaction layer of one event-loop shard (RFC 3261 §17): matches received requests to server transactions
 * and responses to client transactions, creates transactions, and runs their timers. Not thread-safe by design:
 * the edge shards calls by Call-ID over event loops, and every method, timer task, send-failure callback and TU
 * callback of one layer runs on that loop's thread.
 *
 * <p>Received requests: a retransmission is absorbed by its transaction (which re-sends its last response as its
 * state says); an ACK for a non-2xx final is absorbed by the INVITE transaction; any other ACK goes to
 * {@link TransactionUser#onAck}; every other new request gets a server transaction (an INVITE is answered 100
 * Trying at once) and goes to {@link TransactionUser#onRequest}. Before that its top Via receives {@code received}
 * and {@code rport} ({@link ReceivedStamp}) and its response destination is fixed ({@link ResponseRoute}).
 */
public final class TransactionLayer {
    final TransactionSettings settings;
    final Timers timers;
    final SipSender sender;
    final TransactionUser tu;
    final TransactionStats stats = new TransactionStats();
    private final Map<ServerKey, ServerTransaction> servers = new HashMap<>();
    private final Map<ClientKey, ClientTransaction> clients = new HashMap<>();

    public TransactionLayer(TransactionSettings settings, Timers timers, SipSender sender, TransactionUser tu) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timers = Objects.requireNonNull(timers, "timers");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.tu = Objects.requireNonNull(tu, "tu");
    }

    /**
     * A request arrived. Matches it to a server transaction (RFC 3261 §17.2.3, with the RFC 2543 rules for requests
     * without a z9hG4bK branch) or creates one.
     *
     * @throws IllegalArgumentException if the message is a response
     */
    public void onRequest(Inbound in) {
        if (!(in.message() instanceof SipRequest request)) {
            throw new IllegalArgumentException("not a request");
        }
        boolean ack = request.method().equals(SipMethod.ACK);
        ServerKey key = null;
        ServerTransaction match;
        try {
            if (ack) {
                match = findAcked(request);
            } else {
                key = ServerKey.of(request, request.method().name());
                match = servers.get(key);
            }
        } catch (SipParseException e) {
            stats.unreadable++;
            tu.onMalformed(in, e);
            return;
        }
        if (ack) {
            if (!(match instanceof InviteServerTransaction invite) || !invite.onAck()) {
                tu.onAck(in);
            }
        } else if (match != null) {
            match.onRetransmission();
        } else {
            create(key, in);
        }
    }

    private void create(ServerKey key, Inbound in) {
        Inbound stamped = ReceivedStamp.apply(in);
        ServerTransaction tx;
        if (((SipRequest) in.message()).method().isInvite()) {
            tx = new InviteServerTransaction(this, key, stamped);
            stats.openInviteServer++;
        } else {
            tx = new NonInviteServerTransaction(this, key, stamped);
            stats.openNonInviteServer++;
        }
        servers.put(key, tx);
        stats.serverTransactionsCreated++;
        if (tx instanceof InviteServerTransaction invite) {
            invite.sendTrying();
        }
        // a 100 Trying that failed at once ended the transaction; the request is dropped with the transport error
        if (tx.state != TransactionState.TERMINATED) {
            tx.delivered = true;
            tu.onRequest(tx);
        }
    }

    /** The INVITE server transaction an ACK belongs to (§17.2.3), or null. */
    private InviteServerTransaction findAcked(SipRequest ack) {
        String invite = SipMethod.INVITE.name();
        if (ServerKey.isRfc3261(ack)) {
            return servers.get(ServerKey.of(ack, invite)) instanceof InviteServerTransaction t ? t : null;
        }
        // RFC 2543: the INVITE carried the To tag it had (none for an initial INVITE, the dialog's inside one); the
        // ACK must carry the final response's To tag
        String ackToTag = ack.toTag();
        ServerTransaction found = servers.get(ServerKey.legacy(ack, invite, null));
        if (found == null && ackToTag != null) {
            found = servers.get(ServerKey.legacy(ack, invite, ackToTag));
        }
        return found instanceof InviteServerTransaction t && t.ackToTagMatches(ackToTag) ? t : null;
    }

    /**
     * The INVITE server transaction a CANCEL cancels (RFC 3261 §9.2: the §17.2.3 match as if the CANCEL were the
     * INVITE), or null when none is open. The TU answers the CANCEL 200 on its own transaction and, if this returns
     * one still in "Proceeding", answers it 487 and cancels its branches.
     *
     * @throws SipParseException if a header the match needs does not parse
     */
    public ServerTransaction findInviteFor(SipRequest cancel) {
        ServerTransaction tx = servers.get(ServerKey.of(cancel, SipMethod.INVITE.name()));
        return tx != null && tx.isInvite() ? tx : null;
    }

    /**
     * A response arrived. Passes it to the client transaction with its top Via branch and CSeq method
     * (RFC 3261 §17.1.3), or to {@link TransactionUser#onStrayResponse}.
     *
     * @throws IllegalArgumentException if the message is a request
     */
    public void onResponse(Inbound in) {
        if (!(in.message() instanceof SipResponse response)) {
            throw new IllegalArgumentException("not a response");
        }
        ClientTransaction tx;
        try {
            String branch = response.topVia().branch();
            tx = branch == null ? null : clients.get(new ClientKey(branch, response.cseq().method()));
        } catch (SipParseException e) {
            stats.unreadable++;
            tu.onMalformed(in, e);
            return;
        }
        if (tx == null) {
            stats.strayResponses++;
            tu.onStrayResponse(in);
            return;
        }
        tx.onResponse(response);
    }

    /**
     * Sends a request in a new client transaction. The request already carries this edge's top Via with a unique
     * z9hG4bK branch (the TU's job); the transaction is keyed on it. Retransmissions (Timer A or E, UDP only), the
     * ACK for a non-2xx final, and a CANCEL from {@link ClientTransaction#cancel()} all go to {@code destination}.
     * The listener may hear of a transport error before this method returns.
     *
     * @throws IllegalArgumentException for an ACK (the ACK for a 2xx is sent by the TU directly, the one for a non-2xx
     *                                  by the layer), or a top Via without a z9hG4bK branch
     * @throws IllegalStateException    if a client transaction with this branch and method is open
     * @throws SipParseException        if the request's top Via or CSeq does not parse
     */
    public ClientTransaction sendRequest(SipRequest request, Destination destination, ClientListener listener) {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(listener, "listener");
        if (request.method().equals(SipMethod.ACK)) {
            throw new IllegalArgumentException("ACK is not sent in a client transaction");
        }
        Via via = request.topVia();
        if (!via.isRfc3261Branch()) {
            throw new IllegalArgumentException("top Via needs a z9hG4bK branch: " + via);
        }
        request.cseq();
        ClientKey key = new ClientKey(via.branch(), request.method().name());
        if (clients.containsKey(key)) {
            throw new IllegalStateException("client transaction exists: " + key);
        }
        ClientTransaction tx;
        if (request.method().isInvite()) {
            tx = new InviteClientTransaction(this, key, request, destination, listener);
            stats.openInviteClient++;
        } else {
            tx = new NonInviteClientTransaction(this, key, request, destination, listener);
            stats.openNonInviteClient++;
        }
        clients.put(key, tx);
        stats.clientTransactionsCreated++;
        tx.start();
        return tx;
    }

    /** Open server and client transactions; drain waits for zero. */
    public int openTransactions() {
        return servers.size() + clients.size();
    }

    /** This layer's counters. */
    public TransactionStats stats() {
        return stats;
    }

    void removed(ServerTransaction tx) {
        if (servers.remove(tx.key, tx)) {
            if (tx.isInvite()) {
                stats.openInviteServer--;
            } else {
                stats.openNonInviteServer--;
            }
        }
    }

    void removed(ClientTransaction tx) {
        if (clients.remove(tx.key, tx)) {
            if (tx.isInvite()) {
                stats.openInviteClient--;
            } else {
                stats.openNonInviteClient--;
            }
        }
    }
}
