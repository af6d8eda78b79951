/**
 * The CDR model and its rules, pure Java: call events as observed by the edge, the fold that turns the events of one
 * call into one call detail record (whatever order and however often they arrive), dispositions and orphan closing.
 * It is not storage, not protobuf and not Quarkus: adapters map to and from these records at the boundary.
 */
package io.sipplatform.cdr.domain;
