package io.sipplatform.cdr.store;

/** What hourly aggregates are grouped by, with the CDR column holding it. */
public enum AggregateKey {
    CUSTOMER("customer_id"), CARRIER("carrier_id");

    final String column;

    AggregateKey(String column) {
        this.column = column;
    }
}
