package flowswitch.hdl.ingress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The software parser that the random ingress tests trust agrees with every hand-written parse case. */
class ReferenceParserTest {
    static Stream<ParseCase> cases() {
        return ParseCase.all(IngressBench.MAX_FRAME_BYTES).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithTheHandWrittenCase(ParseCase c) {
        assertEquals(c.expected(), ReferenceParser.parse(c.frame(), IngressBench.MAX_FRAME_BYTES), c.name());
    }
}
