package dev.salesplatform.kit.messaging;

import java.util.Set;

/**
 * What a consumer does with each event type of its topics: applies the handled ones and knowingly
 * skips the ignored ones. A type in neither (a later version, a type added to the catalogue since)
 * is skipped too, but counted and logged as unknown, so that a catalogue change never stops a consumer.
 */
public record EventTypes(Set<String> handled, Set<String> ignored) {

    public EventTypes {
        handled = Set.copyOf(handled);
        ignored = Set.copyOf(ignored);
    }

    public boolean known(String type) {
        return handled.contains(type) || ignored.contains(type);
    }
}
