package dev.salesplatform.kit.outbox;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

/** Which send failures park an event, and which are retried until they pass. */
class OutboxRefusalTest {

    @Test
    void failuresOfTheRecordItselfAreRefusalsForGood() {
        assertAll(List.<Exception>of(
                new RecordTooLargeException("too large"),
                new InvalidTopicException("bad name"),
                new SerializationException("cannot serialise"),
                new PolicyViolationException("refused by policy")).stream()
                .map(failure -> () -> assertTrue(OutboxRelay.refusedForGood(failure), failure.toString())));
    }

    @Test
    void transientFailuresAndFaultsOfTheProducerAreRetried() {
        assertAll(List.<Exception>of(
                new TimeoutException("broker away"),
                new NotEnoughReplicasException("one replica down"),
                new NotLeaderOrFollowerException("leader moved"),
                new NetworkException("connection reset"),
                new UnknownTopicOrPartitionException("not created yet"),
                new TopicAuthorizationException("no ACL yet"),
                new ClusterAuthorizationException("no ACL yet"),
                new SaslAuthenticationException("wrong password"),
                new OutOfOrderSequenceException("producer state"),
                new KafkaException("producer closed"),
                new java.util.concurrent.TimeoutException("not acknowledged in time"),
                new IllegalStateException("producer closed")).stream()
                .map(failure -> () -> assertFalse(OutboxRelay.refusedForGood(failure), failure.toString())));
    }
}
