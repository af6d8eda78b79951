package io.sipplatform.edge.transaction;

import io.sipplatform.sip.message.SipResponse;

import java.util.ArrayList;
import java.util.List;

/** A client listener that records its events as short phrases, e.g. "provisional 180", "final 486", "timeout". */
class RecordingListener implements ClientListener {
    final List<String> events = new ArrayList<>();
    final List<SipResponse> responses = new ArrayList<>();

    @Override
    public void onProvisional(ClientTransaction transaction, SipResponse response) {
        record("provisional", response);
    }

    @Override
    public void onFinal(ClientTransaction transaction, SipResponse response) {
        record("final", response);
    }

    @Override
    public void onAdditionalSuccess(ClientTransaction transaction, SipResponse response) {
        record("additional", response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        events.add("timeout");
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
        events.add("transport-error");
    }

    private void record(String kind, SipResponse response) {
        events.add(kind + " " + response.statusCode());
        responses.add(response);
    }
}
