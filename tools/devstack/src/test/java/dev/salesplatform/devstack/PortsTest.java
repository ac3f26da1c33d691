package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aListeningPortIsInUseAndFreeAgainWhenClosed() throws Exception {
        int port;
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertTrue(Ports.inUse(port));
        }
        assertFalse(Ports.inUse(port));
    }

    @Test
    void aPortBoundOnTheWildcardAddressIsInUse() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0));
            assertTrue(Ports.inUse(server.getLocalPort()));
        }
    }

    @Test
    void aBoundButNotListeningSocketStillCounts() throws Exception {
        // connecting fails (nothing accepts), but the port cannot be bound either
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            assertTrue(Ports.inUse(socket.getLocalPort()));
        }
    }

    @Test
    void conflictsNameThePortAndWhoWantedIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int busy = server.getLocalPort();
            int free;
            try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                free = probe.getLocalPort();
            }
            Map<Integer, String> wanted = new LinkedHashMap<>();
            wanted.put(free, "Keycloak HTTP");
            wanted.put(busy, "Kafka broker");
            List<String> conflicts = Ports.conflicts(wanted);
            assertEquals(1, conflicts.size(), conflicts.toString());
            assertTrue(conflicts.getFirst().startsWith("port " + busy + " (wanted by Kafka broker) is already in use"),
                    conflicts.getFirst());
        }
    }

    @Test
    void theHolderIsReadFromSsOutput() {
        String ss = "LISTEN 0      5          127.0.0.1:9092      0.0.0.0:*    users:((\"python3\",pid=999999999,fd=3))\n";
        assertEquals(Optional.of("pid 999999999 (python3)"), Ports.parseSsHolder(ss));
        assertEquals(Optional.empty(), Ports.parseSsHolder(""));
    }

    @Test
    void everyPortOfTheStackIsNamed() {
        Map<Integer, String> all = StackSpec.Shape.SINGLE.ports(false);
        assertEquals(List.of(15432, 9092, 9093, 8180, 9180, 8080, 9080, 8081, 9081, 8082, 9082, 8083, 9083, 8084, 9084),
                List.copyOf(all.keySet()));
        assertEquals("PostgreSQL", all.get(15432));
        assertEquals("api-gateway", all.get(8080));
        assertEquals("api-gateway management", all.get(9080));
        assertEquals("analytics-service management", all.get(9084));
        assertEquals("lead-service", all.get(8081));
        assertEquals(List.of(15432, 9092, 9093, 8180, 9180), List.copyOf(StackSpec.Shape.SINGLE.ports(true).keySet()));
    }

    @Test
    void theLargestShapeNeedsNoPortTwice() {
        StackSpec.Shape largest = new StackSpec.Shape(StackSpec.MAX_REPLICAS, StackSpec.MAX_KAFKA_BROKERS);
        Map<Integer, String> all = largest.ports(false);
        int expected = 1 + 2 * StackSpec.MAX_KAFKA_BROKERS + 2 + 2 * StackSpec.SERVICES.size() * StackSpec.MAX_REPLICAS;
        assertEquals(expected, all.size(), "a port wanted twice was counted once: " + all);
        assertEquals("lead-service-2", all.get(8101));
        assertEquals("api-gateway-3 management", all.get(9120));
        assertEquals("Kafka broker 3", all.get(9096));
        assertEquals("Kafka broker 2 controller", all.get(9095));
    }
}
