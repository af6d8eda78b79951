/**
 * Fan-out of media events to WatchEvents subscribers: subscribers without a group get every event, subscribers that
 * share a group share its events (one member each, round robin), so that one edge replica ends a timed-out call.
 * Nothing is queued here and nothing blocks: an event no member can take is counted and forgotten. Knows nothing of
 * gRPC; each subscriber's buffer and flow control live in its {@link io.sipplatform.media.events.EventSink}.
 */
package io.sipplatform.media.events;
