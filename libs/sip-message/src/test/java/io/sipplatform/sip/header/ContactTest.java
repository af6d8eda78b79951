package io.sipplatform.sip.header;

import io.sipplatform.sip.SipParseException;
import io.sipplatform.sip.uri.SipUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<sip:alice@pc33.atlanta.com>",
            "\"Mr. Watson\" <sip:watson@worcester.bell-telephone.com>;q=0.7; expires=3600",
            "<sip:line1@192.0.2.2;transport=tcp>;reg-id=1;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"",
            "sip:user@host22.example.com;expires=2",
            "<sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31>", // RFC 4475 §3.1.1.3
            "<sip:%00@host5.example.com>",                                    // RFC 4475 §3.1.1.4
            "<sip:+19725552222@gw1.example.net;unknownparam>;expires=4294967295",
            "<sip:user@example.com?Route=%3Csip:sip.example.com%3E>",          // RFC 4475 §3.3.x (regescrt)
            "\"Quoted string \\\"\\\"\" <sip:jdrosen@example.com> ; newparam = newvalue ; secondparam ; q = 0.33",
            "<sip:x@y>;q=0", "<sip:x@y>;q=1", "<sip:x@y>;q=1.000", "<sip:x@y>;q=0.", "<sip:x@y>;q=0.999",
            "<sip:x@y>;reg-id=2147483647", "<sip:x@y>;expires=0", "\"Caller\" <sip:caller@[2001:db8::1]>",
            "<tel:+1-201-555-0123>;expires=60", "<urn:service:sos>"})
    void validContactsParseAndRenderBack(String value) {
        Contact contact = Contact.parse(value);
        assertEquals(contact, Contact.parse(contact.toString()), contact.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * ", "<sip:x@y>;q=1.5", "<sip:x@y>;q=2", "<sip:x@y>;q=.5", "<sip:x@y>;q=0.1234",
            "<sip:x@y>;q=1.001", "<sip:x@y>;q=-0", "<sip:x@y>;q", "<sip:x@y>;q=\"0.5\"x", "<sip:x@y>;expires",
            "<sip:x@y>;expires=-1", "<sip:x@y>;expires=1h", "<sip:x@y>;expires=\"\"", "<sip:x@y>;reg-id=0",
            "<sip:x@y>;reg-id=2147483648", "<sip:x@y>;reg-id", "<sip:x@y>;reg-id=+1",
            "sip:user@example.com?Route=%3Csip:sip.example.com%3E", // RFC 4475 §3.1.2.12 (regbadct)
            "<sip:x@y>, <sip:z@w>", ""})
    void malformedContactsThrow(String value) {
        assertThrows(SipParseException.class, () -> Contact.parse(value));
    }

    @ParameterizedTest
    @CsvSource({"0,0", "0.,0", "0.5,500", "0.05,50", "0.005,5", "0.33,330", "0.999,999", "1,1000", "1.,1000",
            "1.0,1000", "1.000,1000"})
    void qvaluesReadAsThousandths(String q, int millis) {
        assertEquals(millis, Contact.parse("<sip:x@y>;q=" + q).qMillis());
    }

    @Test
    void registrationParametersAreReadable() {
        Contact c = Contact.parse("<sip:line1@192.0.2.2;transport=tcp>;Expires=3600;Q=0.7;reg-id=1;"
                + "+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"");
        assertEquals(3600, c.expires());
        assertEquals(700, c.qMillis());
        assertEquals(1, c.regId());
        assertEquals("<urn:uuid:00000000-0000-1000-8000-000A95A0E128>", c.instance());
        assertEquals("tcp", ((SipUri) c.uri()).transportParam());
        assertTrue(c.toString().contains(";+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\""));

        Contact bare = Contact.parse("<sip:x@y>");
        assertEquals(-1, bare.expires());
        assertEquals(-1, bare.qMillis());
        assertEquals(-1, bare.regId());
        assertNull(bare.instance());
        assertEquals(60, bare.withExpires(60).expires());
    }

    @Test
    void expiresAboveTwoToTheThirtyTwoMinusOneIsRejected() {
        assertEquals(4_294_967_295L, Contact.parse("<sip:x@y>;expires=4294967295").expires());
        assertThrows(SipParseException.class, () -> Contact.parse("<sip:x@y>;expires=280297596632815"));
        assertThrows(SipParseException.class, () -> Contact.parse("<sip:x@y>;expires=" + "9".repeat(10_000)));
    }

    @Test
    void wildcardIsRecognisedButIsNotAnAddress() {
        assertTrue(Contact.isWildcard("*"));
        assertTrue(Contact.isWildcard(" \t* "));
        assertFalse(Contact.isWildcard("**"));
        assertFalse(Contact.isWildcard("<sip:*@h>"));
        assertFalse(Contact.isWildcard(null));
        assertThrows(SipParseException.class, () -> Contact.parse("*"));
    }

    @Test
    void constructorChecksTheRegistrationParameters() {
        NameAddr address = NameAddr.parse("<sip:x@y>");
        assertThrows(IllegalArgumentException.class, () -> new Contact(address.withParam("q", "2")));
        assertThrows(IllegalArgumentException.class, () -> new Contact(address.withParam("expires", null)));
        assertThrows(IllegalArgumentException.class, () -> new Contact(address.withParam("reg-id", "0")));
        assertThrows(NullPointerException.class, () -> new Contact(null));
        assertEquals(List.of(new Param("q", "0.5")), new Contact(address.withParam("q", "0.5")).address().params());
    }
}
