#!/usr/bin/env python3
"""Screen parcels at scale: Apache Spark partitions the parcels, `redline batch -` screens each partition.

RedLine does not grow a cluster of its own; it is the per-partition worker of an engine that already has one.

    spark-submit scale/spark_screen.py --redline /path/to/redline --data /path/to/data-folder \\
        --input parcels.ndjson|parcels.parquet --output results/ [--output-format ndjson|parquet] \\
        [--partitions N] [--key-property adcode] [--grid-degrees 0.25] [--rules FILE] [--category CODE] [--as-of YYYY-MM-DD]

1. Parcels are read as newline-delimited GeoJSON (one Feature per line) or GeoParquet (WKB geometry column plus
   attribute columns; needs shapely to turn WKB into GeoJSON).
2. Each parcel is keyed by its county adcode (the `--key-property` attribute, default `adcode`), or, where a parcel
   has none, by the grid cell of its envelope's south-west corner (`--grid-degrees`), and the parcels are range-
   partitioned by key: parcels of one county stay together, and a partition holds neighbouring counties (adcodes
   share their province and prefecture digits) or neighbouring cells.
3. Each partition is piped through one `redline batch -` process, given `--bbox` = the extent of the partition's own
   parcels, so the worker loads only the zones near them (a national data folder serves every task) and, because
   the box covers every parcel entirely, answers exactly as against the whole folder.
4. The records (one per parcel, each depending only on the parcel and the data: RedLine's stream mode) are written
   sorted by parcel id: NDJSON text files, or Parquet with columns id, verdict, record.

The result is the same bytes as `redline batch - < parcels.ndjson` sorted by id, whatever the number of partitions
(Tests/CLITests/SparkScaleOutTests.swift checks it in local[2]).
"""
import argparse
import json
import math
import os
import subprocess
import sys


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redline", required=True, help="the redline binary every executor runs (shipped with --archives or installed)")
    parser.add_argument("--data", required=True, help="the data folder (catalog.json, layers, rules) every executor reads")
    parser.add_argument("--input", required=True, help="parcels: .ndjson/.geojsonl (one Feature per line) or .parquet (GeoParquet)")
    parser.add_argument("--output", required=True, help="output folder (Spark writes part files)")
    parser.add_argument("--output-format", choices=["ndjson", "parquet"], default="ndjson")
    parser.add_argument("--partitions", type=int, default=0, help="number of partitions (default: Spark's default parallelism)")
    parser.add_argument("--key-property", default="adcode", help="parcel attribute holding the county adcode")
    parser.add_argument("--grid-degrees", type=float, default=0.25, help="grid cell for parcels without the key attribute")
    parser.add_argument("--geometry-column", default="geometry", help="GeoParquet: the WKB geometry column")
    parser.add_argument("--master", default=None, help="Spark master when not run by spark-submit, e.g. local[2]")
    parser.add_argument("--rules", help="ruleset file (default: rules/ruleset.json of the data folder)")
    parser.add_argument("--category", help="category for parcels that state none (redline batch --default-category)")
    parser.add_argument("--as-of", help="take the law as of this day (redline batch --as-of)")
    parser.add_argument("--jobs", type=int, default=1, help="threads per redline worker (one per executor core is usual)")
    return parser.parse_args(argv)


def coordinates(geometry):
    """Every (x, y) of a GeoJSON geometry."""
    if not geometry:
        return
    kind = geometry.get("type")
    if kind == "GeometryCollection":
        for member in geometry.get("geometries") or []:
            yield from coordinates(member)
        return
    stack = [geometry.get("coordinates")]
    while stack:
        item = stack.pop()
        if isinstance(item, list) and len(item) >= 2 and all(isinstance(v, (int, float)) for v in item[:2]):
            yield float(item[0]), float(item[1])
        elif isinstance(item, list):
            stack.extend(item)


def extent(line):
    """The parcel's lon/lat envelope, or None when the line has no usable coordinates (redline reports those)."""
    try:
        feature = json.loads(line)
    except ValueError:
        return None
    geometry = feature.get("geometry") if feature.get("type") == "Feature" else feature
    points = [p for p in coordinates(geometry) if math.isfinite(p[0]) and math.isfinite(p[1])]
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def key(line, key_property, grid_degrees):
    """The county adcode a parcel states, else the grid cell of its first vertex, else a key of its own."""
    try:
        feature = json.loads(line)
    except ValueError:
        return "invalid"
    properties = feature.get("properties") or {}
    if properties.get(key_property) not in (None, ""):
        return "adcode:" + str(properties[key_property])
    box = extent(line)
    if box is None:
        return "invalid"
    # Zero-padded, so that sorted keys run along the grid and neighbouring cells share a partition.
    return "cell:%+06d:%+06d" % (math.floor(box[0] / grid_degrees), math.floor(box[1] / grid_degrees))


