package dev.salesplatform.topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's topics as deploy/kafka/topics.conf defines them (the file's header is its format:
 * one topic a line, its name then {@code key=value} settings; whole-line {@code #} comments). The
 * build puts that file into this jar as {@link #RESOURCE}, so every user reads the same definition.
 */
public final class TopicDefinitions {

    /** Where the definition is on the classpath. */
    public static final String RESOURCE = "META-INF/salesplatform/topics.conf";

    private final List<TopicDefinition> topics;

    private TopicDefinitions(List<TopicDefinition> topics) {
        this.topics = List.copyOf(topics);
    }

    /** The platform's definition, read from {@link #RESOURCE}. */
    public static TopicDefinitions platform() {
        try (InputStream in = TopicDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with the "
                        + "topic-definitions jar, built from deploy/kafka/topics.conf");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "topics.conf");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Reads a definition in the format of topics.conf.
     *
     * @param source what to call the text in messages, e.g. its file name
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    public static TopicDefinitions parse(String text, String source) {
        List<TopicDefinition> topics = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int number = i + 1;
            TopicDefinition topic;
            try {
                topic = parseLine(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + number + ": " + e.getMessage(), e);
            }
            Integer earlier = lineOf.putIfAbsent(topic.name(), number);
            if (earlier != null) {
                throw new IllegalArgumentException(source + " line " + number + ": " + topic.name()
                        + " is already defined on line " + earlier);
            }
            topics.add(topic);
        }
        if (topics.isEmpty()) {
            throw new IllegalArgumentException(source + " defines no topic");
        }
        return new TopicDefinitions(topics);
    }

    /**
     * Reads one topic's line, without comments: {@code name partitions=N key=value ...}.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static TopicDefinition parseLine(String line) {
        String[] tokens = line.strip().split("\\s+");
        String name = tokens[0];
        Integer partitions = null;
        Map<String, String> configs = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i];
            if (token.startsWith("#")) {
                throw new IllegalArgumentException("a comment takes a whole line (starting with #), not the end of one");
            }
            int equals = token.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException(name + ": '" + token + "' is not key=value");
            }
            String key = token.substring(0, equals);
            String value = token.substring(equals + 1);
            if (key.equals("partitions")) {
                if (partitions != null) {
                    throw new IllegalArgumentException(name + ": partitions is given twice");
                }
                partitions = partitions(name, value);
            } else if (configs.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(name + ": " + key + " is given twice");
            }
        }
        if (partitions == null) {
            throw new IllegalArgumentException(name + ": no partitions=N");
        }
        return new TopicDefinition(name, partitions, configs);
    }

    public List<TopicDefinition> topics() {
        return topics;
    }

    public List<String> names() {
        return topics.stream().map(TopicDefinition::name).toList();
    }

    public Optional<TopicDefinition> topic(String name) {
        return topics.stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static int partitions(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": partitions=" + value + " is not a whole number", e);
        }
    }
}
