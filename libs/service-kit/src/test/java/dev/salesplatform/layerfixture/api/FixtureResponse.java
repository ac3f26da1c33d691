package dev.salesplatform.layerfixture.api;

/** A DTO of the fixture service that breaks every layering rule once. */
public record FixtureResponse(String name) {
}
