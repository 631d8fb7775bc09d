#!/usr/bin/env python3
"""Generate cordon's demo city: a FICTIONAL city laid out like Zhengzhou, written as the seven feeds.

    python3 tools/generate_demo.py --seed 1 --out DIR [--scale 1.0]

writes DIR/{areas,zones,posts,teams,roster,roads,facilities}.geojson (see docs/feeds.md for the
contract and docs/demo-city.md for what is generated). Every name and place is invented.

The same seed and scale give byte-identical files: all randomness comes from one random.Random,
nothing is read from the clock, and nothing depends on set or hash order. Python standard library
only.

Everything is built in a flat plane (metres east and north of the centre) and mapped to longitude
and latitude only when written. The mapping bends the plane gently, so the straight lines of the
plan become gently curved streets. Road junctions are plane nodes shared by every way through them,
so every way through a junction writes the same rounded position and a routing graph connects.
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import random
from dataclasses import dataclass, field

GENERATED = "2022-11-26T06:00:00+08:00"
DAY_DATES = ("2022-11-25", "2022-11-26", "2022-11-27")  # the roster day and its neighbours
CENTRE_LON, CENTRE_LAT = 113.65, 34.75
M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LON = 111_320.0 * math.cos(math.radians(CENTRE_LAT))

URBAN_KM = 12.0  # urban boundary (the area tiling and the street grid end here)
EDGE_KM = 23.0  # roads run out to this radius, where the city entry stations stand
STATION_KM = 21.6  # the entry stations sit where the leaving roads pass this radius
FAR_KM = 8.0  # a task force based this far (times the linear scale) from its zone is "far away"
SNAP_M = 3.0  # a crossing this close to an existing junction reuses it
VERTEX_GAP_M = 80.0  # longest straight piece of a street (keeps the bends of the warp visible)
AREA_VERTEX_GAP_M = 250.0  # the same for area outlines

# --- names (all invented; the street names follow the usual Chinese patterns) ------------------

DISTRICTS = (  # name, sector start and end angle (degrees, counter-clockwise from east)
    ("郑东新区", -25, 20),
    ("金水区", 20, 82),
    ("惠济区", 82, 132),
    ("中原区", 132, 195),
    ("二七区", 195, 262),
    ("管城回族区", 262, 335),
)
PLACE_FIRST = "丰杜文建兴华凤金银龙鸿嘉瑞祥康宁和安盛永福德泰明光锦翠碧春桂兰梅竹松柏桐榆杏柳荷雁鹤云星晨清秀聚"
PLACE_SECOND = "岭湖林苑桥台庄寨园河山城湾坊营亭塘港岗堤坡里屯店集洲溪泉"
HOME_FIRST = "锦绣翠碧金银玉华富盛御景名雅颂怡和康泰嘉瑞祥鑫源泽润海天蓝馨悦澜熙"
HOME_SECOND = "华苑庭园居府湾城坊轩阁庄都廷林"
HOME_TYPES = ("小区", "苑", "花园", "嘉园", "家园", "新村", "公寓", "佳苑", "华庭", "名邸")
WORK_UNITS = (
    "市卫健委", "市电业局", "第三棉纺厂", "第五棉纺厂", "市第一机械厂", "省建二公司", "铁路分局",
    "市水务局", "市粮食局", "市邮电局", "市自来水公司", "市运输公司", "省地质队", "市煤炭局",
    "省纺织设计院", "市油脂厂", "市第二印染厂", "市磨料磨具厂", "市电缆厂", "市化肥厂", "省建材研究院",
    "市烟草公司", "市轴承厂", "市锅炉厂", "省农科院", "市师范学校", "市卫校", "市食品公司",
    "市医药公司", "市园林局",
)
CITY_UNITS = (
    "市卫健委", "市公安局", "市城管局", "市交通运输局", "市教育局", "市住建局", "市市场监管局",
    "市财政局", "市民政局", "市商务局", "市发改委", "市委组织部", "市委宣传部", "市自然资源局",
    "市生态环境局", "市文广旅局", "市应急管理局", "市水利局", "市人社局", "共青团市委", "市妇联",
    "市总工会", "市红十字会",
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯史陶贺顾毛郝龚邵万钱严武戴孔汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉萍鹏辉晓斌宇浩凯博文海燕雪梅琳晨阳欣怡子涵"

# Named through-streets of the grid: north-south ones west to east, east-west ones south to north.
NS_STREETS = (
    "须水路", "长椿路", "西环路", "秦岭路", "华山路", "桐柏路", "工人路", "伏牛路", "大学路", "京广路",
    "铭功路", "民主路", "二七路", "紫荆山路", "城东路", "南阳路", "文化路", "花园路", "经三路",
    "经一路", "未来大道", "英协路", "东明路", "玉凤路", "众意路", "商鼎路", "心怡路", "康宁街",
    "博学路", "明理路", "平安大道", "龙湖中环路",
)
EW_STREETS = (
    "长江路", "淮河路", "汝河路", "陇海路", "政通路", "中原路", "建设路", "棉纺路", "伊河路",
    "纬一路", "纬五路", "丰产路", "红专路", "黄河路", "农业路", "国基路", "东风路", "北环路",
    "宏达路", "天河路", "清华园路", "开元路", "兴业大道", "龙源路", "永平路", "顺和路",
)
# Grid lines promoted to radial arterials: axis, offset (km), name, class, speed, end names.
AXIS_STREETS = (
    ("ns", 2.5, "中州大道", "trunk", 70, ("郑新快速路", "中州大道北延")),
    ("ns", -3.0, "嵩山路", "primary", 60, ("嵩山南路", "江山路")),
    ("ew", 0.5, "金水路", "primary", 60, ("中原西路", "郑开大道")),
    ("ew", -4.0, "航海路", "primary", 60, ("航海西路", "航海东路")),
)
DIAGONALS = ((68, "107辅道"), (120, "长兴路"), (165, "西流湖大道"), (210, "郑密路"), (245, "京广南路"), (325, "郑汴路"))
RINGS = (  # kind, nominal radius (km), name, class, speed
    ("ring2", 4.0, "二环路", "trunk", 60),
    ("ring3", 7.0, "三环路", "trunk", 80),
    ("ring4", 10.8, "四环快速路", "motorway", 80),
)
# Motorways leaving from the 4th ring: angle (degrees), name.
RING_MOTORWAYS = ((15, "郑民高速"), (228, "郑少高速"), (292, "机场高速"))

# --- small helpers ---------------------------------------------------------------------------------


def cn_number(n: int) -> str:
    """1..99 in Chinese numerals (一, 十二, 二十三)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def direction_name(dx: float, dy: float) -> str:
    """东/北/西/南 for a direction in the plane."""
    a = math.degrees(math.atan2(dy, dx)) % 360
    return "东北西南"[int(((a + 45) % 360) // 90)]


def centroid(poly):
    """Area centroid of a simple polygon (open ring)."""
    a = cx = cy = 0.0
    for i, (x0, y0) in enumerate(poly):
        x1, y1 = poly[(i + 1) % len(poly)]
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    return (cx / (3 * a), cy / (3 * a))


def contains(poly, pt) -> bool:
    """Point in polygon (even-odd rule), open ring."""
    x, y = pt
    inside = False
    j = len(poly) - 1
    for i in range(len(poly)):
        xi, yi = poly[i]
        xj, yj = poly[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def split_convex(poly, normal, offset):
    """Cuts a convex polygon along the line normal . p = offset into (below, above).

    Each crossing point is computed once and put into both halves, so the halves share it exactly."""
    below, above = [], []
    for i, p in enumerate(poly):
        q = poly[(i + 1) % len(poly)]
        dp = p[0] * normal[0] + p[1] * normal[1] - offset
        dq = q[0] * normal[0] + q[1] * normal[1] - offset
        if dp <= 0:
            below.append(p)
        if dp >= 0:
            above.append(p)
        if (dp < 0 < dq) or (dq < 0 < dp):
            t = dp / (dp - dq)
            x = (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
            below.append(x)
            above.append(x)
    return below, above


def segment_crossing(p, q, r, s):
    """Parameters (t on p-q, w on r-s) where two segments cross, or None."""
    d1x, d1y = q[0] - p[0], q[1] - p[1]
    d2x, d2y = s[0] - r[0], s[1] - r[1]
    den = d1x * d2y - d1y * d2x
    if abs(den) < 1e-9:
        return None
    ex, ey = r[0] - p[0], r[1] - p[1]
    t = (ex * d2y - ey * d2x) / den
    w = (ex * d1y - ey * d1x) / den
    if 0 <= t <= 1 and 0 <= w <= 1:
        return t, w
    return None


def instant(day: int, minutes: int) -> str:
    """ISO instant in China time: day 0/1/2 = 25/26/27 Nov 2022, minutes after that midnight."""
    day += minutes // 1440
    minutes %= 1440
    return f"{DAY_DATES[day]}T{minutes // 60:02d}:{minutes % 60:02d}:00+08:00"


def clock(text: str) -> int:
    """Minutes of "HH:MM" ("24:00" = 1440)."""
    return int(text[:2]) * 60 + int(text[3:])


class Namer:
    """Hands out distinct names: patterns are tried until one not handed out before comes up."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used = set()

    def claim(self, name: str) -> bool:
        """Marks a name as used; False if it already was."""
        if name in self.used:
            return False
        self.used.add(name)
        return True

    def take(self, make) -> str:
        """The first new name `make()` produces (numbered 二, 三, ... if the patterns run dry)."""
        for _ in range(60):
            name = make()
            if self.claim(name):
                return name
        base = make()
        n = 2
        while not self.claim(f"{base}{cn_number(n)}"):
            n += 1
        return f"{base}{cn_number(n)}"

    def stem(self, first=PLACE_FIRST, second=PLACE_SECOND) -> str:
        """A random two-character place stem like 凤岭 (not reserved)."""
        return self.rng.choice(first) + self.rng.choice(second)

    def person(self) -> str:
        """A random (invented) person's name."""
        given = "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
        return self.rng.choice(SURNAMES) + given


# --- the plane and its mapping ---------------------------------------------------------------------


class CityShape:
    """The city's outline, rings and population density in the plane, all scaled by sqrt(scale)."""

    def __init__(self, rng: random.Random, scale: float):
        self.k = math.sqrt(scale) * 1000.0  # metres per "km" of the full-size plan
        # Low harmonics keep every outline convex (elongated east-west a little, like the real city).
        self.harmonics = [(0.04, 2, rng.uniform(-0.3, 0.3)), (0.015, 3, rng.uniform(0, 2 * math.pi))]
        self.ring_wiggle = {name: (0.012, 5, rng.uniform(0, 2 * math.pi)) for name, *_ in RINGS}
        self.centre = (-0.5 * self.k, -0.8 * self.k)  # where the districts meet (the old square)

    def radius(self, km: float, theta: float, extra=()) -> float:
        """Radius (m) of an outline of nominal size `km` in direction theta."""
        h = sum(a * math.cos(f * theta + ph) for a, f, ph in (*self.harmonics, *extra))
        return km * self.k * (1 + h)

    def inside_urban(self, u: float, v: float) -> bool:
        """True inside the urban boundary."""
        return math.hypot(u, v) < self.radius(URBAN_KM, math.atan2(v, u))

    def boundary(self, count=240):
        """The urban boundary as a convex counter-clockwise polygon."""
        pts = []
        for i in range(count):
            t = 2 * math.pi * i / count
            r = self.radius(URBAN_KM, t)
            pts.append((r * math.cos(t), r * math.sin(t)))
        return pts

    def density(self, u: float, v: float) -> float:
        """Relative population density: the old centre, the eastern new town, thinner to the north."""
        k = self.k
        old = math.exp(-((u - self.centre[0]) ** 2 + (v - self.centre[1]) ** 2) / (5.5 * k) ** 2)
        cbd = 0.6 * math.exp(-((u - 8 * k) ** 2 + (v - 1 * k) ** 2) / (2.5 * k) ** 2)
        north = 0.55 + 0.45 / (1 + math.exp((v - 6.5 * k) / (1.5 * k)))
        return (0.25 + old + cbd) * north


class Projection:
    """Maps the plane to rounded WGS84 lon/lat through a smooth, gentle warp (streets bend a little)."""

    def __init__(self, rng: random.Random):
        self.terms = [(rng.uniform(90, 160), rng.uniform(2500, 4500), rng.uniform(0, 2 * math.pi)) for _ in range(4)]

    def lonlat(self, p):
        """[lon, lat] rounded to 6 decimals (about 0.1 m)."""
        u, v = p
        (a1, l1, p1), (a2, l2, p2), (a3, l3, p3), (a4, l4, p4) = self.terms
        x = u + a1 * math.sin(v / l1 + p1) + a2 * math.sin((u + v) / l2 + p2)
        y = v + a3 * math.sin(u / l3 + p3) + a4 * math.sin((u - v) / l4 + p4)
        return [round(CENTRE_LON + x / M_PER_DEG_LON, 6), round(CENTRE_LAT + y / M_PER_DEG_LAT, 6)]


# --- areas -----------------------------------------------------------------------------------------


@dataclass
class Area:
    """One administrative area; polygons are convex, counter-clockwise, open, in the plane."""

    level: str
    name: str
    poly: list
    weight: float
    parent: "Area | None" = None
    id: str = ""
    children: list = field(default_factory=list)
    population: int = 0
    households: int = 0
    colours: dict = field(default_factory=dict)
    zone: "Zone | None" = None

    @property
    def centre(self):
        return centroid(self.poly)

    def ancestors(self):
        a = self.parent
        while a:
            yield a
            a = a.parent


def sample_points(rng, shape):
    """Jittered 60 m grid of (u, v, density) points inside the urban boundary: the population."""
    step = 60.0
    n = int(shape.radius(URBAN_KM, 0) * 1.2 / step)
    pts = []
    for i in range(-n, n + 1):
        for j in range(-n, n + 1):
            u = i * step + rng.uniform(-25, 25)
            v = j * step + rng.uniform(-25, 25)
            if shape.inside_urban(u, v):
                pts.append((u, v, shape.density(u, v)))
    return pts


def ray_hit(poly, origin, angle):
    """Where a ray from origin leaves a convex polygon: (point, index of the edge hit)."""
    d = (math.cos(angle), math.sin(angle))
    far = (origin[0] + d[0] * 1e7, origin[1] + d[1] * 1e7)
    for i, p in enumerate(poly):
        q = poly[(i + 1) % len(poly)]
        hit = segment_crossing(origin, far, p, q)
        if hit:
            t = hit[0]
            return (origin[0] + t * (far[0] - origin[0]), origin[1] + t * (far[1] - origin[1])), i
    raise ValueError("ray misses the boundary")


def district_sectors(shape):
    """The six districts as sectors of the urban polygon around the old centre (shared ray points)."""
    boundary = shape.boundary()
    c = shape.centre
    hits = [ray_hit(boundary, c, math.radians(start)) for _, start, _ in DISTRICTS]
    sectors = []
    for k in range(len(DISTRICTS)):
        (p0, e0), (p1, e1) = hits[k], hits[(k + 1) % len(hits)]
        ring = [c, p0]
        i = (e0 + 1) % len(boundary)
        while True:
            ring.append(boundary[i])
            if i == e1:
                break
            i = (i + 1) % len(boundary)
        ring.append(p1)
        sectors.append(ring)
    return sectors


def subdivide(rng, poly, pts, count, streets):
    """Cuts a convex polygon into `count` convex pieces of roughly equal population.

    Each cut runs across the polygon's longer side along a street of the grid (streets = the
    positions of the north-south and east-west grid lines), the one nearest to where the population
    points give each side its share (jittered, so sizes vary). Areas are thus bounded by streets.
    Returns [(polygon, points)]."""
    if count == 1:
        return [(poly, pts)]
    first = count // 2 if count % 2 == 0 else count // 2 + rng.randint(0, 1)
    frac = min(0.85, max(0.15, first / count * rng.uniform(0.88, 1.12)))
    width = max(p[0] for p in poly) - min(p[0] for p in poly)
    height = max(p[1] for p in poly) - min(p[1] for p in poly)
    c = 0 if width * rng.uniform(0.8, 1.25) > height else 1
    lo, hi = min(p[c] for p in poly), max(p[c] for p in poly)
    offset = weighted_quantile(sorted((p[c], p[2]) for p in pts), frac, lo + frac * (hi - lo))
    margin = 0.12 * (hi - lo)
    candidates = [x for x in streets[c] if lo + margin <= x <= hi - margin]
    if candidates:
        offset = min(candidates, key=lambda x: abs(x - offset))
    offset = min(hi - margin, max(lo + margin, offset))
    normal = (1.0, 0.0) if c == 0 else (0.0, 1.0)
    below, above = split_convex(poly, normal, offset)
    pts_below = [p for p in pts if p[c] <= offset]
    pts_above = [p for p in pts if p[c] > offset]
    return subdivide(rng, below, pts_below, first, streets) + subdivide(rng, above, pts_above, count - first, streets)


def weighted_quantile(values, frac, default):
    """The value where the running weight of sorted (value, weight) pairs reaches frac of the total."""
    total = sum(w for _, w in values)
    acc = 0.0
    for x, w in values:
        acc += w
        if acc >= frac * total:
            return x
    return default


def apportion(total: int, weights):
    """Splits a whole number in proportion to weights (largest remainder), at least 1 each."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    out = [max(1, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (-(raw[i] - int(raw[i])), i))
    for i in order[: max(0, total - sum(out))]:
        out[i] += 1
    return out


def compound_name(rng, namer, community_stem):
    """A compound (小区/院) name: a housing estate, a work unit's 家属院, or a numbered 院."""
    r = rng.random()
    if r < 0.55:
        return namer.take(lambda: namer.stem(HOME_FIRST, HOME_SECOND) + rng.choice(HOME_TYPES))
    if r < 0.75:
        variants = ("", "东", "西", "南", "北", "新", "一号", "二号", "三号", "四号", "五号")
        return namer.take(lambda: rng.choice(WORK_UNITS) + rng.choice(variants) + "家属院")
    return namer.take(lambda: community_stem + rng.choice(("东院", "西院", "南院", "北院", "一号院", "二号院", "三号院")))


def build_areas(rng, shape, namer, scale, streets):
    """Districts -> subdistricts -> communities -> compounds, each level tiling the urban area.

    Districts are sectors around the old centre; below that, areas are cut along `streets`."""
    pts = sample_points(rng, shape)
    c = shape.centre
    sectors = district_sectors(shape)
    district_pts = [[] for _ in DISTRICTS]
    for p in pts:
        a = math.degrees(math.atan2(p[1] - c[1], p[0] - c[0]))
        for k, (_, start, end) in enumerate(DISTRICTS):
            if (a - start) % 360 < (end - start) % 360:
                district_pts[k].append(p)
                break
    weights = [sum(p[2] for p in dp) for dp in district_pts]
    sub_counts = apportion(max(len(DISTRICTS), round(70 * scale)), weights)
    districts = []
    for (name, _, _), poly, dpts, n_sub in zip(DISTRICTS, sectors, district_pts, sub_counts):
        namer.claim(name)
        d = Area("district", name, poly, sum(p[2] for p in dpts))
        districts.append(d)
        for spoly, spts in subdivide(rng, poly, dpts, n_sub, streets):
            s = Area("subdistrict", namer.take(namer.stem) + "街道", spoly, sum(p[2] for p in spts), d)
            d.children.append(s)
            for cpoly, cpts in subdivide(rng, spoly, spts, rng.randint(5, 9), streets):
                stem = namer.take(namer.stem)
                m = Area("community", stem + "社区", cpoly, sum(p[2] for p in cpts), s)
                s.children.append(m)
                for kpoly, kpts in subdivide(rng, cpoly, cpts, rng.choice((1, 2, 2, 2, 3, 3, 4)), streets):
                    k = Area("compound", compound_name(rng, namer, stem), kpoly, sum(p[2] for p in kpts), m)
                    m.children.append(k)
    number_areas(districts)
    spread_population(rng, districts, scale)
    return districts


def number_areas(districts):
    """Ids by level in generation order: D-01, S-001, C-0001, K-00001."""
    counters = {"subdistrict": 0, "community": 0, "compound": 0}
    formats = {"subdistrict": "S-{:03d}", "community": "C-{:04d}", "compound": "K-{:05d}"}
    for i, d in enumerate(districts, 1):
        d.id = f"D-{i:02d}"
        for a in all_below(d):
            counters[a.level] += 1
            a.id = formats[a.level].format(counters[a.level])


def all_below(area):
    """Every area under `area`, depth first, in generation order."""
    for c in area.children:
        yield c
        yield from all_below(c)


def spread_population(rng, districts, scale):
    """About 10 million people (times scale), by density, to compounds; households ~2.5-3 people."""
    compounds = [a for d in districts for a in all_below(d) if a.level == "compound"]
    total_w = sum(k.weight for k in compounds)
    for k in compounds:
        k.population = round(10_000_000 * scale * k.weight / total_w * rng.uniform(0.8, 1.2))
        k.households = round(k.population / rng.uniform(2.5, 3.0))


# Shares of households by colour (red, orange, yellow, white; green is the rest) by zone risk.
COLOUR_SHARES = {
    "high": ((0.02, 0.08), (0.05, 0.15), (0.03, 0.08), (0.02, 0.05)),
    "medium": ((0.0, 0.01), (0.01, 0.04), (0.02, 0.05), (0.02, 0.05)),
    "low": ((0.0, 0.002), (0.0, 0.01), (0.01, 0.03), (0.02, 0.06)),
    None: ((0.0, 0.0005), (0.0, 0.005), (0.003, 0.015), (0.02, 0.06)),
}


def colour_households(rng, districts):
    """四级五色 counts per compound from the zone it is in, then summed up the hierarchy."""
    for d in districts:
        for k in all_below(d):
            if k.level != "compound":
                continue
            zone = k.zone or k.parent.zone
            shares = COLOUR_SHARES[zone.risk if zone else None]
            counts = {
                c: int(k.households * rng.uniform(*s)) for c, s in zip(("red", "orange", "yellow", "white"), shares)
            }
            counts["green"] = k.households - sum(counts.values())
            k.colours = {c: counts[c] for c in ("red", "orange", "yellow", "green", "white")}
    for d in districts:
        roll_up(d)


def roll_up(area):
    """A parent's population, households and colours are the sums of its children's."""
    if not area.children:
        return
    for c in area.children:
        roll_up(c)
    area.population = sum(c.population for c in area.children)
    area.households = sum(c.households for c in area.children)
    area.colours = {k: sum(c.colours[k] for c in area.children) for k in ("red", "orange", "yellow", "green", "white")}


def conform_rings(polys):
    """Adds to every polygon each vertex of another polygon lying on its edges (no T-junctions).

    The areas at every level then share their boundary vertices exactly, so after the warp they
    still tile without gaps or overlaps."""
    cell = 200.0
    grid = {}
    for poly in polys:
        for p in poly:
            grid.setdefault((math.floor(p[0] / cell), math.floor(p[1] / cell)), {})[p] = True
    out = []
    for poly in polys:
        ring = []
        for i, p in enumerate(poly):
            q = poly[(i + 1) % len(poly)]
            ring.append(p)
            ring.extend(vertices_on_edge(grid, cell, p, q))
        out.append(ring)
    return out


def vertices_on_edge(grid, cell, p, q):
    """Vertices from the grid lying strictly inside segment p-q, ordered from p to q."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    length = math.hypot(dx, dy)
    found = []
    for cx in range(math.floor(min(p[0], q[0]) / cell), math.floor(max(p[0], q[0]) / cell) + 1):
        for cy in range(math.floor(min(p[1], q[1]) / cell), math.floor(max(p[1], q[1]) / cell) + 1):
            for v in grid.get((cx, cy), ()):
                t = ((v[0] - p[0]) * dx + (v[1] - p[1]) * dy) / length**2
                off = abs((v[0] - p[0]) * dy - (v[1] - p[1]) * dx) / length
                if off < 1e-6 and 1e-9 < t < 1 - 1e-9:
                    found.append((t, v))
    return [v for _, v in sorted(found)]


def densify_ring(ring):
    """Extra vertices every <= AREA_VERTEX_GAP_M, computed the same way from both sides of an edge."""
    out = []
    for i, p in enumerate(ring):
        q = ring[(i + 1) % len(ring)]
        out.append(p)
        n = math.ceil(math.hypot(q[0] - p[0], q[1] - p[1]) / AREA_VERTEX_GAP_M)
        a, b = (p, q) if p <= q else (q, p)
        extra = [(a[0] + (b[0] - a[0]) * s / n, a[1] + (b[1] - a[1]) * s / n) for s in range(1, n)]
        out.extend(extra if p <= q else extra[::-1])
    return out


# --- zones -----------------------------------------------------------------------------------------


@dataclass
class Zone:
    """A risk-controlled zone: the polygon of one area (a compound or a community)."""

    id: str
    risk: str
    area: Area
    since: str
    until: str | None


def available(area) -> bool:
    """An area can become a zone if neither it, an ancestor nor a descendant is one already."""
    if area.zone or any(a.zone for a in area.ancestors()):
        return False
    return not any(c.zone for c in all_below(area))


def pick_zones(rng, districts, scale):
    """High-risk zones clustered around a few outbreaks, medium ones next to them, low ones around."""
    compounds = [a for d in districts for a in all_below(d) if a.level == "compound"]
    clusters = [rng.choice(compounds).centre for _ in range(max(2, round(7 * math.sqrt(scale))))]

    def by_distance(centres, spread):
        """Compounds ordered by (jittered) distance to the nearest of the centres."""

        def key(k):
            c = k.centre
            return min(math.hypot(c[0] - x, c[1] - y) for x, y in centres) * rng.uniform(1 - spread, 1 + spread)

        return sorted(compounds, key=key)

    zones = []
    plan = (("high", 50, by_distance(clusters, 0.6), 0.3), ("medium", 80, None, 0.2), ("low", 100, None, 1.0))
    for risk, count, order, community_share in plan:
        if order is None:
            order = by_distance([z.area.centre for z in zones], 0.5 if risk == "medium" else 0.9)
        target = max(2, round(count * scale))
        picked = 0
        for k in order:
            if picked == target:
                break
            area = k.parent if rng.random() < community_share else k
            if not available(area):
                continue
            zone = Zone(f"Z-{len(zones) + 1:03d}", risk, area, *zone_dates(rng, risk))
            area.zone = zone
            zones.append(zone)
            picked += 1
    return zones


def zone_dates(rng, risk):
    """since/until in November 2022; some zones are already lifted or have a planned end."""
    first, last, lifted = {"high": (18, 25, 0.1), "medium": (12, 24, 0.2), "low": (5, 20, 0.3)}[risk]
    since = rng.randint(first, last)
    until = None
    if rng.random() < lifted:
        until = f"2022-11-{min(30, since + rng.randint(5, 10)):02d}"
    return f"2022-11-{since:02d}", until


# --- roads -----------------------------------------------------------------------------------------


@dataclass
class Line:
    """One straight line of the street grid: constant u ("ns", runs south to north) or v ("ew")."""

    axis: str
    index: int
    pos: float
    rank: str = "residential"  # axis, secondary, tertiary, residential
    name: str = ""
    major_ordinal: int = 0  # count of secondaries before it (its band; rings interchange with every other one)
    band_ordinal: int = 0  # 1, 2, ... for the residential lines of a band (they are 一街, 二街, ...)
    speed: int = 0
    first: int = 0
    last: int = -1  # perpendicular indices with junctions inside the city: first..last
    kept: dict = field(default_factory=dict)  # edge k (junction k to k+1) exists
    closed: set = field(default_factory=set)  # edges sealed around high-risk zones
    extra: list = field(default_factory=list)  # (along, node) inserted junctions
    oneway: str = ""  # "yes" or "-1" in the old centre
    reverse: bool = False  # written in the opposite direction


@dataclass
class Overlay:
    """A road laid over the grid (ring, radial, motorway): a polyline of nodes."""

    kind: str  # ring2, ring3, ring4, radial, motorway
    highway: str
    name: str
    speed: int
    nodes: list
    inserts: dict = field(default_factory=dict)  # segment index -> [(t, node)]
    leaves: bool = False  # runs out of the city at its last node
    leaves_at_start: bool = False  # ... and at its first node (motorways passing the city)


class RoadNetwork:
    """Builds the street grid, the overlays and the minor roads, noded at shared junctions."""

    def __init__(self, rng, shape, namer):
        self.rng, self.shape, self.namer = rng, shape, namer
        self.k = shape.k
        self.nodes = []  # (u, v)
        self.grid = {}  # (ns index, ew index) -> node
        self.ways = []  # (nodes, properties)
        self.interchanges = []  # (node, motorway name) where a motorway meets another road
        self.residential_suffix = {}  # axis -> 街/路 for the numbered streets of a superblock
        self.block_stems = {}  # (north-south band, east-west band) -> stem naming a superblock's streets

    def node(self, u, v) -> int:
        self.nodes.append((u, v))
        return len(self.nodes) - 1

    # The grid ------------------------------------------------------------------------------------

    def line_positions(self):
        """Positions of the grid lines along one axis: 150-230 m apart in the centre, wider outside."""
        half = self.shape.radius(URBAN_KM, 0) * 1.08
        x = -half - self.rng.uniform(0, 150)
        out = []
        while x < half:
            out.append(x)
            t = min(1.0, abs(x) / half)
            x += self.rng.uniform(150 + 50 * t, 230 + 70 * t)
        return out

    def plan_lines(self):
        """Positions of the north-south and east-west grid lines (the areas are cut along them)."""
        self.upos, self.vpos = self.line_positions(), self.line_positions()
        return self.upos, self.vpos

    def build_grid(self):
        """Grid lines with ranks and names, junction nodes inside the city, and the edges kept."""
        self.ns = [Line("ns", i, u) for i, u in enumerate(self.upos)]
        self.ew = [Line("ew", j, v) for j, v in enumerate(self.vpos)]
        for lines in (self.ns, self.ew):
            self.rank_lines(lines)
        self.name_lines(self.ns, NS_STREETS, "街")
        self.name_lines(self.ew, EW_STREETS, "路")
        self.pick_oneway_pairs()
        for i, u in enumerate(self.upos):
            for j, v in enumerate(self.vpos):
                if self.shape.inside_urban(u, v):
                    self.grid[(i, j)] = self.node(u, v)
        for line in self.ns + self.ew:
            self.set_extent(line)
            self.keep_edges(line)

    def rank_lines(self, lines):
        """Secondary streets about every kilometre, a tertiary one between, the rest residential."""
        last, gap, secondaries = lines[0].pos, self.rng.uniform(850, 1150), [0]
        for line in lines:
            if line.pos - last >= gap:
                line.rank, last, gap = "secondary", line.pos, self.rng.uniform(850, 1150)
                secondaries.append(line.index)
        for a, b in zip(secondaries, secondaries[1:]):
            if b - a >= 3:
                mid = (lines[a].pos + lines[b].pos) / 2
                min(lines[a + 1 : b], key=lambda l: abs(l.pos - mid)).rank = "tertiary"
        for axis, km, name, _, speed, _ in AXIS_STREETS:
            if axis == lines[0].axis:
                line = min(lines, key=lambda l: abs(l.pos - km * self.k))
                line.rank, line.name, line.speed = "axis", name, speed
                self.namer.claim(name)
        count = residential = 0
        for line in lines:
            if line.rank in ("secondary", "axis"):
                count, residential = count + 1, 0
            line.major_ordinal = count
            residential += line.rank == "residential"
            line.band_ordinal = residential

    def name_lines(self, lines, named, residential_suffix):
        """Listed names for the secondaries, invented 路 for tertiaries (residential ones are named
        per superblock in section_name, with this axis's suffix)."""
        pool = [n for n in named if self.namer.claim(n)]
        for line in lines:
            if line.rank == "secondary":
                line.name = pool.pop(0) if pool else self.namer.take(lambda: self.namer.stem() + "大道")
                line.speed = 50
            elif line.rank == "tertiary":
                line.name = self.namer.take(lambda: self.namer.stem() + "路")
                line.speed = 40
        self.residential_suffix[lines[0].axis] = residential_suffix

    def pick_oneway_pairs(self):
        """Pairs of neighbouring streets in the old centre made one-way in opposite directions."""
        for axis, km, style in (("ns", -1.2, "-1"), ("ns", 5.5, "-1"), ("ew", 2.2, "reverse")):
            lines = self.ns if axis == "ns" else self.ew
            i = min(range(len(lines) - 1), key=lambda n: abs(lines[n].pos - km * self.k))
            while lines[i].rank in ("axis", "secondary") or lines[i + 1].rank in ("axis", "secondary"):
                i += 1
            for line in (lines[i], lines[i + 1]):
                if line.rank == "residential":
                    line.rank, line.speed = "tertiary", 40
                    line.name = self.namer.take(lambda: self.namer.stem() + "路")
            lines[i].oneway = "yes"
            if style == "-1":
                lines[i + 1].oneway = "-1"
            else:
                lines[i + 1].oneway, lines[i + 1].reverse = "yes", True

    def junction(self, line, k):
        """Node where `line` meets perpendicular line k (None outside the city)."""
        return self.grid.get((line.index, k) if line.axis == "ns" else (k, line.index))

    def perp(self, line):
        """Positions of the lines perpendicular to `line` (its junctions' along-coordinates)."""
        return self.vpos if line.axis == "ns" else self.upos

    def set_extent(self, line):
        """First and last junction inside the city (the longest run of them)."""
        best, run_start = (0, -1), None
        perp = self.perp(line)
        for k in range(len(perp) + 1):
            inside = k < len(perp) and self.junction(line, k) is not None
            if inside and run_start is None:
                run_start = k
            if not inside and run_start is not None:
                if k - 1 - run_start > best[1] - best[0]:
                    best = (run_start, k - 1)
                run_start = None
        line.first, line.last = best

    def keep_edges(self, line):
        """Major streets are continuous; residential ones have gaps, more of them further out."""
        perp = self.perp(line)
        for k in range(line.first, line.last):
            if line.rank != "residential":
                line.kept[k] = True
                continue
            mid = (perp[k] + perp[k + 1]) / 2
            u, v = (line.pos, mid) if line.axis == "ns" else (mid, line.pos)
            r = math.hypot(u, v) / self.shape.radius(URBAN_KM, math.atan2(v, u))
            line.kept[k] = self.rng.random() < 0.92 - 0.3 * r

    # The overlays --------------------------------------------------------------------------------

    def build_overlays(self):
        """Rings, diagonal radials, axis extensions and motorways."""
        self.overlays = []
        rings = {}
        for kind, km, name, highway, speed in RINGS:
            rings[kind] = self.ring(kind, km, name, highway, speed)
        for deg, name in DIAGONALS:
            start = self.nearest_on(rings["ring2"], math.radians(deg))
            self.overlays.append(self.radial(start, math.radians(deg), "radial", "primary", name, 60))
        for axis, _, name, highway, speed, end_names in AXIS_STREETS:
            line = next(l for l in (self.ns if axis == "ns" else self.ew) if l.name == name)
            for end, end_name in zip((line.first, line.last), end_names):
                node = self.junction(line, end)
                outwards = 0 if end == line.last else math.pi
                heading = outwards + (math.pi / 2 if axis == "ns" else 0)
                self.namer.claim(end_name)
                self.overlays.append(self.radial(node, heading, "radial", highway, end_name, speed, drift=0.08))
        for deg, name in RING_MOTORWAYS:
            start = self.nearest_on(rings["ring4"], math.radians(deg))
            self.overlays.append(self.radial(start, math.radians(deg), "motorway", "motorway", name, 120))
        self.overlays.append(self.straight_motorway("京港澳高速", "ns", 15.0))
        self.overlays.append(self.straight_motorway("连霍高速", "ew", 14.0))

    def ring(self, kind, km, name, highway, speed):
        """A closed, slightly irregular ring road (last node = first node)."""
        r0 = km * self.k
        count = max(24, math.ceil(2 * math.pi * r0 / 120))
        nodes = []
        for i in range(count):
            t = 2 * math.pi * i / count
            r = self.shape.radius(km, t, (self.shape.ring_wiggle[kind],))
            nodes.append(self.node(r * math.cos(t), r * math.sin(t)))
        nodes.append(nodes[0])
        self.namer.claim(name)
        ov = Overlay(kind, highway, name, speed, nodes)
        self.overlays.append(ov)
        return ov

    def nearest_on(self, ov, angle):
        """The overlay node whose direction from the centre is closest to `angle`."""
        def gap(n):
            u, v = self.nodes[n]
            return abs((math.atan2(v, u) - angle + math.pi) % (2 * math.pi) - math.pi)

        return min(ov.nodes, key=gap)

    def radial(self, start, heading, kind, highway, name, speed, drift=0.15):
        """A road from `start` outwards to the map edge, turning slowly."""
        self.namer.claim(name)
        turn = self.rng.uniform(-drift, drift) / (EDGE_KM * self.k)
        nodes = [start]
        u, v = self.nodes[start]
        while math.hypot(u, v) < EDGE_KM * self.k:
            heading += turn * 120
            u, v = u + 120 * math.cos(heading), v + 120 * math.sin(heading)
            nodes.append(self.node(u, v))
        return Overlay(kind, highway, name, speed, nodes, leaves=True)

    def straight_motorway(self, name, axis, km):
        """A motorway passing the city on one side, edge to edge, gently waving."""
        self.namer.claim(name)
        offset, edge = km * self.k, EDGE_KM * self.k
        half = math.sqrt(edge**2 - offset**2)
        phase = self.rng.uniform(0, 2 * math.pi)
        count = math.ceil(2 * half / 150)
        nodes = []
        for i in range(count + 1):
            s = -half + 2 * half * i / count
            side = offset + 0.02 * offset * math.sin(s / (6 * self.k) + phase)
            nodes.append(self.node(side, s) if axis == "ns" else self.node(s, side))
        return Overlay("motorway", "motorway", name, 120, nodes, leaves=True, leaves_at_start=True)

    # Noding ---------------------------------------------------------------------------------------

    def at_grade(self, ov, line) -> bool:
        """Whether an overlay meets a grid street at a junction (else it passes over it)."""
        if ov.kind == "motorway":
            return False
        if ov.kind == "ring4":
            return line.rank == "axis" or (line.rank == "secondary" and line.major_ordinal % 2 == 0)
        if ov.kind == "ring3":
            return line.rank != "residential"
        return True

    def node_with_grid(self, ov):
        """Junctions where the overlay crosses grid edges it meets at grade."""
        for si in range(len(ov.nodes) - 1):
            p, q = self.nodes[ov.nodes[si]], self.nodes[ov.nodes[si + 1]]
            for lines, positions, c in ((self.ns, self.upos, 0), (self.ew, self.vpos, 1)):
                lo, hi = sorted((p[c], q[c]))
                for idx in range(bisect.bisect_right(positions, lo), bisect.bisect_left(positions, hi)):
                    line = lines[idx]
                    if not self.at_grade(ov, line):
                        continue
                    t = (positions[idx] - p[c]) / (q[c] - p[c])
                    along = p[1 - c] + t * (q[1 - c] - p[1 - c])
                    nid = self.grid_crossing(line, along)
                    if nid is not None and nid not in (ov.nodes[si], ov.nodes[si + 1]):
                        ov.inserts.setdefault(si, []).append((t, nid))

    def grid_crossing(self, line, along):
        """Node on `line` at `along` (an existing junction if within SNAP_M), None on a gap."""
        perp = self.perp(line)
        k = bisect.bisect_right(perp, along) - 1
        if not (line.first <= k < line.last and line.kept[k]):
            return None
        if along - perp[k] < SNAP_M:
            return self.junction(line, k)
        if perp[k + 1] - along < SNAP_M:
            return self.junction(line, k + 1)
        nid = self.node(line.pos, along) if line.axis == "ns" else self.node(along, line.pos)
        line.extra.append((along, nid))
        return nid

    def node_overlays(self):
        """Junctions where overlays cross each other (interchanges where a motorway is involved)."""
        cell = 400.0
        buckets = {}
        for oi, ov in enumerate(self.overlays):
            for si in range(len(ov.nodes) - 1):
                p, q = self.nodes[ov.nodes[si]], self.nodes[ov.nodes[si + 1]]
                for cx in range(math.floor(min(p[0], q[0]) / cell), math.floor(max(p[0], q[0]) / cell) + 1):
                    for cy in range(math.floor(min(p[1], q[1]) / cell), math.floor(max(p[1], q[1]) / cell) + 1):
                        buckets.setdefault((cx, cy), []).append((oi, si))
        done = set()
        for bucket in buckets.values():
            for a in bucket:
                for b in bucket:
                    if a[0] < b[0] and (a, b) not in done:
                        done.add((a, b))
                        self.cross_overlays(a, b)

    def cross_overlays(self, a, b):
        """Joins two overlay segments where they cross (reusing an end node when close to one)."""
        oa, ob = self.overlays[a[0]], self.overlays[b[0]]
        pa, qa = oa.nodes[a[1]], oa.nodes[a[1] + 1]
        pb, qb = ob.nodes[b[1]], ob.nodes[b[1] + 1]
        hit = segment_crossing(self.nodes[pa], self.nodes[qa], self.nodes[pb], self.nodes[qb])
        if not hit:
            return
        t, w = hit
        na = self.snap_end(pa, qa, t)
        nb = self.snap_end(pb, qb, w)
        if na is not None and na == nb:
            return
        nid = na if na is not None else nb
        if nid is None:
            p, q = self.nodes[pa], self.nodes[qa]
            nid = self.node(p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))
        if nid not in (pa, qa):
            oa.inserts.setdefault(a[1], []).append((t, nid))
        if nid not in (pb, qb):
            ob.inserts.setdefault(b[1], []).append((w, nid))
        if (oa.kind == "motorway") != (ob.kind == "motorway"):
            self.interchanges.append((nid, oa.name if oa.kind == "motorway" else ob.name))

    def snap_end(self, p, q, t):
        """p or q if the point at t on p-q is within SNAP_M of it, else None."""
        length = math.dist(self.nodes[p], self.nodes[q])
        if t * length < SNAP_M:
            return p
        if (1 - t) * length < SNAP_M:
            return q
        return None

    def apply_inserts(self, ov):
        """The overlay's final node list with all junctions in order along it."""
        out = []
        for si in range(len(ov.nodes) - 1):
            out.append(ov.nodes[si])
            out.extend(n for _, n in sorted(ov.inserts.get(si, ())))
        out.append(ov.nodes[-1])
        ov.nodes = [n for i, n in enumerate(out) if i == 0 or n != out[i - 1]]
        ov.inserts = {}

    # Minor roads ----------------------------------------------------------------------------------

    def overlay_cells(self):
        """Grid cells an overlay passes through (no driveways or paths are put there)."""
        cells = set()
        for ov in self.overlays:
            for a, b in zip(ov.nodes, ov.nodes[1:]):
                p, q = self.nodes[a], self.nodes[b]
                steps = max(1, math.ceil(math.dist(p, q) / 25))
                for s in range(steps + 1):
                    u = p[0] + (q[0] - p[0]) * s / steps
                    v = p[1] + (q[1] - p[1]) * s / steps
                    cells.add((bisect.bisect_right(self.upos, u) - 1, bisect.bisect_right(self.vpos, v) - 1))
        return cells

    def add_minor_roads(self):
        """Driveways (service) into most blocks and park paths (footway/path) across some others."""
        blocked = self.overlay_cells()
        opposite = {"S": "N", "N": "S", "W": "E", "E": "W"}
        for i in range(len(self.upos) - 1):
            for j in range(len(self.vpos) - 1):
                corners = [self.grid.get(c) for c in ((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1))]
                if None in corners or (i, j) in blocked:
                    continue
                r = self.rng.random()
                if r < 0.72:
                    side = self.rng.choice(("S", "N", "W", "E"))
                    form = self.rng.choice(("stub", "bend", "bend", "loop", "loop", "through"))
                    self.driveway(i, j, side, form)
                    if form != "through" and self.rng.random() < 0.5:
                        self.driveway(i, j, opposite[side], self.rng.choice(("stub", "bend", "loop")))
                elif r < 0.86:
                    self.park_path(corners)

    def cell_side(self, i, j, side):
        """(line, edge index, inward unit vector, depth of the cell, width along the side)."""
        du, dv = self.upos[i + 1] - self.upos[i], self.vpos[j + 1] - self.vpos[j]
        return {
            "S": (self.ew[j], i, (0, 1), dv, du),
            "N": (self.ew[j + 1], i, (0, -1), dv, du),
            "W": (self.ns[i], j, (1, 0), du, dv),
            "E": (self.ns[i + 1], j, (-1, 0), du, dv),
        }[side]

    def side_node(self, line, k, frac):
        """A new junction on edge k of `line`, frac along it; None on a gap or next to another one."""
        if not line.kept.get(k):
            return None
        perp = self.perp(line)
        along = perp[k] + frac * (perp[k + 1] - perp[k])
        if any(abs(a - along) < 15 for a, _ in line.extra):
            return None
        nid = self.node(line.pos, along) if line.axis == "ns" else self.node(along, line.pos)
        line.extra.append((along, nid))
        return nid

    def driveway(self, i, j, side, form):
        """A service road into a block from the middle part of one side.

        form: "stub" (dead end), "bend" (dead end turning), "loop" (back out to the same street) or
        "through" (across the block, with a jog, to the street on the opposite side)."""
        line, k, inward, depth, width = self.cell_side(i, j, side)
        frac = self.rng.uniform(0.3, 0.7)
        start = self.side_node(line, k, frac)
        if start is None:
            return
        su, sv = self.nodes[start]
        sign = 1 if frac < 0.5 else -1  # turn towards the wider part of the side
        lateral = (sign, 0) if line.axis == "ew" else (0, sign)

        def at(forward, sideways):
            return (su + inward[0] * forward + lateral[0] * sideways, sv + inward[1] * forward + lateral[1] * sideways)

        reach = depth * self.rng.uniform(0.25, 0.4)
        turn = width * self.rng.uniform(0.15, 0.25)
        pts, end = [at(reach / 2, 0), at(reach, 0)], None
        if form == "bend":
            pts += [at(reach, turn / 2), at(reach, turn)]
        elif form == "loop":
            end = self.side_node(line, k, frac + sign * turn / width)
            pts += [at(reach, turn / 2), at(reach, turn), at(reach / 2, turn)]
        elif form == "through":
            other, _, _, _, _ = self.cell_side(i, j, {"S": "N", "N": "S", "W": "E", "E": "W"}[side])
            end = self.side_node(other, k, frac + sign * turn / width)
            pts = [at(depth * 0.4, 0), at(depth * 0.45, turn / 2), at(depth * 0.5, turn), at(depth * 0.75, turn)]
        nodes = [start] + [self.node(u, v) for u, v in pts] + ([end] if end is not None else [])
        if (form != "through" or end is None) and line.rank == "axis" and self.axis_highway(line) == "trunk":
            return  # walkers could not reach a dead end off an expressway (after the draws: same city)
        perp = self.perp(line)
        along = perp[k] + frac * (perp[k + 1] - perp[k])
        number = int((along - self.section_start(line, k)) / 12) * 2 + (1 if inward[0] + inward[1] > 0 else 2)
        self.ways.append((nodes, {"highway": "service", "name": f"{self.section_name(line, k)}{number}号院内道路"}))

    def park_path(self, corners):
        """A winding footway or path diagonally across a block, corner to corner."""
        a, b = (corners[0], corners[2]) if self.rng.random() < 0.5 else (corners[1], corners[3])
        (u0, v0), (u1, v1) = self.nodes[a], self.nodes[b]
        length = math.hypot(u1 - u0, v1 - v0)
        nu, nv = -(v1 - v0) / length, (u1 - u0) / length
        nodes = [a]
        for f in (0.25, 0.5, 0.75):
            off = self.rng.uniform(-12, 12)
            nodes.append(self.node(u0 + (u1 - u0) * f + nu * off, v0 + (v1 - v0) * f + nv * off))
        nodes.append(b)
        park = self.namer.take(lambda: self.namer.stem() + "游园")
        highway = "footway" if self.rng.random() < 0.7 else "path"
        self.ways.append((nodes, {"highway": highway, "name": park + ("步道" if highway == "footway" else "小径")}))

    # Closures and ways ---------------------------------------------------------------------------

    def seal_streets(self, zones):
        """Residential grid edges inside some high-risk zones are sealed (closed)."""
        for zone in zones:
            poly = zone.area.poly
            us, vs = [p[0] for p in poly], [p[1] for p in poly]
            for lines, positions, lo, hi in (
                (self.ns, self.upos, min(us), max(us)),
                (self.ew, self.vpos, min(vs), max(vs)),
            ):
                for idx in range(bisect.bisect_left(positions, lo), bisect.bisect_right(positions, hi)):
                    line = lines[idx]
                    if line.rank != "residential":
                        continue
                    perp = self.perp(line)
                    for k in range(line.first, line.last):
                        mid = (perp[k] + perp[k + 1]) / 2
                        pt = (line.pos, mid) if line.axis == "ns" else (mid, line.pos)
                        if line.kept[k] and contains(poly, pt):
                            line.closed.add(k)

    def edge_nodes(self, line):
        """For each kept edge k: its nodes from junction k to k+1, with extra bend points."""
        perp = self.perp(line)
        extras = {}
        for along, nid in line.extra:
            extras.setdefault(bisect.bisect_right(perp, along) - 1, []).append((along, nid))
        out = {}
        for k in range(line.first, line.last):
            if not line.kept[k]:
                continue
            start, end = (perp[k], self.junction(line, k)), (perp[k + 1], self.junction(line, k + 1))
            stations = [start, *sorted(extras.get(k, ())), end]
            nodes = [stations[0][1]]
            for (a, _), (b, nid) in zip(stations, stations[1:]):
                steps = math.ceil((b - a) / VERTEX_GAP_M)
                for s in range(1, steps):
                    along = a + (b - a) * s / steps
                    nodes.append(self.node(line.pos, along) if line.axis == "ns" else self.node(along, line.pos))
                nodes.append(nid)
            out[k] = nodes
        return out

    def section_name(self, line, k):
        """Name of a grid street in the section around edge k."""
        if line.name:
            return self.with_direction(line, k)
        across = (self.ew if line.axis == "ns" else self.ns)[k].major_ordinal
        block = (line.major_ordinal, across) if line.axis == "ns" else (across, line.major_ordinal)
        if block not in self.block_stems:
            self.block_stems[block] = self.namer.take(self.namer.stem)
        return self.block_stems[block] + cn_number(min(line.band_ordinal, 99)) + self.residential_suffix[line.axis]

    def with_direction(self, line, k):
        """A secondary 路's name with 北/南/东/西 on its outer parts (花园路 -> 花园北路)."""
        name = line.name
        if line.rank != "secondary" or not name.endswith("路") or len(name) < 3 or name[0] in "经纬":
            return name
        perp = self.perp(line)
        mid = (perp[k] + perp[k + 1]) / 2
        if abs(mid) < 6.5 * self.k:
            return name
        return name[:-1] + (("北" if mid > 0 else "南") if line.axis == "ns" else ("东" if mid > 0 else "西")) + "路"

    def section_start(self, line, k):
        """Along-position where the section around edge k begins (the last major crossing)."""
        other = self.ew if line.axis == "ns" else self.ns
        m = k
        while m > line.first and other[m].rank not in ("secondary", "axis"):
            m -= 1
        return self.perp(line)[m]

    def grid_ways(self):
        """Grid streets as ways: one per section between secondary streets, split at gaps and seals."""
        for line in self.ns + self.ew:
            nodes_of = self.edge_nodes(line)
            other = self.ew if line.axis == "ns" else self.ns
            run, key = None, None
            for k in range(line.first, line.last + 1):
                this_key = None
                if k < line.last and line.kept[k]:
                    name = self.section_name(line, k)
                    this_key = (other[k].major_ordinal, k in line.closed, name, self.oneway_here(line, k))
                if run and this_key != key:
                    self.grid_way(line, run, key)
                    run = None
                if this_key is not None:
                    if run is None:
                        run, key = list(nodes_of[k]), this_key
                    else:
                        run.extend(nodes_of[k][1:])

    def oneway_here(self, line, k):
        """The line's one-way tag where edge k lies (only within 4.5 km of the centre)."""
        if not line.oneway:
            return ""
        perp = self.perp(line)
        mid = (perp[k] + perp[k + 1]) / 2
        return line.oneway if abs(mid) < 4.5 * self.k else ""

    @staticmethod
    def axis_highway(line):
        """Road class of an axis street (trunk or primary)."""
        return next(h for _, _, n, h, *_ in AXIS_STREETS if n == line.name)

    def grid_way(self, line, nodes, key):
        """Properties of one grid street section."""
        _, closed, name, oneway = key
        highway = self.axis_highway(line) if line.rank == "axis" else line.rank
        props = {"highway": highway, "name": name}
        if oneway:
            props["oneway"] = oneway
        if line.speed:
            props["maxspeed"] = line.speed
        if closed:
            props["closed"] = True
        self.ways.append((nodes[::-1] if line.reverse else nodes, props))

    def overlay_ways(self):
        """Overlays as ways; rings split into 东/北/西/南 quarters."""
        for ov in self.overlays:
            pieces = self.ring_quarters(ov) if ov.kind.startswith("ring") else [("", ov.nodes)]
            for quarter, nodes in pieces:
                self.ways.append((nodes, {"highway": ov.highway, "name": quarter + ov.name, "maxspeed": ov.speed}))

    def ring_quarters(self, ov):
        """(quarter name, nodes) pieces of a closed ring, each ending where the next begins."""
        ring = ov.nodes[:-1]
        quarter = [direction_name(*self.nodes[n]) for n in ring]
        start = next(i for i in range(len(ring)) if quarter[i] != quarter[i - 1])
        ring, quarter = ring[start:] + ring[:start], quarter[start:] + quarter[:start]
        pieces, current = [], [ring[0]]
        for i in range(1, len(ring)):
            current.append(ring[i])
            if quarter[i] != quarter[i - 1]:
                pieces.append((quarter[i - 1], current))
                current = [ring[i]]
        current.append(ring[0])
        pieces.append((quarter[-1], current))
        return pieces

    def prune(self):
        """Drops ways cut off from the main network (walking; motorways then joined via the rest)."""
        for walk in (True, False):
            parent = list(range(len(self.nodes)))

            def find(x):
                while parent[x] != x:
                    parent[x] = parent[parent[x]]
                    x = parent[x]
                return x

            usable = [w for w in self.ways if not w[1].get("closed") and not (walk and w[1]["highway"] == "motorway")]
            for nodes, _ in usable:
                root = find(nodes[0])
                for n in nodes[1:]:
                    parent[find(n)] = root
            sizes = {}
            for nodes, _ in usable:
                sizes[find(nodes[0])] = sizes.get(find(nodes[0]), 0) + len(nodes)
            main = max(sizes, key=lambda r: (sizes[r], -r))
            self.ways = [
                w
                for w in self.ways
                if w[1].get("closed") or (walk and w[1]["highway"] == "motorway") or find(w[0][0]) == main
            ]

    def build(self, zones):
        """The whole network on the planned lines; returns the ways as (nodes, properties)."""
        self.build_grid()
        self.build_overlays()
        for ov in self.overlays:
            self.node_with_grid(ov)
        self.node_overlays()
        for ov in self.overlays:
            self.apply_inserts(ov)
        self.add_minor_roads()
        sealed = [z for z in zones if z.risk == "high"]
        self.seal_streets(sealed[: max(1, round(len(sealed) * 0.3))])
        self.grid_ways()
        self.overlay_ways()
        self.prune()
        return self.ways

    def leaving_ends(self):
        """(road name, [nodes from the map edge inwards]) for every road leaving the city."""
        ends = []
        for ov in self.overlays:
            if ov.leaves:
                ends.append((ov.name, ov.nodes[::-1]))
                if ov.leaves_at_start:
                    ends.append((ov.name, ov.nodes))
        return ends


# --- facilities, posts, teams, roster --------------------------------------------------------------


def pick_weighted(rng, items, count, weight):
    """`count` distinct items drawn with probability proportional to weight(item)."""
    pool = list(items)
    chosen = []
    while pool and len(chosen) < count:
        k = rng.choices(pool, weights=[weight(c) for c in pool])[0]
        pool.remove(k)
        chosen.append(k)
    return chosen


def build_facilities(rng, namer, shape, districts, scale):
    """Command posts (city + districts), hospitals, isolation sites, testing labs, supply depots."""
    compounds = [a for d in districts for a in all_below(d) if a.level == "compound"]
    urban = URBAN_KM * shape.k

    def r(k):
        return math.hypot(*k.centre) / urban

    out = [("command_post", "市疫情防控指挥部", min(compounds, key=lambda k: math.hypot(*k.centre)).centre)]
    for d in districts:
        biggest = max(d.children, key=lambda s: s.population)
        out.append(("command_post", d.name + "疫情防控指挥部", biggest.centre))
    hospitals = [f"市第{cn_number(n)}人民医院" for n in range(1, 8)] + ["市中心医院", "市中医院", "市儿童医院", "市妇幼保健院", "市传染病医院"]
    hospitals += [d.name + "人民医院" for d in districts]
    plan = (  # kind, count at scale 1, where (weight of a compound), name of the i-th one
        ("hospital", 25, lambda k: k.population * (1.5 - r(k)),
         lambda i: hospitals[i] if i < len(hospitals) else namer.stem() + "医院"),
        ("isolation_site", 15, lambda k: 1.0 if 0.55 < r(k) < 0.95 else 0.02,
         lambda i: namer.stem(HOME_FIRST, HOME_SECOND) + rng.choice(("酒店集中隔离点", "学校隔离点", "方舱医院"))),
        ("testing_site", 40, lambda k: k.population,
         lambda i: namer.stem() + rng.choice(("核酸检测实验室", "核酸检测基地"))),
        ("depot", 20, lambda k: 1.0 if r(k) > 0.75 else 0.05,
         lambda i: namer.stem() + rng.choice(("物资储备库", "保供仓库", "物流园"))),
    )
    for kind, count, weight, name in plan:
        for i, k in enumerate(pick_weighted(rng, compounds, max(2, round(count * scale)), weight)):
            out.append((kind, namer.take(lambda: name(i)), k.centre))
    return [{"id": f"F-{i:03d}", "kind": kind, "name": name, "at": at} for i, (kind, name, at) in enumerate(out, 1)]


def gate_demand(rng, zone):
    """A compound gate's daily demand: 3x8 h shifts, a 4-team rotation, or two 12 h shifts."""
    staff = rng.choice((1, 2, 2)) + (1 if zone is not None and zone.risk == "high" else 0)
    r = rng.random()
    if r < 0.75:
        hours = (("07:00", "15:00"), ("15:00", "23:00"), ("23:00", "07:00"))
    elif r < 0.88:
        hours = (("00:00", "06:00"), ("06:00", "12:00"), ("12:00", "18:00"), ("18:00", "24:00"))
    else:
        hours = (("08:00", "20:00"), ("20:00", "08:00"))
    return [{"from": a, "to": b, "staff": staff} for a, b in hours]


def build_posts(rng, namer, shape, districts, network, scale):
    """Compound gates, city entry stations on the leaving roads, testing sites, motorway posts."""
    posts = []

    def add(kind, name, at, demand, area=None, zone=None):
        posts.append({"id": f"P-{len(posts) + 1:04d}", "kind": kind, "name": name, "at": at, "demand": demand,
                      "area": area, "zone": zone})

    for d in districts:
        for k in all_below(d):
            if k.level == "compound":
                zone = k.zone or k.parent.zone
                gate = gate_point(rng, k.poly)
                side = direction_name(gate[0] - k.centre[0], gate[1] - k.centre[1])
                name = namer.take(lambda: k.name + side + rng.choice(("门", "门", "侧门", "门岗")))
                add("compound_gate", name, gate, gate_demand(rng, zone), k.id, zone.id if zone else None)
    for road, nodes in network.leaving_ends():
        i = next(n for n, node in enumerate(nodes) if math.hypot(*network.nodes[node]) < STATION_KM * shape.k)
        place = namer.take(lambda: namer.stem())
        demand = [{"from": "08:00", "to": "13:00", "staff": 3}, {"from": "13:00", "to": "18:00", "staff": 3}]
        if rng.random() < 0.5:
            demand.append({"from": "18:00", "to": "08:00", "staff": 2})
        for node, way in zip(nodes[i : i + 2], ("进城", "出城")):
            add("city_entry", f"{road}{place}检查站（{way}）", ("node", node), demand)
    communities = [a for d in districts for a in all_below(d) if a.level == "community"]
    for m in pick_weighted(rng, communities, max(2, round(60 * scale)), lambda m: m.population):
        site = near(rng, m.centre, 40)
        zone = m.zone or next((k.zone for k in m.children if contains(k.poly, site)), None)
        add("testing_site", namer.take(lambda: m.name[:-2] + "便民核酸采样点"), site,
            [{"from": "08:00", "to": "20:00", "staff": rng.randint(4, 8)}], m.id, zone.id if zone else None)
    outside = [(n, m) for n, m in network.interchanges if not shape.inside_urban(*network.nodes[n])]
    toll_shifts = (("07:00", "15:00", 4), ("15:00", "23:00", 4), ("23:00", "07:00", 3))
    for node, motorway in spread_around(network, outside, 5):
        add("highway_exit", namer.take(lambda: motorway + namer.stem() + "收费站"), ("node", node),
            [{"from": a, "to": b, "staff": n} for a, b, n in toll_shifts])
    for ov in network.overlays:
        if ov.leaves_at_start:  # one service area on each motorway passing the city
            name = namer.take(lambda: ov.name + namer.stem() + "服务区")
            demand = [{"from": "08:00", "to": "20:00", "staff": 2}]
            add("service_station", name, ("node", ov.nodes[len(ov.nodes) // 3]), demand)
    return posts


def spread_around(network, junctions, count):
    """`count` of the (node, name) junctions evenly spread by direction from the centre."""
    unique = sorted(dict(junctions).items(), key=lambda j: math.atan2(network.nodes[j[0]][1], network.nodes[j[0]][0]))
    count = min(count, len(unique))
    return [unique[i * len(unique) // count] for i in range(count)]


def gate_point(rng, poly):
    """A point 15 m inside the middle of one edge of a compound."""
    i = rng.randrange(len(poly))
    p, q = poly[i], poly[(i + 1) % len(poly)]
    m = ((p[0] + q[0]) / 2, (p[1] + q[1]) / 2)
    c = centroid(poly)
    d = math.dist(m, c)
    f = min(0.5, 15 / d) if d > 0 else 0
    return (m[0] + (c[0] - m[0]) * f, m[1] + (c[1] - m[1]) * f)


def near(rng, at, metres):
    """A point within `metres` of `at`."""
    a, r = rng.uniform(0, 2 * math.pi), metres * math.sqrt(rng.random())
    return (at[0] + r * math.cos(a), at[1] + r * math.sin(a))


def district_of(area):
    """The district an area belongs to."""
    while area.parent:
        area = area.parent
    return area


def build_teams(rng, namer, shape, districts, zones, posts, facilities, scale):
    """Task forces per high-risk zone (a few missing or based far away), door, volunteer, testing and supply teams."""
    teams = []

    def add(kind, name, at, members, mode, unit, zones_=None, posts_=None, area=None):
        team = {"id": f"T-{len(teams) + 1:04d}", "kind": kind, "name": name, "at": at, "members": members, "mode": mode,
                "leader": namer.person(), "unit": unit, "zones": zones_, "posts": posts_, "area": area}
        teams.append(team)

    compounds = [a for d in districts for a in all_below(d) if a.level == "compound"]
    high = [z for z in zones if z.risk == "high"]
    odd = rng.sample(high, min(len(high), 2 * max(1, round(5 * scale))))
    missing, far = odd[: len(odd) // 2], odd[len(odd) // 2 :]
    for z in high:
        if z in missing:
            continue
        c = z.area.centre
        if z in far:
            away = [k for k in compounds if math.dist(k.centre, c) >= FAR_KM * shape.k]
            base, mode = rng.choice(away or [max(compounds, key=lambda k: math.dist(k.centre, c))]).centre, "drive"
        else:
            base, mode = near(rng, c, 250), "walk"
        unit = rng.choice((district_of(z.area).name + "卫健委", district_of(z.area).name + "委组织部", *CITY_UNITS[:6]))
        add("task_force", z.area.name + "专班", base, rng.randint(8, 20), mode, unit, [z.id])
    door_target = max(3, round(300 * scale))
    door_zones = [z for z in zones if z.risk == "high" for _ in range(rng.randint(3, 5))]
    door_zones += [z for z in zones if z.risk == "medium"]
    per_zone = {}
    for z in door_zones[:door_target]:
        per_zone[z.id] = per_zone.get(z.id, 0) + 1
        add("door_team", f"{z.area.name}入户{cn_number(per_zone[z.id])}组", near(rng, z.area.centre, 150), 3, "walk",
            z.area.parent.name + "居委会" if z.area.level == "compound" else z.area.name + "居委会", [z.id])
    communities = [a for d in districts for a in all_below(d) if a.level == "community"]
    for m in pick_weighted(rng, communities, door_target - min(door_target, len(door_zones)), lambda m: m.population):
        add("door_team", f"{m.name}入户巡查组", near(rng, m.centre, 150), 3, "walk", m.name + "居委会", area=m.id)
    gates_by_community = {}
    area_index = {a.id: a for d in districts for a in [d, *all_below(d)]}
    for p in posts:
        if p["kind"] == "compound_gate":
            gates_by_community.setdefault(area_index[p["area"]].parent.id, []).append(p["id"])
    for m in pick_weighted(rng, communities, max(2, round(100 * scale)), lambda m: m.population):
        add("volunteer_team", m.name + "志愿服务队", near(rng, m.centre, 100), rng.randint(5, 15), "walk",
            rng.choice(("共青团市委", "市红十字会", "市志愿者协会", m.name + "居委会")), posts_=gates_by_community.get(m.id, [])[:4])
    for p in posts:
        if p["kind"] == "testing_site":
            members = p["demand"][0]["staff"] + rng.randint(0, 2)
            hospital = rng.choice([f["name"] for f in facilities if f["kind"] == "hospital"])
            name = p["name"].replace("便民核酸采样点", "采样队")
            add("testing_team", name, p["at"], members, "drive", hospital, posts_=[p["id"]])
    depots = [f for f in facilities if f["kind"] == "depot"]
    targets = [z for z in zones if z.risk in ("high", "medium")]
    for n in range(max(2, round(30 * scale))):
        depot = depots[n % len(depots)]
        name = f"{depot['name']}保供{cn_number(n // len(depots) + 1)}队"
        base, members, unit = near(rng, depot["at"], 60), rng.randint(4, 8), rng.choice(("市商务局", "市发改委", "市交通运输局"))
        supplied = rng.sample(targets, min(len(targets), rng.randint(1, 3)))
        add("supply_team", name, base, members, "drive", unit, [z.id for z in supplied])
    return teams


def build_roster(rng, posts, teams, districts):
    """One day (26 Nov 2022): shifts covering the posts' demand with realistic gaps, task-force duty."""
    entries = []
    area_index = {a.id: a for d in districts for a in [d, *all_below(d)]}
    volunteer_unit = {p: t["unit"] for t in teams if t["kind"] == "volunteer_team" for p in t["posts"] or ()}
    testing_unit = {t["posts"][0]: t["unit"] for t in teams if t["kind"] == "testing_team"}

    def add(who, key, start, end, staff, unit):
        entries.append({"id": f"R-{len(entries) + 1:06d}", key: who, "from": start, "to": end, "staff": staff,
                        "unit": unit})

    for post in posts:
        if rng.random() < 0.03:
            continue  # nobody sent: the post is entirely unstaffed
        for line in post["demand"]:
            start, end = clock(line["from"]), clock(line["to"])
            crosses = end <= start  # the shift that began on the 25th also covers part of the 26th
            night = crosses or start >= 18 * 60 or end <= 7 * 60
            for day in ((0, 1) if crosses else (1,)):
                staff = line["staff"]
                if night and rng.random() < 0.45:
                    staff -= 1
                elif not night and rng.random() < 0.07:
                    staff += 1
                if staff <= 0:
                    continue
                begin = instant(day, start)
                finish = instant(day + 1, end) if crosses else instant(day, end)
                units = post_units(rng, post, area_index, volunteer_unit, testing_unit)
                if staff >= 2 and rng.random() < 0.25:
                    add(post["id"], "post", begin, finish, staff - 1, units[0])
                    add(post["id"], "post", begin, finish, 1, units[1])
                else:
                    add(post["id"], "post", begin, finish, staff, units[0])
    for team in teams:
        if team["kind"] != "task_force":
            continue
        if rng.random() < 0.1:
            gap_from = rng.randint(10, 16)
            gap_to = gap_from + rng.randint(2, 6)
            add(team["id"], "team", instant(1, 0), instant(1, gap_from * 60), team["members"], team["unit"])
            add(team["id"], "team", instant(1, gap_to * 60), instant(2, 0), team["members"], team["unit"])
        else:
            add(team["id"], "team", instant(1, 0), instant(2, 0), team["members"], team["unit"])
    return entries


def post_units(rng, post, area_index, volunteer_unit, testing_unit):
    """Two plausible sending organisations for a post's shift."""
    if post["kind"] == "compound_gate":
        community = area_index[post["area"]].parent
        district = district_of(community).name
        local = community.name + "居委会"
        pool = [local, rng.choice(CITY_UNITS), district + "委组织部", volunteer_unit.get(post["id"], local)]
    elif post["kind"] == "testing_site":
        pool = [testing_unit.get(post["id"], "市卫健委"), "市卫健委"]
    else:
        pool = ["市公安局", "市交通运输局", "市卫健委", "市城管局"]
    return rng.sample(pool, 2)


# --- writing ---------------------------------------------------------------------------------------


def feature(fid, geometry, props):
    """A GeoJSON Feature with its properties, dropping those that are None."""
    properties = {k: v for k, v in props.items() if v is not None}
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": properties}


def area_features(districts, proj):
    """areas feed features; also returns each area's written ring (zones reuse it)."""
    areas = [a for d in districts for a in [d, *all_below(d)]]
    rings = conform_rings([a.poly for a in areas])
    written = {}
    features = []
    for a, ring in zip(areas, rings):
        coords = [proj.lonlat(p) for p in densify_ring(ring)]
        coords = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
        if coords[-1] == coords[0]:
            coords.pop()
        coords.append(coords[0])
        written[a.id] = coords
        features.append(feature(a.id, {"type": "Polygon", "coordinates": [coords]}, {
            "level": a.level, "name": a.name, "parent": a.parent.id if a.parent else None,
            "population": a.population, "households": a.households, "households_by_color": a.colours}))
    return features, written


def zone_features(zones, written):
    """zones feed features (each the polygon of its area)."""
    names = {"high": "高风险区", "medium": "中风险区", "low": "低风险区"}
    return [feature(z.id, {"type": "Polygon", "coordinates": [written[z.area.id]]}, {
        "risk": z.risk, "name": z.area.name + names[z.risk], "since": z.since, "until": z.until, "area": z.area.id,
        "population": z.area.population, "households": z.area.households}) for z in zones]


def road_features(ways, network, proj):
    """roads feed features: positions of shared nodes are computed once, so junctions match exactly."""
    cache = {}
    features = []
    for nodes, props in ways:
        coords = []
        for n in nodes:
            if n not in cache:
                cache[n] = proj.lonlat(network.nodes[n])
            if not coords or coords[-1] != cache[n]:
                coords.append(cache[n])
        if len(coords) >= 2:
            features.append(feature(f"W-{len(features) + 1:06d}", {"type": "LineString", "coordinates": coords}, props))
    return features


def point(at, network, proj):
    """Point geometry for a plane position or a road node ("node", id)."""
    if isinstance(at, tuple) and at and at[0] == "node":
        at = network.nodes[at[1]]
    return {"type": "Point", "coordinates": proj.lonlat(at)}


def collection(kind, features):
    """A feed file's object."""
    header = {"feed": kind, "version": 1, "generated": GENERATED}
    return {"type": "FeatureCollection", "cordon": header, "features": features}


def generate(seed: int, scale: float):
    """All seven feeds as {kind: FeatureCollection}."""
    rng = random.Random(seed)
    namer = Namer(rng)
    shape = CityShape(rng, scale)
    proj = Projection(rng)
    network = RoadNetwork(rng, shape, namer)
    districts = build_areas(rng, shape, namer, scale, network.plan_lines())
    zones = pick_zones(rng, districts, scale)
    colour_households(rng, districts)
    ways = network.build(zones)
    facilities = build_facilities(rng, namer, shape, districts, scale)
    posts = build_posts(rng, namer, shape, districts, network, scale)
    teams = build_teams(rng, namer, shape, districts, zones, posts, facilities, scale)
    roster = build_roster(rng, posts, teams, districts)

    def points(items, keys):
        return [feature(x["id"], point(x["at"], network, proj), {k: x[k] for k in keys}) for x in items]

    team_keys = ("kind", "name", "members", "mode", "zones", "posts", "area", "leader", "unit")
    duties = [feature(e["id"], None, {k: v for k, v in e.items() if k != "id"}) for e in roster]

    areas, written = area_features(districts, proj)
    return {
        "areas": collection("areas", areas),
        "zones": collection("zones", zone_features(zones, written)),
        "posts": collection("posts", points(posts, ("kind", "name", "area", "zone", "demand"))),
        "teams": collection("teams", points(teams, team_keys)),
        "roster": collection("roster", duties),
        "roads": collection("roads", road_features(ways, network, proj)),
        "facilities": collection("facilities", points(facilities, ("kind", "name"))),
    }


def main(argv=None) -> int:
    """Command line: generate and write the seven files, print their feature counts."""
    parser = argparse.ArgumentParser(description="Write the seven cordon feeds of a fictional Zhengzhou-like city.")
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    parser.add_argument("--out", required=True, help="folder to write the .geojson files into")
    parser.add_argument("--scale", type=float, default=1.0, help="city size as a fraction of the full city (0.01-1)")
    args = parser.parse_args(argv)
    if not 0.01 <= args.scale <= 1.0:
        parser.error("--scale must be between 0.01 and 1")
    feeds = generate(args.seed, args.scale)
    os.makedirs(args.out, exist_ok=True)
    for kind, fc in feeds.items():
        with open(os.path.join(args.out, kind + ".geojson"), "w", encoding="utf-8") as f:
            f.write(json.dumps(fc, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")
        print(f"{kind}: {len(fc['features'])} features")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
