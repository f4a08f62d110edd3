package flowswitch.hdl.control;

import flowswitch.config.HardwareParams;

/**
 * The two instances the control-plane tests build: they differ in every dimension the control plane has (ports,
 * server slots, service slots), and SMALL's 3 service slots are not a power of two.
 */
enum HardwareVariant {
    SMALL(new HardwareParams(64, 2, 4, 3, 16, 16, 2048, HardwareParams.defaultMaglevTableSize(4), 2)),
    DEFAULT(HardwareParams.defaults());

    final HardwareParams hw;

    HardwareVariant(HardwareParams hw) {
        this.hw = hw;
    }
}
