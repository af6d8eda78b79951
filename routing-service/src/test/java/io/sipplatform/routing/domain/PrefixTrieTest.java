package io.sipplatform.routing.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrefixTrieTest {
    private static final PrefixTrie<String> TRIE = PrefixTrie.<String>builder()
            .put("+", "world").put("+49", "germany").put("+4930", "berlin").put("+493012", "mitte")
            .put("+1", "nanp").build();

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource({
        "+4930123456, +493012, mitte",
        "+4930999,    +4930,   berlin",
        "+4989123,    +49,     germany",
        "+12125550100, +1,     nanp",
        "+44207,      +,       world",
        "+49,         +49,     germany",   // the prefix itself
    })
    void longestPrefixWins(String number, String prefix, String value) {
        PrefixTrie.Match<String> match = TRIE.longestMatch(number).orElseThrow();
        assertEquals(prefix, match.prefix());
        assertEquals(value, match.value());
    }

    @Test
    void withoutCatchAllAnUnknownCountryHasNoRoute() {
        PrefixTrie<String> trie = PrefixTrie.<String>builder().put("+49", "de").build();
        assertTrue(trie.longestMatch("+44207").isEmpty());
        assertTrue(trie.longestMatch("4930").isEmpty(), "not E.164");
        assertTrue(trie.longestMatch("").isEmpty());
        assertEquals(1, trie.size());
    }

    @Test
    void aBuiltTrieCannotChange() {
        PrefixTrie.Builder<String> builder = PrefixTrie.<String>builder().put("+1", "a");
        builder.build();
        assertThrows(IllegalStateException.class, () -> builder.put("+2", "b"));
    }

    @Test
    void stopsAtTheFirstNonDigit() {
        assertEquals("berlin", TRIE.longestMatch("+4930;x").orElseThrow().value());
    }
}
