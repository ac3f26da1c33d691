package dev.salesplatform.kit.topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import dev.salesplatform.topics.TopicDefinitions;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The service's topics in readiness ("kafka-topics"): DOWN, naming each problem, until every topic it
 * needs exists as deploy/kafka/topics.conf defines it and replicated as the cluster's settings say;
 * then UP for good. Checked at start (each problem logged once) and again on readiness calls while
 * something is wrong, at most once per {@code salesplatform.topics.check.interval}. Kafka being away
 * keeps the service running, only not ready.
 */
@Readiness
@ApplicationScoped
public class TopicsHealthCheck implements AsyncHealthCheck {

    private static final Logger LOG = Logger.getLogger(TopicsHealthCheck.class);
    private static final String NAME = "kafka-topics";

    private final TopicsConfig config;
    private final List<String> required;
    private final TopicCheck check;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** {@code kafkaConfig}: every {@code kafka.*} setting of the service, as its Kafka connector gets them. */
    @Inject
    public TopicsHealthCheck(TopicsConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.required = config.required().orElse(List.of());
        TopicVerifier verifier = new TopicVerifier(TopicDefinitions.platform(), config.replicationFactor(),
                config.minInsyncReplicas(), kafkaConfig, config.check().timeout());
        this.check = new TopicCheck(() -> verifier.verify(required), config.check().interval(), System::nanoTime,
                Infrastructure.getDefaultWorkerPool(), this::log);
    }

    void checkAtStart(@Observes StartupEvent event) {
        if (checks()) {
            check.answer();
        }
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (!checks()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).up()
                    .withData("checked", config.check().enabled() ? "no topics required" : "check disabled").build());
        }
        return check.answer().map(problems -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(problems.isEmpty())
                    .withData("topics", String.join(",", required))
                    .withData("replicationFactor", config.replicationFactor())
                    .withData("minInsyncReplicas", config.minInsyncReplicas());
            Map<String, String> byTopic = new LinkedHashMap<>();
            problems.forEach(problem -> byTopic.merge(problem.topic() == null ? "kafka" : problem.topic(), problem.text(),
                    (earlier, text) -> earlier + "; " + text));
            byTopic.forEach(response::withData);
            return response.build();
        });
    }

    private boolean checks() {
        return config.check().enabled() && !required.isEmpty();
    }

    private void log(List<TopicProblem> problems) {
        if (problems.isEmpty()) {
            // The last answer: once all is right, the check does not run again.
            LOG.infof("Kafka topics as defined: %s", String.join(", ", required));
            return;
        }
        for (TopicProblem problem : problems) {
            if (!logged.add(problem.toString())) {
                continue;
            }
            if (problem.topic() == null) {
                // Passing: the service stays up, not ready, and checks again.
                LOG.warnf("Kafka topics not checked: %s", problem);
            } else {
                LOG.errorf("Kafka topic not as defined in deploy/kafka/topics.conf: %s", problem);
            }
        }
    }
}
