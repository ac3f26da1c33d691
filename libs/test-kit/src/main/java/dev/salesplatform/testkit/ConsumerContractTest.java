package dev.salesplatform.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The event catalogue drives a consumer (extend it in a {@code @QuarkusTest}): every type of its topic
 * is handled or knowingly ignored, and every catalogue example (as is, with unknown extra fields,
 * without each optional field) goes through the real broker without a dead letter; an unknown later
 * version is skipped and counted in {@code events_unknown_type_total}.
 */
public abstract class ConsumerContractTest {

    /** The topic the consumer reads. */
    protected abstract String topic();

    /** The consumer's name (its dead letters and processed events are recorded under it). */
    protected abstract String consumer();

    /** Whether the consumer knows {@code type}: handles or knowingly ignores it. */
    protected abstract boolean knows(String type);

    /** Whether the consumer applies events of {@code type}. */
    protected abstract boolean handles(String type);

    /** The ids among {@code eventIds} the consumer applied. */
    protected Set<String> applied(Set<String> eventIds) {
        return TestDatabase.processed(consumer(), eventIds);
    }

    @Test
    void everyCatalogueTypeOfTheTopicIsHandledOrKnowinglyIgnored() {
        for (String type : CatalogueEvents.types(topic())) {
            assertTrue(knows(type), type + " is in the catalogue but " + consumer() + " neither handles nor ignores it");
        }
    }

    @Test
    void everyCatalogueEventIsAppliedOrIgnoredAndAnUnknownVersionIsSkippedAndCounted() {
        double unknownBefore = unknownTypes();
        CatalogueEvents.assertConsumed(topic(), this::handles, this::applied, TestDatabase::deadLettered);
        assertEquals(unknownBefore + 1, unknownTypes());
    }

    /** The service's {@code events_unknown_type_total} for this consumer and topic, from its metrics. */
    private double unknownTypes() {
        String metrics = Management.given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        // OpenMetrics: a counter's line may end with an exemplar (" # {trace_id=...} 1.0 <time>") when tracing is on.
        Matcher line = Pattern.compile("^events_unknown_type_total\\{([^}]*)} (\\S+)(?: # .*)?$", Pattern.MULTILINE)
                .matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("consumer=\"" + consumer() + "\"") && line.group(1).contains("topic=\"" + topic() + "\"")) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
