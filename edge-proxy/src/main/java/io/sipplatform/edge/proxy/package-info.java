/**
 * The proxy core of RFC 3261 §16: validation, routing decisions applied to requests, forking and response
 * selection, Record-Route with signed state. Not transport or transaction handling, which live beside it.
 */
package io.sipplatform.edge.proxy;
