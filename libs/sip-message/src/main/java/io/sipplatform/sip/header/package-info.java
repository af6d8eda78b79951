/**
 * Parsed header values of RFC 3261 §25 as immutable records: {@link io.sipplatform.sip.header.NameAddr} (From, To,
 * Route, Record-Route, Path), {@link io.sipplatform.sip.header.Contact}, {@link io.sipplatform.sip.header.Via},
 * {@link io.sipplatform.sip.header.CSeq}, {@link io.sipplatform.sip.header.AuthValue} (challenges and credentials),
 * {@link io.sipplatform.sip.header.ContentType}, {@link io.sipplatform.sip.header.RetryAfter}, and the parameters
 * they share ({@link io.sipplatform.sip.header.Param}, {@link io.sipplatform.sip.header.Params}). Each parses one
 * unfolded value (a list header is split first with {@link io.sipplatform.sip.grammar.HeaderValues#split}) and
 * renders back to a canonical form that parses to an equal record. It is not the message: header names, lookup and
 * lazy parsing live in {@code io.sipplatform.sip.message}; digest computation lives in {@code digest}.
 */
package io.sipplatform.sip.header;
