package io.sipplatform.cdr.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.sipplatform.cdr.OrphanCloser;
import io.sipplatform.cdr.PartitionKeeper;
import io.sipplatform.cdr.SelectedDatabase;
import io.sipplatform.cdr.domain.CallEvent;
import io.sipplatform.cdr.fixture.Traffic;
import io.sipplatform.cdr.grpc.ProtoEvents;
import io.sipplatform.cdr.store.DayPartitions;
import io.sipplatform.proto.cdr.v1.CdrIngestGrpc;
import io.sipplatform.proto.cdr.v1.PublishBatchRequest;
import io.sipplatform.proto.cdr.v1.PublishBatchResponse;
import io.sipplatform.proto.cdr.v1.PublishRequest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The running service: gRPC ingestion, REST query API, health and metrics, on each database. */
abstract class CdrAppContract {
    @GrpcClient("cdr")
    CdrIngestGrpc.CdrIngestBlockingStub cdr;

    @Inject
    OrphanCloser orphans;

    @Inject
    PartitionKeeper partitions;

    @Inject
    SelectedDatabase database;

    abstract String expectedDatabase();

    private static RequestSpecification api() {
        // Decimals as double: ASR and ACD are compared to hand-computed doubles.
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .header("Authorization", "Bearer test-token");
    }

    private PublishBatchResponse publish(List<CallEvent> events) {
        return cdr.publishBatch(PublishBatchRequest.newBuilder()
                .addAllEvents(events.stream().map(ProtoEvents::toWire).toList()).build());
    }

    /** Traffic.hour() is published by several tests: replays after the first change nothing. */
    private void publishHour() {
        PublishBatchResponse response = publish(Traffic.hour());
        assertEquals(Traffic.hour().size(), response.getStored() + response.getDuplicates());
    }

    @Test
    void publishedEventIsQueryableOnceAcknowledgedAndAReplayIsADuplicate() {
        List<CallEvent> call = Traffic.call("app-one", "edge-1", "cust-9", "carrier-z", Traffic.HOUR.minusSeconds(60),
                800, 2_000, 12_500, 200);
        PublishBatchResponse first = publish(call);
        assertEquals(call.size(), first.getStored());

        api().get("/v1/cdrs/app-one").then().statusCode(200)
                .body("disposition", equalTo("ANSWERED"))
                .body("billableSeconds", equalTo(11))
                .body("pddMillis", equalTo(800))
                .body("carrierId", equalTo("carrier-z"))
                .body("legs", hasSize(1))
                .body("legs[0].finalCode", equalTo(200));

        PublishBatchResponse replay = publish(call);
        assertEquals(0, replay.getStored());
        assertEquals(call.size(), replay.getDuplicates());
        assertTrue(cdr.publish(PublishRequest.newBuilder().setEvent(ProtoEvents.toWire(call.get(0))).build())
                .getDuplicate());
    }

    @Test
    void invalidEventsAreRefusedWithInvalidArgumentAndNothingIsStored() {
        io.sipplatform.proto.cdr.v1.CallEvent valid = ProtoEvents.toWire(Traffic.call("app-invalid", "edge-1",
                "cust-1", "carrier-a", Traffic.HOUR, -1, -1, 500, 503).get(0));
        assertInvalid(() -> cdr.publish(PublishRequest.newBuilder()
                .setEvent(valid.toBuilder().setSequence(0)).build()));
        assertInvalid(() -> cdr.publish(PublishRequest.newBuilder()
                .setEvent(valid.toBuilder().clearEventTime()).build()));
        assertInvalid(() -> cdr.publishBatch(PublishBatchRequest.newBuilder().addEvents(valid)
                .addEvents(valid.toBuilder().setSequence(2).clearAttempt()).build()));
        assertInvalid(() -> cdr.publishBatch(PublishBatchRequest.getDefaultInstance()));

        api().get("/v1/cdrs/app-invalid").then().statusCode(404);
    }

