package io.sipplatform.sip.message;

/** Byte classes used while framing (RFC 3261 §25.1). Package-private: the grammar package has the full set. */
final class MessageChars {
    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
        }
        for (int c = 'A'; c <= 'Z'; c++) {
            TOKEN[c] = true;
        }
        for (int c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c : "-.!%*_+`'~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private MessageChars() {
    }

    static boolean isToken(int b) {
        return TOKEN[b & 0xff];
    }

    static boolean isWsp(int b) {
        return b == ' ' || b == '\t';
    }
}
