#!/usr/bin/env python3
"""Tests of tools/generate_demo.py, the fictional demo city generator.

usage: generate_demo_test.py [PATH/TO/cordon] [--scale S]
Generates the city at scale 0.1 (S if given) and checks determinism, the feed headers, ids and
references, polygon rings, population roll-ups, that every level of areas tiles the city without
overlaps, that the road network is one connected component for walking (apart from sealed streets),
counts, and the deliberate gaps (missing or far task forces, short night shifts, unstaffed posts).
With the path of the `cordon` tool it also runs `cordon validate` and requires "0 errors, 0 warnings".
"""
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GENERATOR = os.path.join(ROOT, "tools", "generate_demo.py")
FEEDS = ("areas", "zones", "posts", "teams", "roster", "roads", "facilities")
LEVELS = ("district", "subdistrict", "community", "compound")
CORDON = None  # path of the cordon tool, from the command line
SCALE = 0.1


def generate(out, seed=1, scale=None):
    """Runs the generator into `out`."""
    subprocess.run([sys.executable, GENERATOR, "--seed", str(seed), "--out", out, "--scale", str(scale or SCALE)],
                   check=True, stdout=subprocess.DEVNULL)


def read_bytes(folder):
    """{feed: file bytes}."""
    out = {}
    for kind in FEEDS:
        with open(os.path.join(folder, kind + ".geojson"), "rb") as f:
            out[kind] = f.read()
    return out


def contains(ring, pt):
    """Point in a closed ring (even-odd rule)."""
    x, y = pt
    inside = False
    for (xi, yi), (xj, yj) in zip(ring, ring[1:]):
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
    return inside


def ring_area(ring):
    """Shoelace area of a closed ring (positive counter-clockwise)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:])) / 2


def km_between(a, b):
    """Approximate distance (km) between two lon/lat positions near the city."""
    return math.hypot((a[0] - b[0]) * 111.32 * math.cos(math.radians(34.75)), (a[1] - b[1]) * 110.574)


def components(ways):
    """Number of connected components of the graph whose vertices are the ways' exact positions."""
    parent = {}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for coords in ways:
        first = tuple(coords[0])
        parent.setdefault(first, first)
        for c in coords[1:]:
            c = tuple(c)
            parent.setdefault(c, c)
            parent[find(c)] = find(first)
    return len({find(x) for x in parent})


