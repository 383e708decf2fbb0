"""The levels each zone kind may have, as the product's ZoneKind knows them (Sources/Screening/ZoneKind.swift).

Shared by check_ruleset.py and ../tools/build_geodata.py. Standard library only.
"""

LEVELS = {
    "ecological_redline": ["water_conservation", "biodiversity", "soil_conservation",
                           "windbreak_sand_fixation", "coastal_stability", "fragile"],
    "nature_reserve": ["core", "buffer", "experimental", "core_protection", "general_control"],
    "scenic_area": ["core_scenic", "general"],
    "forest_park": ["national", "provincial", "municipal"],
    "wetland_park": ["national", "provincial", "municipal"],
    "geo_park": ["national", "provincial", "municipal"],
    "water_source": ["1", "2", "quasi"],
    "livestock_nogo": ["prohibited", "restricted"],
    "control_unit": ["priority", "key", "general"],
    "permanent_eco_area": ["red", "yellow"],
    "fuel_ban_zone": ["ban"],
    "admin_district": ["province", "city", "county"],
}

# Kinds that carry no rules: they are only reported (district breakdowns).
REPORTING_ONLY_KINDS = {"admin_district"}
