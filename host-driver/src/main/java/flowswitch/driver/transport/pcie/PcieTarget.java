package flowswitch.driver.transport.pcie;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code pcie:...} names: a function by its PCI address (BDF), whose BAR0 Linux exposes as
 * {@code /sys/bus/pci/devices/DDDD:BB:DD.F/resource0}, or a file to map directly, such as the user BAR character
 * device of Xilinx's XDMA driver ({@code /dev/xdma0_user}).
 *
 * @param text as given after {@code pcie:}, for messages
 * @param file the file whose mapping is BAR0
 */
public record PcieTarget(String text, Path file) {
    public static final Path SYSFS_DEVICES = Path.of("/sys/bus/pci/devices");
    private static final Pattern BDF = Pattern.compile("(?:([0-9a-fA-F]{4}):)?([0-9a-fA-F]{2}):([01][0-9a-fA-F])\\.([0-7])");

    /** As {@link #parse(String, Path)} with the real sysfs. */
    public static PcieTarget parse(String text) {
        return parse(text, SYSFS_DEVICES);
    }

    /**
     * A path (starting with {@code /}) is mapped as it is; {@code [DDDD:]BB:DD.F} (domain 0000 when left out) is
     * looked up under {@code sysfsDevices}.
     *
     * @throws IllegalArgumentException when {@code text} is neither, saying what is expected
     */
    public static PcieTarget parse(String text, Path sysfsDevices) {
        if (text.startsWith("/")) return new PcieTarget(text, Path.of(text));
        Matcher m = BDF.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("device 'pcie:" + text + "': expected a PCI address such as"
                    + " pcie:0000:03:00.0 or pcie:03:00.0 (see lspci -D), or a device file such as pcie:/dev/xdma0_user");
        }
        String domain = m.group(1) == null ? "0000" : m.group(1);
        String bdf = String.format("%s:%s:%s.%s", domain, m.group(2), m.group(3), m.group(4)).toLowerCase(Locale.ROOT);
        return new PcieTarget(bdf, sysfsDevices.resolve(bdf).resolve("resource0"));
    }

    @Override
    public String toString() {
        return "pcie:" + text;
    }
}
