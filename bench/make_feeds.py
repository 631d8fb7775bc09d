#!/usr/bin/env python3
"""Writes large synthetic posts and zones feeds for the ingest benchmark (deterministic).

usage: make_feeds.py OUT_DIR [COUNT]
Features are scattered over the Zhengzhou area with Chinese names, shift demand (posts) and
small polygons (zones), in the same compact form a feed server would send.
"""
import json
import os
import random
import sys


def main():
    out_dir = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20221126)
    kinds = ["compound_gate"] * 8 + ["testing_site", "city_entry"]
    shifts = [
        [{"from": "07:00", "to": "15:00", "staff": 2}, {"from": "15:00", "to": "23:00", "staff": 2},
         {"from": "23:00", "to": "07:00", "staff": 2}],
        [{"from": "08:00", "to": "18:00", "staff": 3}, {"from": "18:00", "to": "08:00", "staff": 2}],
    ]
    posts = []
    zones = []
    for i in range(count):
        lon = round(113.45 + rng.random() * 0.45, 7)
        lat = round(34.60 + rng.random() * 0.30, 7)
        posts.append({"type": "Feature", "id": f"P-{i:06d}",
                      "properties": {"kind": rng.choice(kinds), "name": f"第{i}号小区东门卡点",
                                     "zone": f"Z-{i:06d}", "demand": rng.choice(shifts)},
                      "geometry": {"type": "Point", "coordinates": [lon, lat]}})
        w, h = 0.002 + rng.random() * 0.004, 0.002 + rng.random() * 0.003
        ring = [[lon, lat], [round(lon + w, 7), lat], [round(lon + w, 7), round(lat + h, 7)],
                [lon, round(lat + h, 7)], [round(lon - w / 3, 7), round(lat + h / 2, 7)], [lon, lat]]
        zones.append({"type": "Feature", "id": f"Z-{i:06d}",
                      "properties": {"risk": rng.choice(["high", "medium", "low"]), "name": f"第{i}号风险区",
                                     "since": "2022-11-20T00:00:00+08:00"},
                      "geometry": {"type": "Polygon", "coordinates": [ring]}})
    for name, feats in (("posts", posts), ("zones", zones)):
        with open(os.path.join(out_dir, name + ".geojson"), "w", encoding="utf-8") as f:
            json.dump({"type": "FeatureCollection", "cordon": {"feed": name, "version": 1},
                       "features": feats}, f, ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    main()
