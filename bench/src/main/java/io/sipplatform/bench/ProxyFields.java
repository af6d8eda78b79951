package io.sipplatform.bench;

/**
 * Receives what a stateless proxy reads from a message, in one fixed order for every library, so the benchmark
 * consumes the same work from each and the correctness test can compare them value by value.
 *
 * <p>Order: top Via branch, Call-ID, CSeq number, CSeq method, From tag, To tag; then for a request the Request-URI,
 * Max-Forwards (-1 when absent) and the first Route's URI (null when absent), for a response the status code.
 * Values are passed in each library's own type (a pkts {@code Buffer}, a JAIN {@code URI}, our {@code Uri}): a
 * proxy built on that library would use them as they are, so no library pays for a conversion it would not make.
 */
interface ProxyFields {

    /** A text or address value, in the library's own type; null when absent. */
    void value(Object v);

    /** A numeric value (CSeq number, Max-Forwards, status code). */
    void number(long v);
}
