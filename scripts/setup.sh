#!/usr/bin/env bash
# Installs the system tools flowswitch needs on Debian 12: Verilator (simulation), Yosys/nextpnr/icestorm
# (synthesis), socat (serial tests), and what the virtual testbed runs (iproute2, procps, util-linux, python3,
# curl). JDK 17 and Maven are expected to be there already.
set -euo pipefail
packages=(verilator yosys nextpnr-ice40 fpga-icestorm socat g++ make iproute2 procps util-linux python3 curl tshark)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -eq 0 ]; then echo "setup: all packages present"; exit 0; fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
for tool in java mvn; do
  command -v "$tool" >/dev/null || { echo "setup: $tool is missing: install JDK 17 and Maven 3.8+ first" >&2; exit 1; }
done
