package dev.salesplatform.tokens;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;

/** The application's one {@link VerifiedTokenCache}, on the system clock. */
@Singleton
public class VerifiedTokensProducer {

    @Produces
    @Singleton
    VerifiedTokenCache verifiedTokenCache(VerifiedTokensConfig config,
            @ConfigProperty(name = "quarkus.oidc.token.age") Optional<Duration> tokenAge,
            MeterRegistry registry) {
        // The system clock, which quarkus-oidc checks exp against: never the service's business Clock,
        // which tests set to other days.
        return new VerifiedTokenCache(config.maxAge(), config.maxSize(), tokenAge, Clock.systemUTC(), registry);
    }
}
