#!/usr/bin/env python3
"""Sizes of what a browser downloads: the served page (wasm, JS, HTML), the single-file briefing
HTML, and the embedded demo data inside the wasm, raw and as gzip transfer sizes.

usage: page_size.py BUILD_DIR [CORDON_CLI]
  BUILD_DIR: a wasm-release build (BUILD_DIR/web and BUILD_DIR/src/demo-city); with the native
  command-line tool, also the size of a briefing snapshot of the demo city (`cordon snapshot`).
Writes the `size` section of docs/BENCHMARKS.md.
"""
import datetime
import gzip
import os
import subprocess
import sys
import tempfile

from bench_doc import write_section


def sizes(path):
    with open(path, "rb") as f:
        data = f.read()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def mb(n):
    return f"{n / 1e6:.2f} MB" if n >= 100_000 else f"{n / 1e3:.0f} kB"


def main():
    build = sys.argv[1]
    web, demo = os.path.join(build, "web"), os.path.join(build, "src", "demo-city")
    rows = []
    for name in ("index.wasm", "index.js", "index.html", "cordon-single.html"):
        raw, gz = sizes(os.path.join(web, name))
        rows.append(f"| `{name}` | {mb(raw)} | {mb(gz)} |")
    feeds = sorted(f for f in os.listdir(demo) if f.endswith(".geojson"))
    raw = gz = 0
    for f in feeds:
        r, _ = sizes(os.path.join(demo, f))
        with open(os.path.join(demo, f), "rb") as fh:
            g = len(gzip.compress(fh.read(), compresslevel=9, mtime=0))
        raw, gz = raw + r, gz + g
    font_raw, _ = sizes(os.path.join(build, "src", "cjk-subset.ttf"))
    served = sum(sizes(os.path.join(web, n))[1] for n in ("index.wasm", "index.js", "index.html"))
    body = f"""## Page size

Command: `python3 bench/page_size.py {' '.join(sys.argv[1:])}` after `cmake --build --preset wasm-release`
({datetime.date.today()}). "gzip" is the size on the wire when the server compresses (level 6).

| file | size | gzip |
|---|---|---|
{chr(10).join(rows)}

Inside `index.wasm`: the demo city, {len(feeds)} feeds, {mb(raw)} of GeoJSON embedded gzipped as
{mb(gz)} (unpacked in the browser by cordon's own inflate, `src/core/formats/gzip.cpp`), and the CJK font
subset ({mb(font_raw)} before gzip; the UI texts, the demo names and all 6,763 GB 2312 hanzi, so real
place and person names show; the atlas rasterises only the characters in use). A first visit to
the served page downloads {mb(served)} with compression on. The single-file HTML carries the same
wasm as base64, so it is about 4/3 of the wasm plus the JS."""
    if len(sys.argv) > 2:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "briefing.html")
            subprocess.run([sys.argv[2], "snapshot", "--feeds", demo, "-o", out, "--app",
                            os.path.join(web, "cordon-single.html"), "--now", "01:00"],
                           check=True, capture_output=True)
            snap, snap_gz = sizes(out)
        app, _ = sizes(os.path.join(web, "cordon-single.html"))
        body += f"""

Briefing snapshot of the demo city (`cordon snapshot --feeds demo-city -o briefing.html`, target
under 8 MB): **{mb(snap)}** ({mb(snap_gz)} gzipped), of which the single-file app page is {mb(app)}
and the {len(feeds)} embedded feeds {mb(snap - app)} (gzipped by cordon's own DEFLATE with fixed
Huffman codes, then base64). From the app's `B` button the demo city's snapshot is smaller (about
6.0 MB, tests/browser/snapshot.test.mjs checks < 8 MB): feeds that arrived gzipped (the embedded
demo, at level 9) are embedded as they came."""
    write_section("size", body)
    print(body)


if __name__ == "__main__":
    main()
