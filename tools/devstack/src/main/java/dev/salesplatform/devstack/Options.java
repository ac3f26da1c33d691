package dev.salesplatform.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@link DevStack}: {@code up [--fresh] [-d|--detach] [--infra-only] [--timeout=SECONDS]
 * [--replicas=N] [--kafka-brokers=N]},
 * {@code down}, {@code status}, {@code logs [name]}, {@code running}, {@code help}.
 */
public record Options(Command command, boolean fresh, boolean detach, boolean infraOnly, boolean supervise,
                      Duration timeout, Optional<String> logName, StackSpec.Shape shape) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(240);

    public enum Command {
        UP, DOWN, STATUS, LOGS, RUNNING, HELP
    }

    /** A command line that cannot be understood; the message says why. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    public static Options parse(List<String> args, String timeoutFromEnv) {
        if (args.isEmpty()) {
            return new Options(Command.HELP, false, false, false, false, DEFAULT_TIMEOUT, Optional.empty(),
                    StackSpec.Shape.SINGLE);
        }
        Command command = switch (args.getFirst()) {
            case "up" -> Command.UP;
            case "down", "stop" -> Command.DOWN;
            case "status", "ps" -> Command.STATUS;
            case "logs" -> Command.LOGS;
            case "running" -> Command.RUNNING;
            case "help", "-h", "--help" -> Command.HELP;
            default -> throw new UsageException("unknown command '" + args.getFirst() + "'");
        };
        boolean fresh = false;
        boolean detach = false;
        boolean infraOnly = false;
        boolean supervise = false;
        Duration timeout = timeoutFromEnv == null || timeoutFromEnv.isBlank()
                ? DEFAULT_TIMEOUT : parseTimeout(timeoutFromEnv, "PLATFORM_UP_TIMEOUT");
        Optional<String> logName = Optional.empty();
        int replicas = 1;
        int kafkaBrokers = 1;
        List<String> rest = args.subList(1, args.size());
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (command == Command.UP) {
                switch (arg) {
                    case "--fresh" -> fresh = true;
                    case "-d", "--detach" -> detach = true;
                    case "--infra-only", "--infra" -> infraOnly = true;
                    case "--supervise" -> supervise = true;
                    case "--timeout" -> {
                        if (i + 1 >= rest.size()) {
                            throw new UsageException("--timeout needs a number of seconds");
                        }
                        timeout = parseTimeout(rest.get(++i), "--timeout");
                    }
                    default -> {
                        if (arg.startsWith("--timeout=")) {
                            timeout = parseTimeout(arg.substring("--timeout=".length()), "--timeout");
                        } else if (arg.startsWith("--replicas=")) {
                            replicas = parseCount(arg.substring("--replicas=".length()), "--replicas");
                        } else if (arg.startsWith("--kafka-brokers=")) {
                            kafkaBrokers = parseCount(arg.substring("--kafka-brokers=".length()), "--kafka-brokers");
                        } else {
                            throw new UsageException("unknown option '" + arg + "' for up");
                        }
                    }
                }
            } else if (command == Command.LOGS && logName.isEmpty() && !arg.startsWith("-")) {
                logName = Optional.of(arg);
            } else {
                throw new UsageException("unexpected argument '" + arg + "' for " + args.getFirst());
            }
        }
        if (supervise && detach) {
            throw new UsageException("--supervise and --detach exclude each other");
        }
        return new Options(command, fresh, detach, infraOnly, supervise, timeout, logName,
                new StackSpec.Shape(replicas, kafkaBrokers));
    }

    static int parseCount(String value, String what) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a number, not '" + value + "'");
        }
    }

    static Duration parseTimeout(String value, String what) {
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds <= 0) {
                throw new UsageException(what + " must be a positive number of seconds, not '" + value + "'");
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be a number of seconds, not '" + value + "'");
        }
    }

    /** The arguments that make a background supervisor do what this {@code up} asks. */
    public List<String> superviseArgs() {
        List<String> args = new java.util.ArrayList<>(List.of("up", "--supervise"));
        if (infraOnly) {
            args.add("--infra-only");
        }
        args.add("--timeout=" + timeout.toSeconds());
        args.addAll(shape.options());
        return List.copyOf(args);
    }

    public static String usage() {
        return """
                Usage: ./platform <command>

                  up [--fresh] [-d|--detach] [--infra-only] [--timeout=SECONDS] [--replicas=N] [--kafka-brokers=N]
                        start PostgreSQL, Kafka, Keycloak and the five services, wait until all are
                        ready, print URLs, demo users and a sample curl. Idempotent. In the foreground
                        Ctrl-C stops everything; with -d it returns once ready and keeps running.
                        --fresh       stop a running stack and wipe its data (.platform/) first
                        --infra-only  only PostgreSQL, Kafka and Keycloak (run services yourself)
                        --timeout     overall start timeout (default 240 s, env PLATFORM_UP_TIMEOUT)
                        --replicas=N  N instances (1-3) of every service, 20 ports apart (8081, 8101,
                                      8121, ...); the gateway balances over them
                        --kafka-brokers=N
                                      a KRaft cluster of N brokers (1-3; ports 9092, 9094, 9096); with 3,
                                      replication factor 3 and min.insync.replicas 2
                  down  stop everything the stack started (services, Keycloak, Kafka, PostgreSQL)
                  status
                        each component up/down with pid and port (exit 0 if the stack is running)
                  logs [name]
                        follow the logs (all, or one of: devstack postgres kafka keycloak api-gateway
                        lead-service deal-service customer-success-service analytics-service; a
                        second instance is lead-service-2, a broker of a cluster kafka-1)
                  test  ./mvnw install (all unit and service tests), then the e2e tests against the
                        stack (started with up -d --replicas=2 --kafka-brokers=3 and stopped again if it
                        was not running)
                  help  this text
                """;
    }
}
