package flowswitch.driver.cli;

import flowswitch.config.HardwareParams;
import flowswitch.driver.api.DeviceInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "info",
        description = "Identify the device: ID, version, build, build parameters, switch MAC and uplink ports.")
final class InfoCommand implements Runnable {
    @Mixin
    private HelpOption help;
    @ParentCommand
    private Fsctl fsctl;
    @Spec
    private CommandSpec spec;
    @Mixin
    private JsonOption output;

    /** The JSON shape of {@code info}. */
    record InfoView(String device, String id, String version, String build, HardwareParams hardware,
                    String switchMac, List<Integer> uplinkPorts) {
    }

    @Override
    public void run() {
        DeviceInfo info;
        try (Session session = fsctl.open()) {
            info = session.device().info();
        }
        List<Integer> uplinks = IntStream.range(0, info.hardware().ports())
                .filter(p -> (info.uplinkMask() >>> p & 1) != 0).boxed().toList();
        InfoView view = new InfoView(info.device(), Spelling.hex(info.id()), info.version().toString(),
                Spelling.hex(info.build()), info.hardware(), info.switchMac().toString(), uplinks);
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            Json.print(out, view);
            return;
        }
        HardwareParams hw = info.hardware();
        Table table = new Table("FIELD", "VALUE");
        table.row("device", view.device());
        table.row("id", view.id());
        table.row("version", view.version());
        table.row("build", view.build());
        table.row("data_width", hw.dataWidth());
        table.row("ports", hw.ports());
        table.row("max_servers", hw.maxServers());
        table.row("max_services", hw.maxServices());
        table.row("flow_table_size", hw.flowTableSize());
        table.row("mac_table_size", hw.macTableSize());
        table.row("max_frame_bytes", hw.maxFrameBytes());
        table.row("maglev_table_size", hw.maglevTableSize());
        table.row("switch_mac", view.switchMac());
        table.row("uplink_ports", uplinks);
        table.print(out);
    }
}
