package flowswitch.config;

import java.util.regex.Pattern;

/** What one health check sends to a server and what counts as an answer; one record per {@link CheckKind}. */
public sealed interface Probe permits Probe.Icmp, Probe.Tcp, Probe.Http {
    CheckKind kind();

    /** An ICMP echo request that the server answers. */
    record Icmp() implements Probe {
        @Override
        public CheckKind kind() {
            return CheckKind.ICMP;
        }
    }

    /** A TCP connection to {@code port}. */
    record Tcp(int port) implements Probe {
        /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
        public Tcp {
            Rules.range("port", port, 1, 65535);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.TCP;
        }
    }

    /**
     * An HTTP/1.1 GET of {@code path} on {@code port} that must answer with status {@code expect}.
     *
     * @param path an absolute path, optionally with a query, in URI characters (percent-encode anything else)
     */
    record Http(int port, String path, int expect) implements Probe {
        public static final String DEFAULT_PATH = "/";
        public static final int DEFAULT_EXPECT = 200;

        // RFC 3986 path and query characters. It also keeps out quotes and backslashes, which the config writer
        // would otherwise have to escape.
        private static final Pattern PATH = Pattern.compile("/(?:[A-Za-z0-9._~!$&'()*+,;=:@/?-]|%\\p{XDigit}{2})*");

        /** @throws IllegalArgumentException naming the field (YAML spelling) and the allowed values */
        public Http {
            Rules.range("port", port, 1, 65535);
            if (!PATH.matcher(path).matches()) {
                throw new FieldException("path", "'" + path + "' is not a URL path; expected one starting with /,"
                        + " like /health, with any space or other special character percent-encoded (%20)");
            }
            Rules.range("expect", expect, 100, 599);
        }

        @Override
        public CheckKind kind() {
            return CheckKind.HTTP;
        }
    }
}
