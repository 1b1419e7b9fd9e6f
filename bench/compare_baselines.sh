#!/usr/bin/env bash
# Run vPDQ and videohash on the variant set made by bench/match_accuracy.py, in a separate
# virtual environment (vpdq compiles against the libav* development packages).
set -euo pipefail
cd "$(dirname "$0")/.."
variants=${1:-bench/out/accuracy/variants-seed7-k4}
if ! pkg-config --exists libavcodec 2>/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libavcodec-dev libavformat-dev \
        libavutil-dev libswscale-dev libavdevice-dev libavfilter-dev pkg-config cmake >/dev/null
fi
[ -x bench/out/baselines-venv/bin/python ] || python3 -m venv bench/out/baselines-venv
# videohash 3.0.1 still calls Image.ANTIALIAS, which Pillow 10 removed.
bench/out/baselines-venv/bin/pip install -q vpdq videohash "pillow<10"
bench/out/baselines-venv/bin/python bench/compare_baselines.py "$variants"
