package io.sipplatform.sip.grammar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SipCharsTest {

    private static final String TOKEN_PUNCTUATION = "-.!%*_+`'~";
    private static final String WORD_PUNCTUATION = TOKEN_PUNCTUATION + "()<>:\\\"/[]?{}";

    @Test
    void tokenCharactersAreAlphanumAndTheRfc3261Punctuation() {
        for (char c = 0; c < 256; c++) {
            boolean expected = Character.isLetterOrDigit(c) && c < 128 || TOKEN_PUNCTUATION.indexOf(c) >= 0;
            assertEquals(expected, SipChars.isTokenChar(c), "char " + (int) c);
        }
    }

    @Test
    void wordCharactersExtendTokenWithCallIdPunctuation() {
        for (char c = 0; c < 256; c++) {
            boolean expected = Character.isLetterOrDigit(c) && c < 128 || WORD_PUNCTUATION.indexOf(c) >= 0;
            assertEquals(expected, SipChars.isWordChar(c), "char " + (int) c);
        }
        assertFalse(SipChars.isWordChar('@'));
        assertFalse(SipChars.isWordChar(';'));
    }

    @Test
    void uriComponentClassesMatchRfc3261() {
        assertClass("-_.!~*'()", SipChars::isMark);
        assertClass("[]/:&+$", SipChars::isParamUnreserved);
        assertClass("[]/?:+$", SipChars::isHnvUnreserved);
        assertClass("&=+$,;?/", SipChars::isUserUnreserved);
        assertTrue(SipChars.isUnreserved('a') && SipChars.isUnreserved('Z') && SipChars.isUnreserved('0'));
        assertTrue(SipChars.isUnreserved('~') && !SipChars.isUnreserved('%'));
    }

    private static void assertClass(String members, CharClass cls) {
        for (char c = 0x21; c < 0x7F; c++) {
            if (Character.isLetterOrDigit(c)) {
                continue;
            }
            assertEquals(members.indexOf(c) >= 0, cls.test(c), "char " + c);
        }
    }

    @FunctionalInterface
    private interface CharClass {
        boolean test(char c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"INVITE", "a", "z9hG4bK-.!%*_+`'~", "0"})
    void tokensAreAccepted(String s) {
        assertTrue(SipChars.isToken(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a;b", "a\"", "caf\u00e9", "a,b", "a=b"})
    void nonTokensAreRejected(String s) {
        assertFalse(SipChars.isToken(s));
    }

    @Test
    void nullIsNeitherTokenNorWord() {
        assertFalse(SipChars.isToken(null));
        assertFalse(SipChars.isWord(null));
    }

    @Test
    void nonAsciiBelongsToNoClass() {
        for (char c = 0x80; c < 0x3000; c++) {
            assertFalse(SipChars.is(c, 0xFFFF), "char " + (int) c);
        }
        assertFalse(SipChars.is('\uFFFF', 0xFFFF));
    }

    @Test
    void hexValueReadsBothCases() {
        assertEquals(10, SipChars.hexValue('a'));
        assertEquals(15, SipChars.hexValue('F'));
        assertEquals(9, SipChars.hexValue('9'));
        assertEquals(-1, SipChars.hexValue('g'));
    }

    @Test
    void caseFoldingIsAsciiOnly() {
        assertTrue(SipChars.equalsIgnoreCaseAscii("Transport", "tRANSPORT"));
        assertFalse(SipChars.equalsIgnoreCaseAscii("k", "\u212A")); // KELVIN SIGN folds to k in Unicode, not here
        assertFalse(SipChars.equalsIgnoreCaseAscii("a", "ab"));
        assertTrue(SipChars.equalsIgnoreCaseAscii(null, null));
        assertFalse(SipChars.equalsIgnoreCaseAscii(null, "a"));
        String lower = "already-lower";
        assertSame(lower, SipChars.toLowerAscii(lower));
        assertEquals("mixed\u00c9", SipChars.toLowerAscii("MiXeD\u00c9"));
        assertEquals("UPPER\u00e9", SipChars.toUpperAscii("upper\u00e9"));
    }
}
