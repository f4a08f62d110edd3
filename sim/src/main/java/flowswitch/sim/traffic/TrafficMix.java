package flowswitch.sim.traffic;

/**
 * What goes with the client flows. Shares are fractions 0..1 decided per flow (or per stand-alone frame);
 * counts are numbers of extra items spread through the traffic.
 *
 * @param vlanShare           flows and frames carrying an 802.1Q tag
 * @param ipOptionsShare      IPv4 flows and frames whose header has options (IHL 6 or 7)
 * @param replyShare          client packets a server answers (server port → router MAC, bridged by the switch)
 * @param strayFlows          client flows to a VIP on a protocol/port no service has: dropped as no_service
 * @param arpExchanges        ARP request/reply pairs between routers and servers
 * @param vipArps             ARP pairs about a VIP: a router's request for it (the switch answers), then a server's
 *                            gratuitous ARP or reply to that router for it (kept from the uplinks)
 * @param nonIpFrames         frames of ethertype 0x88B5 between routers and servers
 * @param fragmentedDatagrams UDP datagrams to a VIP sent as two IPv4 fragments (bridged, not balanced)
 * @param malformedFrames     IPv4 frames to a VIP with a header defect the parser must reject, one defect after another
 * @param lateErrorFrames     TCP frames to a VIP with an error that shows only at their end, alternately marked bad by
 *                            the MAC (tuser) and longer than max_frame_bytes: decided on their header, then aborted
 *                            (docs/datapath.md "Parse")
 */
public record TrafficMix(double vlanShare, double ipOptionsShare, double replyShare, int strayFlows,
                         int arpExchanges, int vipArps, int nonIpFrames, int fragmentedDatagrams,
                         int malformedFrames, int lateErrorFrames) {
    public TrafficMix {
        share("vlanShare", vlanShare);
        share("ipOptionsShare", ipOptionsShare);
        share("replyShare", replyShare);
        count("strayFlows", strayFlows);
        count("arpExchanges", arpExchanges);
        count("vipArps", vipArps);
        count("nonIpFrames", nonIpFrames);
        count("fragmentedDatagrams", fragmentedDatagrams);
        count("malformedFrames", malformedFrames);
        count("lateErrorFrames", lateErrorFrames);
    }

    public static TrafficMix defaults() {
        return new TrafficMix(0.1, 0.1, 0.5, 4, 4, 6, 8, 2, 5, 6);
    }

    /** Client flows only: no tags, options, replies or extra frames. */
    public static TrafficMix flowsOnly() {
        return new TrafficMix(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    public TrafficMix withVlanShare(double value) {
        return new TrafficMix(value, ipOptionsShare, replyShare, strayFlows, arpExchanges, vipArps, nonIpFrames,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withIpOptionsShare(double value) {
        return new TrafficMix(vlanShare, value, replyShare, strayFlows, arpExchanges, vipArps, nonIpFrames,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withReplyShare(double value) {
        return new TrafficMix(vlanShare, ipOptionsShare, value, strayFlows, arpExchanges, vipArps, nonIpFrames,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withStrayFlows(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, value, arpExchanges, vipArps, nonIpFrames,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withArpExchanges(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, strayFlows, value, vipArps, nonIpFrames,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withVipArps(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, strayFlows, arpExchanges, value, nonIpFrames,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withNonIpFrames(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, strayFlows, arpExchanges, vipArps, value,
                fragmentedDatagrams, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withFragmentedDatagrams(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, strayFlows, arpExchanges, vipArps, nonIpFrames,
                value, malformedFrames, lateErrorFrames);
    }

    public TrafficMix withMalformedFrames(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, strayFlows, arpExchanges, vipArps, nonIpFrames,
                fragmentedDatagrams, value, lateErrorFrames);
    }

    public TrafficMix withLateErrorFrames(int value) {
        return new TrafficMix(vlanShare, ipOptionsShare, replyShare, strayFlows, arpExchanges, vipArps, nonIpFrames,
                fragmentedDatagrams, malformedFrames, value);
    }

    private static void share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " " + value + " is not a share; use 0..1");
        }
    }

    static void count(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " " + value + " is negative; use 0 or more");
        }
    }
}
