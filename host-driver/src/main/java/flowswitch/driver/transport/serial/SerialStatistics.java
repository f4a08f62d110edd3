package flowswitch.driver.transport.serial;

/**
 * What a {@link SerialBus} has seen on its line since it was opened.
 *
 * @param exchanges        register accesses the device answered (a bus error is an answer)
 * @param retries          requests sent again after a failed attempt
 * @param timeouts         attempts that got no response in time
 * @param corruptResponses attempts whose response arrived damaged (CRC or framing)
 * @param rejectedRequests attempts the device answered with "bad crc" or "bad op": the request arrived damaged
 * @param noiseBytes       bytes received outside any response frame and skipped
 * @param staleResponses   intact responses to an earlier attempt, ignored
 */
public record SerialStatistics(long exchanges, long retries, long timeouts, long corruptResponses,
                               long rejectedRequests, long noiseBytes, long staleResponses) {}
