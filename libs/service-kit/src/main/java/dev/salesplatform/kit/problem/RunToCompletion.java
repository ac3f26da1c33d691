package dev.salesplatform.kit.problem;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Lets a unit of work end on its own terms when its caller stops waiting. Quarkus REST cancels a
 * request's {@code Uni} when the HTTP connection closes before the answer (the client timed out or
 * left, or the gateway reset the request on its behalf). Panache then closes the session while its
 * transaction is still running: the rest of the work fails on it ("No current Mutiny.Session found"),
 * Hibernate Reactive rolls back at close (HR000090) and Mutiny drops both, so whether the change
 * was committed depends on timing. Detached, the work commits or rolls back as if the caller were
 * still there and closes its own session; only the answer goes unheard.
 * <p>
 * Applies to every {@code @WithTransaction} and {@code @WithSession} method of every service, around
 * Panache's own interceptors (priority {@code PLATFORM_BEFORE + 200}) so that the session they open
 * and close is inside; {@link #detached} is for work that opens its session programmatically.
 */
public abstract class RunToCompletion {

    private static final Logger LOG = Logger.getLogger(RunToCompletion.class);

    /** {@code work}'s outcome for whoever still listens: cancelling the returned {@code Uni} leaves it running. */
    public static <T> Uni<T> detached(Uni<T> work) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean ended = new AtomicBoolean();
            AtomicBoolean callerLeft = new AtomicBoolean();
            emitter.onTermination(() -> callerLeft.set(!ended.get()));
            work.subscribe().with(item -> {
                ended.set(true);
                emitter.complete(item);
            }, failure -> {
                ended.set(true);
                // No answer will carry it, nor ProblemMappers log it; a problem was an answer, not a fault.
                if (callerLeft.get() && !(failure instanceof ProblemException)) {
                    LOG.warn("Work failed after its caller stopped waiting", failure);
                }
                emitter.fail(failure);
            });
        });
    }

    @AroundInvoke
    Object detach(InvocationContext context) throws Exception {
        Object result = context.proceed();
        return result instanceof Uni<?> work ? detached(work) : result;
    }

    @WithTransaction
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    static class Transactions extends RunToCompletion {
    }

    @WithSession
    @Interceptor
    @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
    static class Sessions extends RunToCompletion {
    }
}
