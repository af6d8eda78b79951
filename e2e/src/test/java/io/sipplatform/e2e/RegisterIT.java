package io.sipplatform.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * RFC 3261 §10 through the edge with SIPp: digest registration (401, then 200 with the binding), re-registration
 * refreshing the expiry, 423 Interval Too Brief with Min-Expires, removal with Expires 0, and the wildcard
 * {@code Contact: *} that removes every binding.
 */
@Order(1)
class RegisterIT extends PlatformScenario {
    @Test
    void registerReRegisterTooBriefUnregisterAndWildcard() throws Exception {
        String me = "<sip:dave@[local_ip]:[local_port]>";
        SippScenario flow = SippScenario.named("register-flow")
                .register(1, me, "600", 200)
                .register(3, me, "1200", 200)
                .register(5, "<sip:dave@[local_ip]:5999>", "10", 423)
                .register(7, me, "0", 200)
                .register(9, me, "600", 200)
                .register(11, "*", "0", 200);
        Sipp sipp = Sipp.run("register-flow", flow).local("127.0.0.55", 0)
                .key("user", "dave").option("-au", "dave", "-ap", "dave-secret").calls(1)
                .start(edge(1), 30);
        assertEquals(0, sipp.await(40), sipp.diagnostics());
        List<String> events = sipp.events();
        String contact = "<sip:dave@127.0.0.55:" + sipp.port() + ">";
        assertEquals(6, events.size(), String.join("\n", events));
        assertTrue(events.get(0).matches("200 Contact: " + Pattern.quote(contact) + ";expires=(599|600)\\s*"),
                events.get(0));
        assertTrue(events.get(1).matches("200 Contact: " + Pattern.quote(contact) + ";expires=(1199|1200)\\s*"),
                "re-registration refreshes the expiry: " + events.get(1));
        assertTrue(events.get(2).startsWith("423 ") && events.get(2).contains("Min-Expires: 60"),
                "below the minimum: " + events.get(2));
        assertTrue(!events.get(3).contains(contact), "Expires 0 removed the binding: " + events.get(3));
        assertTrue(events.get(4).contains(contact), events.get(4));
        assertEquals("200", events.get(5).strip(),
                "the wildcard removed every binding, so the 200 lists none: " + events.get(5));
    }
}
