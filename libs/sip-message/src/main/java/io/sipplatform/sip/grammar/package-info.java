/**
 * The lexical layer of the RFC 3261 §25 grammar: character classes ({@link io.sipplatform.sip.grammar.SipChars}),
 * a cursor with consumeX/expectX rules ({@link io.sipplatform.sip.grammar.SipScanner}), %-escapes
 * ({@link io.sipplatform.sip.grammar.PercentEncoding}) and the header rules that need no model type
 * ({@link io.sipplatform.sip.grammar.HeaderValues}: list splitting, option tags, delta-seconds, Call-ID,
 * Max-Forwards). Every rule runs in one pass without recursion or regular expressions and reports bad input only as
 * {@link io.sipplatform.sip.SipParseException}. It is not a message parser: it never sees header names, CRLF or
 * folding, which the framer removes first.
 */
package io.sipplatform.sip.grammar;
