package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.stage;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealListTest {

    @Test
    void filtersCombineAndPagesAreNewestFirst() {
        UUID me = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String march = create(ae(me), dealJson("Alpha " + tag));
        String april = create(ae(me), dealJson("Beta " + tag).replace("2027-03-31", "2027-04-15"));
        String may = create(ae(me), dealJson("Gamma " + tag).replace("2027-03-31", "2027-05-20"));
        stage(ae(me), april, "DEMO").statusCode(200);
        String owner = "/api/v1/deals?owner=" + me;

        get(ae(me), owner).statusCode(200).body("items.id", equalTo(List.of(may, april, march)));
        get(ae(me), owner + "&stage=DEMO").statusCode(200).body("items.id", equalTo(List.of(april)));
        get(ae(me), owner + "&expectedCloseFrom=2027-04-01&expectedCloseTo=2027-04-30").statusCode(200)
                .body("items.id", equalTo(List.of(april)));
        get(ae(me), owner + "&expectedCloseFrom=2027-04-15").statusCode(200).body("items.id", equalTo(List.of(may, april)));
        get(manager(), owner + "&q=GAMMA").statusCode(200).body("items.id", equalTo(List.of(may)));
        get(manager(), owner + "&q=engines").statusCode(200).body("items.id", equalTo(List.of(may, april, march)));

        String next = get(ae(me), owner + "&limit=2").statusCode(200).body("items.id", equalTo(List.of(may, april)))
                .extract().path("nextCursor");
        get(ae(me), owner + "&limit=2&cursor=" + next).statusCode(200)
                .body("items.id", equalTo(List.of(march))).body("nextCursor", nullValue());
    }

    @Test
    void anAccountExecutiveListsOnlyTheirOwnDeals() {
        UUID me = UUID.randomUUID();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mine = create(ae(me), dealJson("Shared " + tag));
        String theirs = create(ae(UUID.randomUUID()), dealJson("Shared " + tag));
        get(ae(me), "/api/v1/deals?q=" + tag).statusCode(200).body("items.id", equalTo(List.of(mine)));
        get(manager(), "/api/v1/deals?q=" + tag).statusCode(200).body("items.id", equalTo(List.of(theirs, mine)));
    }
}
