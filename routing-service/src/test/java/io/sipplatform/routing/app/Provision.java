package io.sipplatform.routing.app;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Admin API calls with the test token; bodies are JSON text as an operator would send them. */
final class Provision {
    static final String TOKEN = "test-token";

    private Provision() {
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(TOKEN).contentType(ContentType.JSON);
    }

    static Response post(String collection, String json) {
        return admin().body(json).post("/admin/v1/" + collection);
    }

    static void created(String collection, String json) {
        post(collection, json).then().statusCode(201);
    }

    /** A German customer: IP trunk (2 calls), digest trunk, DIDs for each delivery, one carrier, +49, 112. */
    static void acme() {
        created("customers", "{\"id\":\"acme\",\"name\":\"Acme GmbH\"}");
        created("trunks", """
                {"id":"acme-ip","customerId":"acme","name":"Acme PBX",
                 "auth":{"type":"address","networks":["192.0.2.0/24"],"transports":["UDP","TCP"]},
                 "limits":{"maxConcurrent":2},
                 "numberPlan":{"countryCode":"49","nationalPrefix":"0","internationalPrefix":"00","areaCode":"30"},
                 "addresses":["sip:pbx.acme.example:5060;transport=tcp"],"deliveryFormat":"NATIONAL"}""");
        created("trunks", """
                {"id":"acme-reg","customerId":"acme","name":"Acme softphones",
                 "auth":{"type":"digest","accounts":[{"username":"acme-reg","password":"correct horse"}],
                         "aors":["sip:office@acme.example"]},
                 "numberPlan":{"countryCode":"49","nationalPrefix":"0","internationalPrefix":"00"}}""");
        created("dids", "{\"number\":\"+4930123456\",\"customerId\":\"acme\",\"trunkId\":\"acme-ip\"}");
        created("dids", "{\"number\":\"+4930123457\",\"customerId\":\"acme\",\"trunkId\":\"acme-reg\","
                + "\"delivery\":\"REGISTERED\",\"aor\":\"sip:office@acme.example\",\"forking\":\"PARALLEL\"}");
        created("carriers", """
                {"id":"cheap","name":"Cheap Telecom","sources":["203.0.113.0/24"],
                 "gateways":[{"id":"cheap-a","host":"gw-a.cheap.example","priority":0},
                             {"id":"cheap-b","host":"gw-b.cheap.example","priority":1}]}""");
        created("routes", "{\"id\":\"de\",\"prefix\":\"+49\",\"carriers\":[{\"carrierId\":\"cheap\"}]}");
        created("emergency-routes", "{\"number\":\"112\",\"carriers\":[{\"carrierId\":\"cheap\"}]}");
    }

    static ContentType json() {
        return ContentType.JSON;
    }
}
