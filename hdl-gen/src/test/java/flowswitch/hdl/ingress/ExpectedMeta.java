package flowswitch.hdl.ingress;

import flowswitch.hdl.simtest.AxisFrame;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link FrameMeta} must say about one frame: its status and the fields docs/datapath.md defines for it, by
 * {@link FrameMeta#LAYOUT} field name. Fields the frame does not define (ports of a frame without L4, the IPs of a
 * frame without IPv4 or ARP fields, MACs of a frame too short to hold them) are left out and not checked.
 */
record ExpectedMeta(FrameStatus status, Map<String, Long> fields) {
    ExpectedMeta {
        fields.keySet().forEach(FrameMeta.LAYOUT::field);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The status and each MAC the frame is long enough to hold. */
    static ExpectedMeta of(FrameStatus status, AxisFrame frame) {
        byte[] b = frame.bytes();
        Map<String, Long> fields = new LinkedHashMap<>();
        if (b.length >= 6) fields.put("dst_mac", bigEndian(b, 0, 6));
        if (b.length >= 12) fields.put("src_mac", bigEndian(b, 6, 6));
        return new ExpectedMeta(status, fields);
    }

    /** A frame that passed parsing and has neither IPv4 nor ARP fields (IPv6, other ethertypes, other ARP). */
    static ExpectedMeta notIp(AxisFrame frame) {
        return of(FrameStatus.OK, frame).with("l4", 0).with("arp", 0);
    }

    /** A frame that passed parsing with ARP fields: the sender and target IP travel as src_ip and dst_ip. */
    static ExpectedMeta arp(AxisFrame frame, boolean request, long senderMac, long senderIp, long targetIp) {
        return of(FrameStatus.OK, frame).with("l4", 0).with("arp", 1).with("arp_request", request ? 1 : 0)
                .with("arp_sha", senderMac).with("src_ip", senderIp).with("dst_ip", targetIp);
    }

    /** A frame that passed parsing as IPv4 without L4 ports (another protocol, or a fragment). */
    static ExpectedMeta ipv4(AxisFrame frame, int proto, long srcIp, long dstIp) {
        return of(FrameStatus.OK, frame).with("l4", 0).with("arp", 0).with("proto", proto).with("src_ip", srcIp)
                .with("dst_ip", dstIp);
    }

    /** A frame that passed parsing as TCP or UDP over IPv4. */
    static ExpectedMeta l4(AxisFrame frame, int proto, long srcIp, long dstIp, int srcPort, int dstPort) {
        return ipv4(frame, proto, srcIp, dstIp).with("l4", 1).with("src_port", srcPort).with("dst_port", dstPort);
    }

    ExpectedMeta with(String field, long value) {
        Map<String, Long> more = new LinkedHashMap<>(fields);
        more.put(field, value);
        return new ExpectedMeta(status, more);
    }

    /** @throws AssertionError naming every field of {@code actual} (a packed FrameMeta) that differs */
    void check(BigInteger actual, String where) {
        StringBuilder wrong = new StringBuilder();
        long actualStatus = FrameMeta.LAYOUT.unpack(actual, "status");
        if (actualStatus != status.code()) {
            wrong.append(" status ").append(statusName(actualStatus)).append(" (expected ").append(status).append(')');
        }
        fields.forEach((name, value) -> {
            long got = FrameMeta.LAYOUT.unpack(actual, name);
            if (got != value) {
                wrong.append(' ').append(name).append(" 0x").append(Long.toHexString(got))
                        .append(" (expected 0x").append(Long.toHexString(value)).append(')');
            }
        });
        if (wrong.length() > 0) throw new AssertionError(where + ":" + wrong + "; expected " + this);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(status.name());
        fields.forEach((name, value) -> s.append(' ').append(name).append("=0x").append(Long.toHexString(value)));
        return s.toString();
    }

    private static String statusName(long code) {
        return Arrays.stream(FrameStatus.values()).filter(s -> s.code() == code).map(Enum::name).findFirst()
                .orElse("code " + code);
    }

    static long bigEndian(byte[] b, int offset, int count) {
        long v = 0;
        for (int i = 0; i < count; i++) v = v << 8 | b[offset + i] & 0xFF;
        return v;
    }
}
