package io.sipplatform.sip.header;

import io.sipplatform.sip.grammar.HeaderValues;
import io.sipplatform.sip.uri.AbsoluteUri;
import io.sipplatform.sip.uri.SipUri;
import io.sipplatform.sip.uri.TelUri;
import io.sipplatform.sip.uri.Uri;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every public value parser of the grammar, uri and header packages, for tests that push arbitrary input through
 * all of them. {@code reparse} turns a parsed value's rendering back into a value (null when the result has no
 * rendering to check).
 */
final class ValueParsers {
    record Entry(String name, Function<String, Object> parse, Function<String, Object> reparse) {
    }

    static final List<Entry> ALL = List.of(
            new Entry("HeaderValues.split", HeaderValues::split, null),
            new Entry("HeaderValues.valueEnd", s -> HeaderValues.valueEnd(s, 0, s.length()), null),
            new Entry("HeaderValues.tokens", HeaderValues::tokens, null),
            new Entry("HeaderValues.deltaSeconds", HeaderValues::deltaSeconds, null),
            new Entry("HeaderValues.callId", HeaderValues::callId, HeaderValues::callId),
            new Entry("HeaderValues.maxForwards", HeaderValues::maxForwards, null),
            new Entry("Uri.parse", Uri::parse, Uri::parse),
            new Entry("SipUri.parse", SipUri::parse, SipUri::parse),
            new Entry("TelUri.parse", TelUri::parse, TelUri::parse),
            new Entry("AbsoluteUri.parse", AbsoluteUri::parse, AbsoluteUri::parse),
            new Entry("NameAddr.parse", NameAddr::parse, NameAddr::parse),
            new Entry("NameAddr.parseNameAddr", NameAddr::parseNameAddr, NameAddr::parseNameAddr),
            new Entry("Via.parse", Via::parse, Via::parse),
            new Entry("CSeq.parse", CSeq::parse, CSeq::parse),
            new Entry("Contact.parse", Contact::parse, Contact::parse),
            new Entry("Contact.isWildcard", Contact::isWildcard, null),
            new Entry("AuthValue.parse", AuthValue::parse, AuthValue::parse),
            new Entry("ContentType.parse", ContentType::parse, ContentType::parse),
            new Entry("RetryAfter.parse", RetryAfter::parse, RetryAfter::parse));

    private ValueParsers() {
    }

    /** The rendering of {@code value} parses back to an equal value; returns a problem description or null. */
    static String roundTripProblem(Entry entry, Object value) {
        if (entry.reparse() == null) {
            return null;
        }
        String rendered = value.toString();
        Object again;
        try {
            again = entry.reparse().apply(rendered);
        } catch (RuntimeException e) {
            return entry.name() + " cannot reparse its rendering " + rendered + ": " + e;
        }
        return Objects.equals(value, again) ? null
                : entry.name() + " rendering " + rendered + " parses to a different value " + again;
    }
}
