package dev.salesplatform.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * Requests written byte for byte on a socket, for what HTTP clients would repair before sending
 * (dot segments, malformed escapes, over-long lines). Each request closes its connection, so the
 * answer is everything read until the gateway closes it.
 */
final class RawHttp {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private RawHttp() {
    }

    record Answer(String statusLine, int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}. */
    static Answer send(String head, String body) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer get(String target, String... headers) {
        return send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1" + lines(headers), "");
    }

    static Answer request(String method, String target, String body, String... headers) {
        return send(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + lines(headers), body);
    }

    private static String lines(String... headers) {
        StringBuilder lines = new StringBuilder();
        for (String header : headers) {
            lines.append("\r\n").append(header);
        }
        return lines.toString();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        in.transferTo(received);
        return received.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String raw) {
        int headEnd = raw.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new AssertionError("No complete HTTP answer: <" + raw + ">");
        }
        String[] lines = raw.substring(0, headEnd).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String[] status = lines[0].split(" ", 3);
        return new Answer(lines[0], Integer.parseInt(status[1]), headers, raw.substring(headEnd + 4));
    }
}
