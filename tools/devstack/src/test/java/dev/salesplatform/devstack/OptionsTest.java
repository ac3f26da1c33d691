package dev.salesplatform.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private static Options parse(String... args) {
        return Options.parse(List.of(args), null);
    }

    @Test
    void noArgumentsMeansHelp() {
        assertEquals(Options.Command.HELP, parse().command());
    }

    @Test
    void upWithoutFlags() {
        Options o = parse("up");
        assertEquals(Options.Command.UP, o.command());
        assertFalse(o.fresh());
        assertFalse(o.detach());
        assertFalse(o.infraOnly());
        assertFalse(o.supervise());
        assertEquals(Options.DEFAULT_TIMEOUT, o.timeout());
        assertEquals(StackSpec.Shape.SINGLE, o.shape());
    }

    @Test
    void replicasAndBrokersMakeTheShape() {
        assertEquals(new StackSpec.Shape(2, 3), parse("up", "--replicas=2", "--kafka-brokers=3").shape());
        assertEquals(new StackSpec.Shape(3, 1), parse("up", "--replicas=3").shape());
        assertThrows(Options.UsageException.class, () -> parse("up", "--replicas=0"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--replicas=4"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--replicas=two"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--kafka-brokers=4"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--kafka-brokers="));
        assertThrows(Options.UsageException.class, () -> parse("status", "--replicas=2"));
    }

    @Test
    void upWithAllFlags() {
        Options o = parse("up", "--fresh", "-d", "--infra-only", "--timeout=90");
        assertTrue(o.fresh());
        assertTrue(o.detach());
        assertTrue(o.infraOnly());
        assertEquals(Duration.ofSeconds(90), o.timeout());
        assertTrue(parse("up", "--detach").detach());
        assertEquals(Duration.ofSeconds(30), parse("up", "--timeout", "30").timeout());
    }

    @Test
    void timeoutFromEnvironmentUnlessGivenOnTheCommandLine() {
        assertEquals(Duration.ofSeconds(500), Options.parse(List.of("up"), "500").timeout());
        assertEquals(Duration.ofSeconds(20), Options.parse(List.of("up", "--timeout=20"), "500").timeout());
        assertEquals(Options.DEFAULT_TIMEOUT, Options.parse(List.of("up"), " ").timeout());
        assertThrows(Options.UsageException.class, () -> Options.parse(List.of("up"), "soon"));
    }

    @Test
    void badInputIsAUsageError() {
        assertThrows(Options.UsageException.class, () -> parse("launch"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--frsh"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--timeout=0"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--timeout=-5"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--timeout"));
        assertThrows(Options.UsageException.class, () -> parse("down", "--fresh"));
        assertThrows(Options.UsageException.class, () -> parse("status", "x"));
        assertThrows(Options.UsageException.class, () -> parse("logs", "kafka", "postgres"));
        assertThrows(Options.UsageException.class, () -> parse("up", "--supervise", "-d"));
    }

    @Test
    void logsTakeAnOptionalName() {
        assertEquals(Optional.empty(), parse("logs").logName());
        assertEquals(Optional.of("kafka"), parse("logs", "kafka").logName());
    }

    @Test
    void otherCommands() {
        assertEquals(Options.Command.DOWN, parse("down").command());
        assertEquals(Options.Command.STATUS, parse("status").command());
        assertEquals(Options.Command.RUNNING, parse("running").command());
        assertEquals(Options.Command.HELP, parse("--help").command());
    }

    @Test
    void superviseArgumentsCarryModeAndTimeout() {
        Options infra = parse("up", "-d", "--infra-only", "--timeout=77");
        Options background = Options.parse(infra.superviseArgs(), null);
        assertTrue(background.supervise());
        assertFalse(background.detach());
        assertTrue(background.infraOnly());
        assertEquals(Duration.ofSeconds(77), background.timeout());
        assertFalse(Options.parse(parse("up", "-d").superviseArgs(), null).infraOnly());
        assertEquals(new StackSpec.Shape(2, 3), Options.parse(parse("up", "-d", "--replicas=2", "--kafka-brokers=3")
                .superviseArgs(), null).shape());
    }
}