class GeneratedCity(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "a")
        generate(cls.dir)
        cls.feeds = {k: json.loads(v) for k, v in read_bytes(cls.dir).items()}
        cls.f = {k: fc["features"] for k, fc in cls.feeds.items()}
        cls.ids = {k: {x["id"] for x in fs} for k, fs in cls.f.items()}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def by_level(self, level):
        return [a for a in self.f["areas"] if a["properties"]["level"] == level]

    def test_same_seed_same_bytes_other_seed_differs(self):
        again = os.path.join(self.tmp.name, "b")
        other = os.path.join(self.tmp.name, "c")
        generate(again)
        generate(other, seed=2)
        self.assertEqual(read_bytes(self.dir), read_bytes(again))
        self.assertNotEqual(read_bytes(self.dir)["roads"], read_bytes(other)["roads"])

    def test_headers_ids_and_names(self):
        for kind, fc in self.feeds.items():
            self.assertEqual(fc["type"], "FeatureCollection")
            self.assertEqual(fc["cordon"], {"feed": kind, "version": 1, "generated": "2022-11-26T06:00:00+08:00"})
            self.assertEqual(len(self.ids[kind]), len(fc["features"]), kind + ": ids are unique")
            if kind != "roster":
                self.assertTrue(all(x["properties"]["name"] for x in fc["features"]), kind + ": every feature is named")

    def test_references_resolve(self):
        areas, zones, posts, teams = self.ids["areas"], self.ids["zones"], self.ids["posts"], self.ids["teams"]
        for a in self.f["areas"]:
            if a["properties"]["level"] != "district":
                self.assertIn(a["properties"]["parent"], areas)
        for z in self.f["zones"]:
            self.assertIn(z["properties"]["area"], areas)
        for p in self.f["posts"]:
            self.assertIn(p["properties"].get("area"), (None, *areas))
            self.assertIn(p["properties"].get("zone"), (None, *zones))
        for t in self.f["teams"]:
            self.assertLessEqual(set(t["properties"].get("zones", ())), zones)
            self.assertLessEqual(set(t["properties"].get("posts", ())), posts)
        for r in self.f["roster"]:
            p = r["properties"]
            self.assertTrue(p.get("post") in posts or p.get("team") in teams)
            self.assertGreater(p["to"], p["from"])  # same offset and format: text order is time order

    def test_polygon_rings(self):
        for fc in ("areas", "zones"):
            for a in self.f[fc]:
                ring = a["geometry"]["coordinates"][0]
                self.assertGreaterEqual(len(ring), 4)
                self.assertEqual(ring[0], ring[-1])
                self.assertGreater(ring_area(ring), 0, a["id"] + " is counter-clockwise")

    def test_counts_roll_up(self):
        kids = {}
        for a in self.f["areas"]:
            kids.setdefault(a["properties"].get("parent"), []).append(a["properties"])
        for a in self.f["areas"]:
            p = a["properties"]
            self.assertEqual(sum(p["households_by_color"].values()), p["households"])
            if a["id"] in kids:
                self.assertEqual(p["population"], sum(c["population"] for c in kids[a["id"]]))
                for colour, n in p["households_by_color"].items():
                    self.assertEqual(n, sum(c["households_by_color"][colour] for c in kids[a["id"]]))
        total = sum(d["properties"]["population"] for d in self.by_level("district"))
        self.assertAlmostEqual(total / (10_000_000 * SCALE), 1, delta=0.1)

    def test_every_level_tiles_the_city(self):
        rings = {lvl: [a["geometry"]["coordinates"][0] for a in self.by_level(lvl)] for lvl in LEVELS}
        xs = [c[0] for r in rings["district"] for c in r]
        ys = [c[1] for r in rings["district"] for c in r]
        n = 40
        for i in range(n):
            for j in range(n):
                pt = (min(xs) + (max(xs) - min(xs)) * (i + 0.5) / n, min(ys) + (max(ys) - min(ys)) * (j + 0.37) / n)
                hits = [sum(contains(r, pt) for r in rings[lvl]) for lvl in LEVELS]
                self.assertIn(hits, ([0, 0, 0, 0], [1, 1, 1, 1]), f"{pt}: one area per level or none")

    def test_roads_connect_for_walking(self):
        roads = [r for r in self.f["roads"] if not r["properties"].get("closed")]
        # cordon's walking rule: no motorways or trunk roads.
        walk = [r["geometry"]["coordinates"] for r in roads if r["properties"]["highway"] not in ("motorway", "trunk")]
        self.assertEqual(components(walk), 1)
        self.assertEqual(components([r["geometry"]["coordinates"] for r in roads]), 1)
        self.assertTrue(any(r["properties"].get("closed") for r in self.f["roads"]))
        self.assertEqual({r["properties"].get("oneway") for r in self.f["roads"]}, {None, "yes", "-1"})

    def test_counts(self):
        def kinds(feed, key="kind"):
            out = {}
            for x in self.f[feed]:
                out[x["properties"][key]] = out.get(x["properties"][key], 0) + 1
            return out

        levels = kinds("areas", "level")
        self.assertEqual(levels["district"], 6)
        self.assertAlmostEqual(levels["subdistrict"], 70 * SCALE, delta=max(1, 7 * SCALE))
        self.assertAlmostEqual(levels["community"], 500 * SCALE, delta=max(5, 100 * SCALE))
        self.assertAlmostEqual(levels["compound"], 1200 * SCALE, delta=max(10, 250 * SCALE))
        risks = kinds("zones", "risk")
        self.assertAlmostEqual(risks["high"], 50 * SCALE, delta=max(2, 10 * SCALE))
        posts = kinds("posts")
        self.assertEqual(posts["city_entry"], 42)
        self.assertEqual(posts["compound_gate"], levels["compound"])
        segments = sum(len(r["geometry"]["coordinates"]) - 1 for r in self.f["roads"])
        self.assertAlmostEqual(segments / (100_000 * SCALE), 1, delta=0.35)
        self.assertEqual(kinds("facilities")["command_post"], 7)

    def test_high_risk_zones_are_areas_of_the_city(self):
        area_rings = {a["id"]: a["geometry"]["coordinates"] for a in self.f["areas"]}
        for z in self.f["zones"]:
            self.assertEqual(z["geometry"]["coordinates"], area_rings[z["properties"]["area"]])

    def test_deliberate_gaps(self):
        high = {z["id"]: z for z in self.f["zones"] if z["properties"]["risk"] == "high"}
        forces = [t for t in self.f["teams"] if t["properties"]["kind"] == "task_force"]
        covered = {z for t in forces for z in t["properties"]["zones"]}
        self.assertGreaterEqual(len(set(high) - covered), 1, "some high-risk zones have no task force")

        def centre(zone):
            ring = zone["geometry"]["coordinates"][0][:-1]
            return (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))

        def distance(team):
            return km_between(team["geometry"]["coordinates"], centre(high[team["properties"]["zones"][0]]))

        far = [t for t in forces if distance(t) >= 8 * math.sqrt(SCALE)]
        self.assertGreaterEqual(len(far), 1, "some task forces are based far away")
        staffed = {r["properties"].get("post") for r in self.f["roster"]}
        self.assertTrue(self.ids["posts"] - staffed, "some posts are unstaffed")

    def test_validator_accepts(self):
        if not CORDON:
            self.skipTest("no cordon tool given")
        out = subprocess.run([CORDON, "validate", self.dir], capture_output=True, text=True)
        self.assertIn("0 errors, 0 warnings", out.stdout, out.stdout[-2000:] + out.stderr)


if __name__ == "__main__":
    args = sys.argv[1:]
    if "--scale" in args:
        i = args.index("--scale")
        SCALE = float(args[i + 1])
        del args[i : i + 2]
    if args and not args[0].startswith("-"):
        CORDON = os.path.abspath(args.pop(0))
    unittest.main(argv=[sys.argv[0], *args])
