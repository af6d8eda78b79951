package io.sipplatform.routing.admin;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items entries in id order
 * @param next  cursor for the next page ({@code ?after=<next>}); null on the last page
 */
public record PageBody<T>(List<T> items, String next) {
}
