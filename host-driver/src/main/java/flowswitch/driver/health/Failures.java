package flowswitch.driver.health;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** The words a failed check is logged with: "connection refused", "no answer within 1000ms". */
final class Failures {
    private Failures() {
    }

    static String describe(IOException e, Duration timeout) {
        if (e instanceof SocketTimeoutException || e instanceof HttpTimeoutException) {
            return noAnswer(timeout);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                // The JDK's socket errors read "Connection refused", "No route to host": lower case fits in a line.
                return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
            }
        }
        // The HTTP client reports a refused or failed connection as a ConnectException without any message.
        return e instanceof ConnectException ? "could not connect" : e.getClass().getSimpleName();
    }

    static String noAnswer(Duration timeout) {
        return "no answer within " + timeout.toMillis() + "ms";
    }
}
