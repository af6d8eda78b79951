package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.sipplatform.sip.message.SipRequest;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A customer's phone behind NAT: it registers a Contact and Via with the address it believes it has, while its
 * packets come from the NAT's public address. A carrier's call to its DID must reach it at that public address, and
 * so must the in-dialog requests (ACK, BYE) that name its private Contact as Request-URI.
 */
@Order(5)
class NatTraversalIT extends PlatformScenario {
    private static final String PRIVATE = "127.0.0.59:5999"; // nothing listens there
    private static final String SDP = ScriptedPhone.sdp("127.0.0.59", 42000);

    @Test
    void aDidCallAndItsInDialogRequestsReachAPhoneBehindNatAtItsPublicAddress() throws Exception {
        try (NattedPhone erin = new NattedPhone("erin", "erin-secret", "127.0.0.58", PRIVATE,
                new InetSocketAddress(Platform.HOST, Platform.sipPort(1)))) {
            erin.register();
            Sipp carrier = Sipp.run("carrier-to-natted", SippScenario.calling("carrier-call", 500))
                    .local(Provisioning.CARRIER_IN, 0).key("dialled", Provisioning.NAT_DID).calls(1)
                    .start(edge(1), 30);
            SipRequest invite = erin.nextRequest("INVITE");
            assertEquals("sip:erin@" + PRIVATE, invite.requestUriText(), "the Contact stays the Request-URI");
            erin.respond(invite, 200, "OK", "erin1", SDP);
            SipRequest ack = erin.nextRequest("ACK");
            assertEquals("sip:erin@" + PRIVATE, ack.requestUriText(), "the ACK names the private Contact");
            SipRequest bye = erin.nextRequest("BYE");
            erin.respond(bye, 200, "OK", "erin1", null);
            assertEquals(0, carrier.await(30), carrier.diagnostics());
            JsonNode cdr = Cdrs.closed(platform, Cdrs.callIds(carrier, "answered").get(0));
            assertEquals("ANSWERED", cdr.path("disposition").asText());
            assertEquals("CALLER", cdr.path("hangupSide").asText(), "the carrier hung up, the phone got its BYE");
        }
    }
}