def record_id(record):
    """The parcel id a record carries (records of parcels without one sort last, by their bytes)."""
    try:
        value = json.loads(record).get("input", {}).get("id")
    except ValueError:
        value = None
    return (0, value, record) if isinstance(value, str) else (1, "", record)


def screen_partition(lines, redline, data, options):
    """Pipes one partition's parcels through `redline batch -` with the box of their own extent."""
    lines = [line for line in lines if line.strip()]
    if not lines:
        return []
    boxes = [box for box in map(extent, lines) if box is not None]
    command = [redline, "batch", "-", "--data", data, "--quiet"] + options
    if boxes:
        # A hair wider than the parcels, so a parcel on the edge is inside by any rounding.
        pad = 1e-6
        command += ["--bbox", "%.9f,%.9f,%.9f,%.9f" % (
            min(b[0] for b in boxes) - pad, min(b[1] for b in boxes) - pad, max(b[2] for b in boxes) + pad, max(b[3] for b in boxes) + pad)]
    answer = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8")
    if answer.returncode != 0:
        raise RuntimeError("redline batch - failed with status %d: %s" % (answer.returncode, answer.stderr.strip()))
    records = answer.stdout.splitlines()
    if len(records) != len(lines):
        raise RuntimeError("redline batch - gave %d records for %d parcels" % (len(records), len(lines)))
    return records


def parquet_lines(spark, path, geometry_column):
    """GeoParquet rows as GeoJSON Feature lines (WKB geometry through shapely, the other columns as properties)."""
    frame = spark.read.parquet(path)
    columns = [name for name in frame.columns if name != geometry_column]

    def to_lines(rows):
        import shapely  # only GeoParquet input needs it
        for row in rows:
            values = row.asDict()
            wkb = values.get(geometry_column)
            geometry = shapely.geometry.mapping(shapely.from_wkb(bytes(wkb))) if wkb is not None else None
            properties = {name: values[name] for name in columns if values.get(name) is not None}
            yield json.dumps({"type": "Feature", "properties": properties, "geometry": geometry}, ensure_ascii=False, default=str)

    return frame.rdd.mapPartitions(to_lines)


def main(argv=None):
    args = parse_arguments(argv if argv is not None else sys.argv[1:])
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("redline-screen")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    if args.input.lower().endswith(".parquet") or os.path.isdir(args.input) and any(n.endswith(".parquet") for n in os.listdir(args.input)):
        lines = parquet_lines(spark, args.input, args.geometry_column)
    else:
        lines = context.textFile(args.input).filter(lambda line: line.strip() != "")
    partitions = args.partitions or context.defaultParallelism
    options = ["--jobs", str(args.jobs)]
    if args.category:
        options += ["--default-category", args.category]
    if args.as_of:
        options += ["--as-of", args.as_of]
    if args.rules:
        options += ["--rules", os.path.abspath(args.rules)]
    redline, data = os.path.abspath(args.redline), os.path.abspath(args.data)
    key_property, grid = args.key_property, args.grid_degrees

    # Whole keys per partition, in key order: a range of adcodes (which share their province and prefecture digits) or
    # of neighbouring grid cells, so each worker's box stays small.
    keyed = lines.map(lambda line: (key(line, key_property, grid), line)).sortByKey(numPartitions=partitions)
    # Kept: sorting samples the records before it sorts them, and screening them twice would double the work.
    records = keyed.values().mapPartitions(lambda part: screen_partition(part, redline, data, options)).cache()
    ordered = records.sortBy(record_id, numPartitions=partitions)
    if args.output_format == "parquet":
        from pyspark.sql import Row

        def row(record):
            value = json.loads(record)
            return Row(id=value.get("input", {}).get("id"), verdict=value.get("verdict"), record=record)

        spark.createDataFrame(ordered.map(row), "id string, verdict string, record string").write.mode("overwrite").parquet(args.output)
    else:
        ordered.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
