package io.sipplatform.sip.grammar;

import io.sipplatform.sip.SipParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderValuesTest {

    static Stream<Arguments> lists() {
        return Stream.of(
                Arguments.of("a", List.of("a")),
                Arguments.of(" a ,\tb\t, c ", List.of("a", "b", "c")),
                Arguments.of("   ", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("\"Watson, Thomas\" <sip:t@x>, <sip:b@y>",
                        List.of("\"Watson, Thomas\" <sip:t@x>", "<sip:b@y>")),
                Arguments.of("<sip:a,b@x;p=1>;q=0.5,<sip:c@y>", List.of("<sip:a,b@x;p=1>;q=0.5", "<sip:c@y>")),
                Arguments.of("\"escaped \\\", comma\" <sip:x@y>", List.of("\"escaped \\\", comma\" <sip:x@y>")),
                Arguments.of("\"ends in backslash\\\\\", <sip:x@y>",
                        List.of("\"ends in backslash\\\\\"", "<sip:x@y>")),
                Arguments.of("Digest realm=\"a,b\", nonce=\"c\"", List.of("Digest realm=\"a,b\"", "nonce=\"c\"")),
                // RFC 4475 §3.1.1.1: two via-parms with unusual spacing
                Arguments.of("SIP  / 2.0  / TCP     spindle.example.com   ;  branch  =   z9hG4bK9ikj8  , "
                                + "SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239",
                        List.of("SIP  / 2.0  / TCP     spindle.example.com   ;  branch  =   z9hG4bK9ikj8",
                                "SIP  /    2.0   / UDP  192.168.255.111   ; branch= z9hG4bK30239")),
                Arguments.of("a>,b", List.of("a>", "b")));
    }

    @ParameterizedTest
    @MethodSource("lists")
    void splitsAtTopLevelCommasOnly(String line, List<String> values) {
        assertEquals(values, HeaderValues.split(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "a,", ",a", "a,,b", "a, ,b", ";;,,;;,;", "\"unterminated, a", "<sip:a@b, c",
            "\"x\\\"", "a, \"b"})
    void emptyValuesAndUnterminatedQuotingThrow(String line) {
        assertThrows(SipParseException.class, () -> HeaderValues.split(line));
    }

    @Test
    void valueEndFindsTheFirstTopLevelComma() {
        String line = "\"a,b\" <sip:c,d@e>;x=1, <sip:f@g>";
        int end = HeaderValues.valueEnd(line, 0, line.length());
        assertEquals(',', line.charAt(end));
        assertEquals("\"a,b\" <sip:c,d@e>;x=1", line.substring(0, end));
        assertEquals(line.length(), HeaderValues.valueEnd(line, end + 1, line.length()));
        assertEquals(3, HeaderValues.valueEnd("abc,def", 0, 3)); // the range limit counts, not the string end
    }

    static Stream<Arguments> tokenLists() {
        return Stream.of(
                Arguments.of("100rel", List.of("100rel")),
                Arguments.of(" timer , 100rel,path,gruu ", List.of("timer", "100rel", "path", "gruu")),
                Arguments.of("INVITE,ACK,CANCEL,BYE,OPTIONS", List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS")),
                Arguments.of("", List.of()),
                Arguments.of(" \t", List.of()));
    }

    @ParameterizedTest
    @MethodSource("tokenLists")
    void tokenListsAreValidatedTokens(String line, List<String> tokens) {
        assertEquals(tokens, HeaderValues.tokens(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "a,", ",a", "a,,b", "foo;bar", "\"quoted\"", "caf\u00e9", "a/b"})
    void malformedTokenListsThrow(String line) {
        assertThrows(SipParseException.class, () -> HeaderValues.tokens(line));
    }

    @Test
    void deltaSecondsAboveTwoToTheThirtyTwoMinusOneIsRejected() {
        assertEquals(3600, HeaderValues.deltaSeconds(" 3600 "));
        assertEquals(0, HeaderValues.deltaSeconds("0"));
        assertEquals(4_294_967_295L, HeaderValues.deltaSeconds("4294967295"));
        assertThrows(SipParseException.class, () -> HeaderValues.deltaSeconds("4294967296"));
        // RFC 4475 §3.1.2.4 (scalar02): Expires of 1 followed by 100 zeros
        assertThrows(SipParseException.class, () -> HeaderValues.deltaSeconds("1" + "0".repeat(100)));
        assertThrows(SipParseException.class, () -> HeaderValues.deltaSeconds("9".repeat(10_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "+1", "1 0", "1.5", "0x10", "ten", "\u0661"})
    void malformedDeltaSecondsThrow(String value) {
        assertThrows(SipParseException.class, () -> HeaderValues.deltaSeconds(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com", "a84b4c76e66710",
            "wsinv.ndaksdj@192.0.2.1", "intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", "esc01.239409asdfakjkn23onasd0-3234"})
    void callIdsAreWordAtWord(String value) {
        assertEquals(value, HeaderValues.callId("  " + value + "\t"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a@", "@a", "a@b@c", "a;b", "caf\u00e9", "a,b", "a=b"})
    void malformedCallIdsThrow(String value) {
        assertThrows(SipParseException.class, () -> HeaderValues.callId(value));
    }

    @Test
    void maxForwardsIsZeroTo255() {
        assertEquals(70, HeaderValues.maxForwards("70"));
        assertEquals(68, HeaderValues.maxForwards(" 0068 ")); // RFC 4475 §3.1.1.1
        assertEquals(0, HeaderValues.maxForwards("0"));
        assertEquals(255, HeaderValues.maxForwards("255"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"256", "300", "-1", "", "7 0", "a", "99999999999999999999999999"})
    void maxForwardsOutOfRangeThrows(String value) {
        assertThrows(SipParseException.class, () -> HeaderValues.maxForwards(value));
    }

    @Test
    void tenThousandDigitMaxForwardsIsOutOfRange() {
        assertThrows(SipParseException.class, () -> HeaderValues.maxForwards("1".repeat(10_000)));
        assertEquals(1, HeaderValues.maxForwards("0".repeat(10_000) + "1"));
    }

    @Test
    void nullInputIsAParseError() {
        assertThrows(SipParseException.class, () -> HeaderValues.split(null));
        assertThrows(SipParseException.class, () -> HeaderValues.tokens(null));
        assertThrows(SipParseException.class, () -> HeaderValues.deltaSeconds(null));
        assertThrows(SipParseException.class, () -> HeaderValues.callId(null));
        assertThrows(SipParseException.class, () -> HeaderValues.maxForwards(null));
    }

    @Test
    void hostileListsCompleteInOnePass() {
        assertThrows(SipParseException.class, () -> HeaderValues.split(",".repeat(10_000)));
        assertEquals(10_001, HeaderValues.split("a" + ",a".repeat(10_000)).size());
        assertThrows(SipParseException.class, () -> HeaderValues.split("<".repeat(20_000)));
        assertEquals(1, HeaderValues.split("<".repeat(20_000) + ">").size());
        assertThrows(SipParseException.class, () -> HeaderValues.split("\"" + "\\".repeat(60_000)));
        assertEquals(2, HeaderValues.split("\"" + "\\,".repeat(30_000) + "\",b").size());
        assertEquals(10_001, HeaderValues.tokens("a" + ",a".repeat(10_000)).size());
        assertThrows(SipParseException.class, () -> HeaderValues.tokens(",".repeat(10_000)));
    }
}
