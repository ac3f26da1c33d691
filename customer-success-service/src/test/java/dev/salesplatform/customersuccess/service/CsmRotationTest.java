package dev.salesplatform.customersuccess.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** The round-robin turn is a PostgreSQL counter: concurrent onboardings (as from N instances) share turns evenly. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CsmRotationTest {

    @Inject
    CsmRotation rotation;

    UUID nextOf(List<UUID> csms) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> rotation.next(csms)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void concurrentTurnsGoRoundEvenly() {
        List<UUID> csms = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<CompletableFuture<UUID>> turns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            turns.add(CompletableFuture.supplyAsync(() -> nextOf(csms)));
        }
        Map<UUID, Long> counts = turns.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertEquals(Map.of(csms.get(0), 10L, csms.get(1), 10L, csms.get(2), 10L), counts);
    }

    @Test
    void withoutCsmsNobodyIsAssigned() {
        assertNull(nextOf(List.of()));
    }
}