    private static void assertInvalid(Executable call) {
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, call);
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }

    @Test
    void apiRequestsWithoutAValidBearerTokenAre401() {
        given().get("/v1/cdrs").then().statusCode(401).header("WWW-Authenticate", containsString("Bearer"));
        given().header("Authorization", "Bearer wrong").get("/v1/cdrs").then().statusCode(401);
        api().get("/v1/cdrs").then().statusCode(200);
    }

    @Test
    void listingPagesWithACursorAndFilters() {
        publishHour();
        String from = Traffic.HOUR.toString();
        String to = Traffic.HOUR.plusSeconds(7200).toString();

        String next = api().queryParam("from", from).queryParam("to", to).queryParam("limit", 3)
                .get("/v1/cdrs").then().statusCode(200)
                .body("items.callId", equalTo(List.of("call-a", "call-b", "call-c")))
                .extract().path("next");
        api().queryParam("from", from).queryParam("to", to).queryParam("limit", 3).queryParam("after", next)
                .get("/v1/cdrs").then().statusCode(200)
                .body("items.callId", equalTo(List.of("call-d", "call-e")))
                .body("next", nullValue());
        api().queryParam("from", from).queryParam("to", to).queryParam("carrier", "carrier-b")
                .queryParam("disposition", "busy").get("/v1/cdrs").then().statusCode(200)
                .body("items.callId", equalTo(List.of("call-b")));
        api().queryParam("disposition", "maybe").get("/v1/cdrs").then().statusCode(400)
                .body("parameter", equalTo("disposition"));
        api().queryParam("after", "not-a-cursor").get("/v1/cdrs").then().statusCode(400)
                .body("parameter", equalTo("after"));
    }

    @Test
    void csvExportHasAHeaderAndOneRowPerCdr() {
        publishHour();
        String csv = api().queryParam("from", Traffic.HOUR.toString())
                .queryParam("to", Traffic.HOUR.plusSeconds(7200).toString()).queryParam("customer", "cust-1")
                .get("/v1/cdrs/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();

        String[] lines = csv.split("\r\n");
        assertEquals(5, lines.length);
        assertTrue(lines[0].startsWith("callId,site,state,orphan,customerId,"));
        assertTrue(lines[1].startsWith("call-a,eu-1,CLOSED,false,cust-1,trunk-cust-1,OUTBOUND,"));
        assertTrue(lines[4].startsWith("call-e,"));
    }

    @Test
    void hourlyAggregatesByCustomerAndCarrierMatchHandComputedValues() {
        publishHour();
        String from = Traffic.HOUR.toString();
        String to = Traffic.HOUR.plusSeconds(7200).toString();

        api().queryParam("from", from).queryParam("to", to).queryParam("by", "customer")
                .get("/v1/aggregates/hourly").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].key", equalTo("cust-1"))
                .body("items[0].attempts", equalTo(3))
                .body("items[0].answered", equalTo(2))
                .body("items[0].asr", closeTo(2.0 / 3, 1e-9))
                .body("items[0].acdSeconds", closeTo(45.1, 1e-9))
                .body("items[0].averagePddMillis", closeTo(5000.0 / 3, 1e-9))
                .body("items[1].key", equalTo("cust-2"))
                .body("items[1].asr", closeTo(0, 1e-9))
                .body("items[1].averagePddMillis", nullValue())
                .body("items[2].hour", equalTo(Traffic.HOUR.plusSeconds(3600).toString()))
                .body("items[2].acdSeconds", closeTo(10.0, 1e-9));
        api().queryParam("from", from).queryParam("to", to).queryParam("by", "carrier")
                .get("/v1/aggregates/hourly").then().statusCode(200)
                .body("items.key", equalTo(List.of("carrier-a", "carrier-b", "carrier-a")))
                .body("items[1].attempts", equalTo(2))
                .body("items[1].averagePddMillis", closeTo(2500.0, 1e-9));
        api().queryParam("from", from).get("/v1/aggregates/hourly").then().statusCode(400)
                .body("parameter", equalTo("to"));
    }

    @Test
    void callWithoutEndIsClosedAsOrphanAfterMaximumDuration() {
        Instant start = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.MILLIS);
        publish(Traffic.call("app-orphan", "edge-1", "cust-1", "carrier-a", start, 1_000, 2_000, -1, 0));

        orphans.sweepOnce();

        api().get("/v1/cdrs/app-orphan").then().statusCode(200)
                .body("orphan", equalTo(true))
                .body("state", equalTo("CLOSED"))
                .body("endCause", equalTo("MAX_DURATION"))
                .body("endTime", equalTo(start.plus(Duration.ofHours(4)).toString()));
    }

    @Test
    void readinessReportsTheDatabaseInUseAndMetricsCountEvents() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'cdr-store' }.data.database", equalTo(expectedDatabase()));
        publish(Traffic.call("app-metrics", "edge-1", "cust-1", "carrier-a", Traffic.HOUR.minus(Duration.ofDays(1)),
                -1, -1, 500, 503));
        publish(Traffic.call("app-metrics", "edge-1", "cust-1", "carrier-a", Traffic.HOUR.minus(Duration.ofDays(1)),
                -1, -1, 500, 503));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : List.of("cdr_events_stored_total", "cdr_events_duplicates_total", "cdr_cdrs_written_total",
                "cdr_commit_latency_seconds", "cdr_ingest_lag_seconds", "cdr_calls_open", "cdr_orphans_closed_total")) {
            assertTrue(metrics.contains(name), name);
        }
        assertFalse(metrics.contains("cdr_events_duplicates_total 0.0"));
        // the call ended with 503 at carrier-a: counted by carrier and code class (the replay does not count again)
        assertTrue(metrics.contains("cdr_calls_completed_total{carrier=\"carrier-a\",code_class=\"5xx\"}"), metrics);
    }

    @Test
    void startupCreatedTheComingDaysPartitionsSoALaterRunHasNothingToCreate() throws SQLException {
        assertEquals(List.of(), partitions.runOnce().created());
        try (Connection c = database.dataSource().getConnection()) {
            if (expectedDatabase().equals("postgresql")) {
                LocalDate today = DayPartitions.dayOf(Instant.now());
                // Default cdr.partitions.days-ahead: 7.
                assertTrue(DayPartitions.days(c).containsAll(today.minusDays(1).datesUntil(today.plusDays(8)).toList()));
            } else {
                assertFalse(DayPartitions.partitioned(c));
            }
        }
        assertTrue(given().get("/q/metrics").then().statusCode(200).extract().asString()
                .contains("cdr_partitions_created_total"));
    }

    @Test
    void openApiDocumentDescribesTheQueryApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/v1/cdrs/export.csv"))
                .body(containsString("/v1/aggregates/hourly"));
    }
}
