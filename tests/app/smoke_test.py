#!/usr/bin/env python3
"""Runs the native app under Xvfb for a few frames and checks that it drew the demo map.

usage: smoke_test.py PATH/TO/cordon_app ARTIFACT_DIR
Fails if the app crashes, never signals ready, or the screenshot lacks the map's colours.
"""
import os
import shutil
import subprocess
import sys

# Colours the demo map must show (see src/render/style.cpp): post symbols (Okabe-Ito blue / sky
# blue), major roads, and district fills.
EXPECTED = {
    "city entry post": (0, 114, 178),
    "compound gate post": (86, 180, 233),
    "major road": (245, 170, 60),
    "district fill": (226, 232, 240),
}


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(b"\n", 3)
    if parts[0] != b"P6":
        raise ValueError("not a binary PPM")
    width, height = map(int, parts[1].split())
    return width, height, parts[3]


def count_near(pixels, rgb, tolerance=6):
    r0, g0, b0 = rgb
    n = 0
    for i in range(0, len(pixels), 3):
        if abs(pixels[i] - r0) <= tolerance and abs(pixels[i + 1] - g0) <= tolerance and abs(pixels[i + 2] - b0) <= tolerance:
            n += 1
    return n


def main():
    app, artifacts = sys.argv[1], sys.argv[2]
    os.makedirs(artifacts, exist_ok=True)
    shot = os.path.join(artifacts, "native-app.ppm")
    if os.path.exists(shot):
        os.remove(shot)
    if not shutil.which("xvfb-run"):
        print("xvfb-run not found: run tools/setup.sh", file=sys.stderr)
        return 1
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", app, "--frames=20", "--screenshot=" + shot,
           "--width=1280", "--height=800"]
    env = dict(os.environ, LIBGL_ALWAYS_SOFTWARE="1")
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=240, env=env)
    print(proc.stdout)
    print(proc.stderr, file=sys.stderr)
    if proc.returncode != 0:
        print(f"app exited with {proc.returncode}", file=sys.stderr)
        return 1
    if "ready {" not in proc.stdout:
        print("app never signalled ready", file=sys.stderr)
        return 1
    width, height, pixels = read_ppm(shot)
    if (width, height) != (1280, 800):
        print(f"unexpected framebuffer size {width}x{height}", file=sys.stderr)
        return 1
    failed = False
    for what, rgb in EXPECTED.items():
        n = count_near(pixels, rgb)
        print(f"{what} {rgb}: {n} pixels")
        if n < 20:
            failed = True
            print(f"missing on screen: {what}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
