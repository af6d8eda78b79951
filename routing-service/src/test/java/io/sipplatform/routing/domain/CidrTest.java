package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "192.0.2.0/24,   192.0.2.77,    true",
        "192.0.2.0/24,   192.0.3.1,     false",
        "192.0.2.7,      192.0.2.7,     true",
        "0.0.0.0/0,      203.0.113.9,   true",
        "2001:db8::/32,  2001:db8:1::5, true",
        "2001:db8::/32,  2001:db9::1,   false",
        "2001:db8::/32,  192.0.2.1,     false",
        "192.0.2.0/24,   192.0.2.077,   true",   // leading zeros are decimal
    })
    void containment(String network, String address, boolean contained) {
        assertEquals(contained, Cidr.parse("networks", network).contains(address));
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"192.0.2.1/24", "192.0.2.0/33", "example.com", "192.0.2.0/", "192.0.2.0/x",
        "2001:db8::1/200", "", "300.1.1.1"})
    void invalidNetworksNameTheField(String text) {
        InvalidField e = assertThrows(InvalidField.class, () -> Cidr.parse("networks[0]", text));
        assertEquals("networks[0]", e.field());
    }

    @Test
    void mostSpecificNetworkWinsInTheIndex() {
        AddressIndex<String> index = new AddressIndex<>();
        index.put(Cidr.parse("n", "10.0.0.0/8"), "wide");
        index.put(Cidr.parse("n", "10.1.0.0/16"), "narrow");
        index.put(Cidr.parse("n", "2001:db8::/32"), "v6");
        assertEquals(Optional.of("narrow"), index.find("10.1.2.3"));
        assertEquals(Optional.of("wide"), index.find("10.2.2.3"));
        assertEquals(Optional.of("v6"), index.find("2001:db8::1"));
        assertEquals(Optional.empty(), index.find("11.0.0.1"));
        assertEquals(Optional.empty(), index.find("not-an-ip"));
    }
}
