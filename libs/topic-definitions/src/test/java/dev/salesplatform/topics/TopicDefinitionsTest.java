package dev.salesplatform.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicDefinitionsTest {

    /** deploy/kafka/topics.conf as it is in git (the surefire configuration names it). */
    private static final Path FILE = Path.of(System.getProperty("topics.file"));

    @Test
    void theJarCarriesTheFileInGit() throws IOException {
        assertEquals(TopicDefinitions.parse(Files.readString(FILE), "topics.conf").topics(),
                TopicDefinitions.platform().topics());
    }

    /** Each topic line of the real file reads as written: its name, then each setting, none lost or added. */
    @Test
    void everyLineOfTheRealFileReadsAsWritten() throws IOException {
        List<String> lines = Files.readAllLines(FILE).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        List<TopicDefinition> topics = TopicDefinitions.platform().topics();
        assertEquals(lines.size(), topics.size());
        for (int i = 0; i < lines.size(); i++) {
            List<String> written = Arrays.asList(lines.get(i).split("\\s+"));
            List<String> read = Arrays.asList(topics.get(i).line().split(" "));
            assertEquals(written.getFirst(), read.getFirst());
            assertEquals(written.stream().sorted().toList(), read.stream().sorted().toList(), lines.get(i));
        }
    }

    /** DESIGN §6: three event topics and their dead letters, all kept forever. */
    @Test
    void definesTheEventTopicsAndTheirDeadLettersKeptForever() {
        TopicDefinitions definitions = TopicDefinitions.platform();
        for (String events : List.of("sales.lead.events", "sales.deal.events", "sales.customer.events")) {
            for (String name : List.of(events, events + ".dlq")) {
                TopicDefinition topic = definitions.topic(name).orElseThrow(() -> new AssertionError(name));
                assertEquals("-1", topic.configs().get("retention.ms"), name);
                assertTrue(topic.partitions() >= 1, name);
            }
        }
    }

    @Test
    void readsNameSettingsAndSkipsCommentsAndBlankLines() {
        TopicDefinitions definitions = TopicDefinitions.parse("""
                # a comment
                   # an indented comment

                a.topic\tpartitions=6   retention.ms=-1 cleanup.policy=compact,delete
                b_topic partitions=1
                """, "test.conf");
        assertEquals(List.of("a.topic", "b_topic"), definitions.names());
        assertEquals(new TopicDefinition("a.topic", 6, Map.of("retention.ms", "-1", "cleanup.policy", "compact,delete")),
                definitions.topic("a.topic").orElseThrow());
        assertEquals(List.of("retention.ms", "cleanup.policy"),
                List.copyOf(definitions.topic("a.topic").orElseThrow().configs().keySet()));
        assertEquals(Map.of(), definitions.topic("b_topic").orElseThrow().configs());
    }

    @Test
    void aLineReadsBackFromItsOwnForm() {
        TopicDefinition topic = new TopicDefinition("t", 3, Map.of("retention.ms", "-1"));
        assertEquals("t partitions=3 retention.ms=-1", topic.line());
        assertEquals(topic, TopicDefinitions.parseLine(topic.line()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "t retention.ms=-1|test.conf line 2: t: no partitions=N",
        "t partitions=three|test.conf line 2: t: partitions=three is not a whole number",
        "t partitions=0|test.conf line 2: t: partitions must be at least 1, not 0",
        "t partitions=3 partitions=4|test.conf line 2: t: partitions is given twice",
        "t partitions=3 retention.ms=1 retention.ms=2|test.conf line 2: t: retention.ms is given twice",
        "t partitions=3 retention.ms|test.conf line 2: t: 'retention.ms' is not key=value",
        "t partitions=3 =5|test.conf line 2: t: '=5' is not key=value",
        "t partitions=3 retention.ms=|test.conf line 2: t: retention.ms has no value",
        "t partitions=3 Retention.MS=1|test.conf line 2: t: 'Retention.MS' is not a topic config name (kafka-configs names are lower case words joined by dots)",
        "t partitions=3 min.insync.replicas=2|test.conf line 2: t: min.insync.replicas belongs to the cluster (KAFKA_TOPIC_MIN_INSYNC_REPLICAS), not to a topic",
        "t partitions=3 replication.factor=3|test.conf line 2: t: replication.factor belongs to the cluster (KAFKA_TOPIC_REPLICATION_FACTOR), not to a topic",
        "t partitions=3 # kept forever|test.conf line 2: a comment takes a whole line (starting with #), not the end of one",
        "sales/lead partitions=3|test.conf line 2: 'sales/lead' is not a valid topic name (up to 249 letters, digits, '.', '_', '-')",
        "first partitions=1|test.conf line 2: first is already defined on line 1",
    })
    void aBadLineIsNamedWithWhatIsWrong(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicDefinitions.parse("first partitions=1\n" + line + "\n", "test.conf"));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aDefinitionWithoutTopicsIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TopicDefinitions.parse("# nothing\n\n", "empty.conf"));
        assertEquals("empty.conf defines no topic", e.getMessage());
    }
}
