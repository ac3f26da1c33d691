package dev.salesplatform.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.gateway.problem.Problem;

class RequestTargetTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/v1/leads", "/api/v1/leads/", "/api/v1/leads/caf%C3%A9", "/api/v1/leads/caf%c3%a9",
            "/a;v=1,2/b:c@d!$&'()*+=", "/a/...", "/a/.x", "/a/x.", "/a/..x/", "/a%25b", "/a%3Fb%23c", "/a%20b",
            "/api?", "/api?x", "/api?a=b&c=%20&d=%2F", "/api?filter[stage]=DEMO", "/api?next=/a?b:c@d" })
    void acceptsAnOriginFormTargetWhosePathIsInNormalForm(String target) {
        assertEquals(Optional.empty(), RequestTarget.check(target));
    }

    @ParameterizedTest
    @MethodSource("pathsNotInNormalForm")
    void refusesAPathNotInNormalFormSayingWhy(String target, String reason) {
        Problem problem = RequestTarget.check(target).orElseThrow();

        assertEquals(400, problem.status());
        assertEquals("bad-path", problem.slug());
        assertEquals("The path must be in normal form (RFC 3986): " + reason + ".", problem.detail());
    }

    static Stream<Arguments> pathsNotInNormalForm() {
        return Stream.of(
                Arguments.of("", "it must start with /"),
                Arguments.of("*", "it must start with /"),
                Arguments.of("http://evil.example/api/v1/leads", "it must start with /"),
                Arguments.of("//api/v1/leads", "it has an empty segment (//)"),
                Arguments.of("/api/v1//leads", "it has an empty segment (//)"),
                Arguments.of("/api/v1/leads//", "it has an empty segment (//)"),
                Arguments.of("/api/v1/leads/../deals", "it has the dot segment '..'"),
                Arguments.of("/api/v1/leads/..", "it has the dot segment '..'"),
                Arguments.of("/api/v1/leads/./7", "it has the dot segment '.'"),
                Arguments.of("/api/v1/leads/.?x=1", "it has the dot segment '.'"),
                Arguments.of("/api/v1/leads/%2e%2e/7", "'%2e' encodes the unreserved character '.', which must be sent as is"),
                Arguments.of("/api/v1/leads/.%2E", "'%2E' encodes the unreserved character '.', which must be sent as is"),
                Arguments.of("/api/v1/%6ceads", "'%6c' encodes the unreserved character 'l', which must be sent as is"),
                Arguments.of("/api/v1/leads/%41", "'%41' encodes the unreserved character 'A', which must be sent as is"),
                Arguments.of("/api/v1/leads/%5a", "'%5a' encodes the unreserved character 'Z', which must be sent as is"),
                Arguments.of("/api/v1/leads/%30", "'%30' encodes the unreserved character '0', which must be sent as is"),
                Arguments.of("/api/v1/leads/%2D", "'%2D' encodes the unreserved character '-', which must be sent as is"),
                Arguments.of("/api/v1/leads/%5F", "'%5F' encodes the unreserved character '_', which must be sent as is"),
                Arguments.of("/api/v1/leads/%7e", "'%7e' encodes the unreserved character '~', which must be sent as is"),
                Arguments.of("/api/v1/leads/a%2Fb", "'%2F' encodes a '/' inside a segment"),
                Arguments.of("/api/v1/leads/a%2fb", "'%2f' encodes a '/' inside a segment"),
                Arguments.of("/api/v1/leads/a%5Cb", "'%5C' encodes a '\\' inside a segment"),
                Arguments.of("/api/v1/leads/%00", "'%00' encodes a control character"),
                Arguments.of("/api/v1/leads/%1f", "'%1f' encodes a control character"),
                Arguments.of("/api/v1/leads/%7F", "'%7F' encodes a control character"),
                Arguments.of("/api/v1/leads/%zz", "'%zz' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads/%4", "'%4' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads/%", "'%' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads/%4?x=1", "'%4' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads/a\\b", "the character '\\' must be percent-encoded"),
                Arguments.of("/api/v1/leads/a|b", "the character '|' must be percent-encoded"),
                Arguments.of("/api/v1/leads/a#b", "the character '#' must be percent-encoded"),
                Arguments.of("/api/v1/leads/a\u0000b", "the character U+0000 must be percent-encoded"),
                Arguments.of("/api/v1/leads/caf\u00e9", "the character U+00E9 must be percent-encoded"));
    }

    @ParameterizedTest
    @MethodSource("malformedQueries")
    void refusesAMalformedQuerySayingWhy(String target, String reason) {
        Problem problem = RequestTarget.check(target).orElseThrow();

        assertEquals(400, problem.status());
        assertEquals("bad-query", problem.slug());
        assertEquals("The query must be well-formed (RFC 3986): " + reason + ".", problem.detail());
    }

    static Stream<Arguments> malformedQueries() {
        return Stream.of(
                Arguments.of("/api/v1/leads?q=%zz", "'%zz' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads?q=%4", "'%4' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads?q=%", "'%' is not a valid percent-encoding"),
                Arguments.of("/api/v1/leads?q=a|b", "the character '|' must be percent-encoded"),
                Arguments.of("/api/v1/leads?q=\"a\"", "the character '\"' must be percent-encoded"),
                Arguments.of("/api/v1/leads?q=a#b", "the character '#' must be percent-encoded"),
                Arguments.of("/api/v1/leads?q=a\u007fb", "the character U+007F must be percent-encoded"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/leads/../deals?q=%zz", "/api/v1//leads?q=a|b" })
    void namesThePathFirstWhenPathAndQueryAreBothWrong(String target) {
        assertEquals("bad-path", RequestTarget.check(target).orElseThrow().slug());
    }
}
