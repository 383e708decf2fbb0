"""The levels each zone kind may have, read from zone_levels.json (which a Swift test holds equal to the product's
ZoneKind in Sources/Screening/ZoneKind.swift).

Shared by check_ruleset.py and ../tools/build_geodata.py. Standard library only.
"""
import json
import os

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "zone_levels.json"), encoding="utf-8") as _file:
    _DOCUMENT = json.load(_file)

LEVELS = _DOCUMENT["levels"]

# Kinds that carry no rules: they are only reported (district breakdowns).
REPORTING_ONLY_KINDS = set(_DOCUMENT["reporting_only_kinds"])
