package dev.salesplatform.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.proxy.UpstreamBalancer;
import dev.salesplatform.gateway.proxy.UpstreamInstance;
import dev.salesplatform.gateway.proxy.UpstreamRoutes;
import dev.salesplatform.gateway.upstream.UpstreamClient;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The merged OpenAPI document, fetched from the upstreams at most once per TTL, each from one of its
 * instances. An upstream that cannot be asked contributes the last document it gave, if any, so that
 * one service being down leaves its part out (or stale) instead of failing the whole document.
 */
@Singleton
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final String DOCUMENT_PATH = "/q/openapi?format=json";

    private final GatewayConfig config;
    private final Map<String, UpstreamBalancer> upstreams;
    private final UpstreamClient client;
    private final OpenApiMerger merger;
    private final Map<String, JsonObject> lastDocuments = new ConcurrentHashMap<>();

    private JsonObject merged;
    private long mergedAt;
    private Future<JsonObject> refreshing;

    MergedOpenApi(GatewayConfig config, UpstreamRoutes routes, UpstreamClient client) {
        this.config = config;
        this.upstreams = routes.upstreams();
        this.client = client;
        this.merger = new OpenApiMerger(config.openapi().title(), config.openapi().version(),
                config.openapi().serverUrl(), config.oidc().publicUrl());
    }

    /** The merged document; fails only when no upstream has ever given one. */
    public synchronized Future<JsonObject> document() {
        if (merged != null && System.nanoTime() - mergedAt < config.openapi().cacheTtl().toNanos()) {
            return Future.succeededFuture(merged);
        }
        if (refreshing == null) {
            refreshing = refresh().andThen(ignored -> {
                synchronized (this) {
                    refreshing = null;
                }
            });
        }
        return refreshing;
    }

    private Future<JsonObject> refresh() {
        List<Future<Void>> fetches = new ArrayList<>();
        upstreams.forEach((name, upstream) -> fetches.add(fetch(upstream.instances())
                .<Void>map(document -> {
                    lastDocuments.put(name, document);
                    return null;
                })
                .recover(failure -> {
                    LOG.warnf("OpenAPI document of upstream %s not available: %s", name, failure.getMessage());
                    return Future.succeededFuture();
                })));
        return Future.join(fetches).transform(ignored -> {
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            upstreams.keySet().forEach(name -> {
                JsonObject document = lastDocuments.get(name);
                if (document == null) {
                    missing.add(name);
                } else {
                    documents.put(name, document);
                }
            });
            if (documents.isEmpty()) {
                return Future.failedFuture(new IllegalStateException("No upstream OpenAPI document available"));
            }
            JsonObject document = merger.merge(documents, missing);
            synchronized (this) {
                merged = document;
                mergedAt = System.nanoTime();
            }
            return Future.succeededFuture(document);
        });
    }

    /**
     * The document of one upstream, from one instance: the first believed ready, in configured order,
     * then the next whenever one does not answer 200, the instances not believed ready last.
     */
    private Future<JsonObject> fetch(List<UpstreamInstance> instances) {
        // Each readiness read once: the poller may change it meanwhile.
        Map<Boolean, List<UpstreamInstance>> byReadiness = instances.stream()
                .collect(Collectors.partitioningBy(instance -> instance.readiness().believedReady()));
        List<UpstreamInstance> inTurn = new ArrayList<>(byReadiness.get(true));
        inTurn.addAll(byReadiness.get(false));
        Future<JsonObject> document = Future.failedFuture(new IllegalStateException("no instance"));
        for (UpstreamInstance instance : inTurn) {
            document = document.recover(previous -> client.get(instance.url(), DOCUMENT_PATH,
                            config.health().upstreamTimeout())
                    .map(answer -> {
                        if (answer.status() != 200) {
                            throw new IllegalStateException(instance.authority() + " answered HTTP " + answer.status());
                        }
                        return new JsonObject(answer.body());
                    }));
        }
        return document;
    }
}
