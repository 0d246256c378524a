#!/usr/bin/env bash
# Installs the real tools the tests drive: promtool + prometheus (Debian `prometheus`) and
# amtool + alertmanager (Debian `prometheus-alertmanager`), and the blackbox exporter for the endpoint-probe
# tests (Debian `prometheus-blackbox-exporter`). Needs root (CI runs as root).
set -euo pipefail
if command -v promtool >/dev/null && command -v amtool >/dev/null && command -v prometheus >/dev/null \
  && { command -v prometheus-alertmanager >/dev/null || command -v alertmanager >/dev/null; } \
  && { command -v prometheus-blackbox-exporter >/dev/null || command -v blackbox_exporter >/dev/null; }; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager prometheus-blackbox-exporter >/dev/null
# The packages start system services we do not want running beside the tests' own servers.
for service in prometheus prometheus-alertmanager prometheus-node-exporter prometheus-blackbox-exporter; do
  (service "$service" stop || true) >/dev/null 2>&1
done
command -v promtool && command -v amtool
