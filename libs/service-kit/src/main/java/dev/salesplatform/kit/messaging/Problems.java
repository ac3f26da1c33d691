package dev.salesplatform.kit.messaging;

/** A failure in words for logs, dead-letter headers and readiness: its class and message, bounded. */
final class Problems {

    private static final int MAX = 500;

    private Problems() {
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        return bounded(failure.getClass().getName() + message);
    }

    static String bounded(String text) {
        StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX));
        text.codePoints().limit(MAX).forEach(c -> clean.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return clean.toString();
    }
}
