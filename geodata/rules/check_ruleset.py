#!/usr/bin/env python3
"""Validate a RedLine ruleset (schema redline-ruleset/2) and print its matrix as Markdown tables.

Usage:
    python3 geodata/rules/check_ruleset.py [RULESET.json] [--quiet | --tables-only | --exemptions]

Without a path it checks ruleset.json next to this script. Exit status 0 when the file is valid,
1 when it has errors, 2 when it cannot be read. Warnings and notes never fail the check.
Python 3 standard library only.
"""
import json
import os
import re
import sys

SCHEMA = "redline-ruleset/2"
TOP_KEYS = ["schema", "version", "as_of", "title", "outcomes", "bases", "approvals", "categories",
            "columns", "cells", "proximity", "not_expressed"]
OUTCOMES = ["prohibited", "restricted", "conditional", "allowed", "no_rule"]
STATUS = {"in_force", "superseded", "repealed", "expired"}
VERIFICATION = {"V", "P", "U", "S"}
NATURE = {"statutory", "recommended_standard", "heuristic", "advisory"}
BASIS_KEYS = ["instrument", "instrument_en", "issuer", "issuer_en", "number", "article", "article_en", "edition",
              "issued", "in_force_from", "ended_on", "status", "superseded_by", "publisher", "publisher_en", "url",
              "verification", "note", "missing"]
# Fields a citation fit for an approval file needs; each may be null only with a reason under "missing".
CITATION_FIELDS = ["number", "issued", "in_force_from"]
# Official publishers whose pages may be cited. A URL on any other host (mirrors, exam-prep, document-share and
# forum sites, and government sites that only repost an instrument) is an error.
OFFICIAL_HOSTS = {
    "www.gov.cn": "中国政府网", "flk.npc.gov.cn": "国家法律法规数据库", "www.npc.gov.cn": "中国人大网",
    "www.mee.gov.cn": "生态环境部", "www.mnr.gov.cn": "自然资源部", "www.forestry.gov.cn": "国家林业和草原局",
    "www.nea.gov.cn": "国家能源局", "www.moa.gov.cn": "农业农村部", "www.mwr.gov.cn": "水利部",
    "www.tj.gov.cn": "天津市人民政府", "www.tjrd.gov.cn": "天津人大网", "sthj.tj.gov.cn": "天津市生态环境局",
    "www.tjjz.gov.cn": "天津市蓟州区人民政府", "www.tjhq.gov.cn": "天津市红桥区人民政府",
    "www.hebei.gov.cn": "河北省人民政府", "hbepb.hebei.gov.cn": "河北省生态环境厅",
    "www.lf.gov.cn": "廊坊市人民政府", "zfxxgk.lf.gov.cn": "廊坊市人民政府信息公开",
}
LEGAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CLAUSE_KEYS = {"when", "outcome", "approvals", "explanation", "bases"}

# Binding zone vocabulary (/tmp/zone-vocab.md). admin_district is reporting-only and carries no rules.
from zone_levels import LEVELS, REPORTING_ONLY_KINDS

# The kinds rules may name, with their levels.
VOCAB = {kind: levels for kind, levels in LEVELS.items() if kind not in REPORTING_ONLY_KINDS}

# The 24+1 project categories of DOMAIN.md §7, in order.
CATEGORY_CODES = ["LV", "IH", "IG", "CH", "MN", "PV", "WD", "TP", "RD", "RW", "PL", "TL", "WS", "WC", "LF",
                  "WI", "ST", "TF", "TR", "RE", "AG", "FO", "AQ", "ER", "SR"]

# Approval codes DOMAIN.md §7 names; a ruleset may add more.
REQUIRED_APPROVALS = ["RL2", "RL4", "RL5", "RL6", "RL7", "MP", "NRX", "NR", "SA", "PK", "DW2", "U1", "PARK", "TJY"]

ACTIONS = ["new", "rebuild", "expand", "operate"]
CROSSINGS = ["surface", "tunnel", "bridge", "aerial"]
WHEN_LIST_KEYS = {"action": ACTIONS, "crossing": CROSSINGS}
WHEN_BOOL_KEYS = {"discharges_to_water", "linear", "national_major_project"}
WHEN_KEYS = set(WHEN_LIST_KEYS) | WHEN_BOOL_KEYS | {"zone_levels", "on_or_after"}

BASIS_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CODE = re.compile(r"^[A-Z][A-Za-z0-9]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SEMVER = re.compile(r"^\d+\.\d+\.\d+$")

# Column groups for the rendered tables (DOMAIN.md §7.1, §7.2, §7.3); unknown columns go to a last table.
TABLE_GROUPS = [
    ("Protected-area columns (DOMAIN.md §7.1)", ["RL", "NRc", "NRb", "NRe", "SAc", "SA", "PK"]),
    ("Water-source, livestock and control-unit columns (DOMAIN.md §7.2)", ["D1", "D2", "D3", "JY", "XY", "U1", "U2", "U3"]),
    ("Tianjin local overlays (DOMAIN.md §7.3)", ["TJR", "TJY", "FB"]),
    ("三区三线 layers (ruleset 2.0.0)", ["NF", "UB"]),
]
OUTCOME_LETTER = {"prohibited": "P", "restricted": "R", "conditional": "C", "allowed": "A", "no_rule": "·"}
ABBREV = {"operate": "op", "rebuild": "reb", "expand": "exp", "new": "new", "tunnel": "tun", "bridge": "bri",
          "aerial": "aer", "surface": "surf", "core_protection": "cp", "general_control": "gc"}


SINGULAR = {"bases": "basis", "approvals": "approval"}


class Report:
    def __init__(self):
        self.errors, self.warnings, self.notes = [], [], []

    def error(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def warn(self, where, msg):
        self.warnings.append(f"{where}: {msg}")

    def note(self, msg):
        self.notes.append(msg)


def nonempty_str(v):
    return isinstance(v, str) and v.strip() != ""


def check_text(rep, where, obj, key="explanation"):
    if not isinstance(obj, dict) or set(obj) != {"zh", "en"}:
        rep.error(where, f"{key} must be an object with exactly 'zh' and 'en'")
        return
    for lang in ("zh", "en"):
        if not nonempty_str(obj[lang]):
            rep.error(where, f"{key}.{lang} is empty")


def check_refs(rep, where, ids, known, what):
    if not isinstance(ids, list):
        rep.error(where, f"{what} must be a list")
        return []
    for i in ids:
        if i not in known:
            rep.error(where, f"unknown {SINGULAR.get(what, what)} id '{i}'")
    if len(set(ids)) != len(ids):
        rep.warn(where, f"duplicate entries in {what}")
    return ids


def column_levels(col):
    """Every (kind, level) pair a column matches."""
    pairs = set()
    for kind in col.get("kinds", []):
        levels = VOCAB.get(kind, [])
        if col.get("levels") == ["*"]:
            pairs |= {(kind, lv) for lv in levels}
        else:
            pairs |= {(kind, lv) for lv in col.get("levels", []) if lv in levels}
    return pairs


def implies(later, earlier):
    """True when every project matching `later` also matches `earlier` (so `later` can never fire)."""
    for key, val in earlier.items():
        if key not in later:
            return False
        if isinstance(val, list):
            if not set(later[key]) <= set(val):
                return False
        elif later[key] != val:
            return False
    return True


def check(doc, rep):
    if not isinstance(doc, dict):
        rep.error("file", "top level must be an object")
        return
    keys = list(doc)
    if keys != TOP_KEYS:
        rep.error("file", f"top-level keys must be exactly, in order: {TOP_KEYS}; found {keys}")
    if doc.get("schema") != SCHEMA:
        rep.error("schema", f"must be '{SCHEMA}'")
    if not (isinstance(doc.get("version"), str) and SEMVER.match(doc["version"])):
        rep.error("version", "must be a semantic version string like 1.0.0")
    if not (isinstance(doc.get("as_of"), str) and DATE.match(doc["as_of"])):
        rep.error("as_of", "must be a YYYY-MM-DD date")
    check_text(rep, "title", doc.get("title"), "title")
    if doc.get("outcomes") != OUTCOMES:
        rep.error("outcomes", f"must be exactly {OUTCOMES} (most to least restrictive)")

    # bases
    bases = doc.get("bases") if isinstance(doc.get("bases"), dict) else {}
    if not bases:
        rep.error("bases", "must be a non-empty object")
    for bid, b in bases.items():
        w = f"bases.{bid}"
        if not BASIS_ID.match(bid):
            rep.error(w, "id must be kebab-case (lowercase letters, digits, hyphens)")
        if not isinstance(b, dict):
            rep.error(w, "must be an object")
            continue
        if list(b) != BASIS_KEYS:
            rep.error(w, f"keys must be exactly, in order: {BASIS_KEYS}")
        for k in ("instrument", "instrument_en", "issuer", "issuer_en", "article", "article_en", "edition", "publisher", "publisher_en"):
            if not nonempty_str(b.get(k)):
                rep.error(w, f"{k} is empty")
        for k in ("issued", "in_force_from", "ended_on"):
            v = b.get(k)
            if v is not None and not (isinstance(v, str) and LEGAL_DATE.match(v)):
                rep.error(w, f"{k} must be null or YYYY-MM-DD (YYYY-MM or YYYY when only that is known)")
        missing = b.get("missing") if isinstance(b.get("missing"), dict) else {}
        if not isinstance(b.get("missing"), dict):
            rep.error(w, "missing must be an object (field → why it is empty)")
        for k in CITATION_FIELDS:
            v = b.get(k)
            partial = isinstance(v, str) and k != "number" and not DATE.match(v)
            if (v is None or partial) and not nonempty_str(missing.get(k)):
                rep.error(w, f"{k} is {'only partly known' if partial else 'null'}: give it, or say why under missing.{k}")
        for k, why in missing.items():
            if k not in CITATION_FIELDS + ["ended_on", "issuer"]:
                rep.error(w, f"missing.{k}: not a citation field")
            elif not nonempty_str(why):
                rep.error(w, f"missing.{k} needs a reason")
            elif k in CITATION_FIELDS and isinstance(b.get(k), str) and DATE.match(b[k]):
                rep.warn(w, f"missing.{k} is given but {k} is known")
        status = b.get("status")
        if status not in STATUS:
            rep.error(w, f"status must be one of {sorted(STATUS)}")
        ended = b.get("ended_on")
        if status != "in_force" and ended is None and not nonempty_str(missing.get("ended_on")):
            rep.error(w, f"a {status} basis needs ended_on, or a reason under missing.ended_on")
        if status == "in_force" and isinstance(ended, str) and isinstance(doc.get("as_of"), str) and ended[:len(doc["as_of"])] <= doc["as_of"][:len(ended)]:
            rep.error(w, f"in force on as_of {doc.get('as_of')}, but ended_on {ended} is not after it")
        if status in ("repealed", "expired", "superseded") and isinstance(ended, str) and isinstance(doc.get("as_of"), str) and ended > doc["as_of"]:
            rep.error(w, f"{status} on as_of {doc.get('as_of')}, but ended_on {ended} is after it")
        sb = b.get("superseded_by")
        if status in ("superseded", "repealed") and sb is None and not b.get("note"):
            rep.error(w, "a superseded basis must name its successor (superseded_by) or explain in note why none is known")
        if sb is not None and sb not in bases:
            rep.error(w, f"superseded_by '{sb}' is not a basis id")
        if sb is not None and status == "in_force":
            rep.error(w, "an in-force basis cannot have superseded_by")
        if b.get("verification") not in VERIFICATION:
            rep.error(w, f"verification must be one of {sorted(VERIFICATION)}")
        if b.get("verification") != "V" and b.get("note") is None:
            rep.error(w, "a basis not fully verified needs a note saying what is not verified")
        if b.get("note") is not None:
            check_text(rep, w, b.get("note"), "note")
        url = b.get("url")
        if url is not None:
            host = re.match(r"^https?://([^/]+)/", str(url))
            if not host or host.group(1) not in OFFICIAL_HOSTS:
                rep.error(w, f"url {url!r} is not on an official publisher's host (allowed: {', '.join(sorted(OFFICIAL_HOSTS))})")
        text = json.dumps(b, ensure_ascii=False)
        if re.search(r"seed line|第\d+行|S\d:L\d+", text):
            rep.error(w, "cites a seed-file line: give the plan's title and chapter or section")

    # approvals
    approvals = doc.get("approvals") if isinstance(doc.get("approvals"), dict) else {}
    for code in REQUIRED_APPROVALS:
        if code not in approvals:
            rep.error("approvals", f"missing approval code {code} named in DOMAIN.md §7")
    for code, a in approvals.items():
        w = f"approvals.{code}"
        if not CODE.match(code):
            rep.error(w, "code must start with an uppercase letter and contain letters/digits only")
        if not isinstance(a, dict) or list(a) != ["zh", "en", "bases"]:
            rep.error(w, "must be an object with keys zh, en, bases (in that order)")
            continue
        check_text(rep, w, {"zh": a["zh"], "en": a["en"]}, "text")
        if not a["bases"]:
            rep.error(w, "bases must name at least one basis")
        check_refs(rep, w, a["bases"], bases, "bases")

    # categories
    cats = doc.get("categories") if isinstance(doc.get("categories"), list) else []
    cat_codes = [c.get("code") for c in cats if isinstance(c, dict)]
    if cat_codes != CATEGORY_CODES:
        rep.error("categories", f"must be the DOMAIN.md §7 categories in order: {CATEGORY_CODES}; found {cat_codes}")
    for c in cats:
        if not isinstance(c, dict) or list(c) not in (["code", "zh", "en"], ["code", "zh", "en", "aliases"]):
            rep.error("categories", f"entry {c!r} must have keys code, zh, en (in that order), optionally aliases")
            continue
        if "aliases" in c and not (isinstance(c["aliases"], list) and all(isinstance(a, str) for a in c["aliases"])):
            rep.error("categories", f"aliases of {c['code']} must be a list of strings")
        check_text(rep, f"categories.{c['code']}", {"zh": c["zh"], "en": c["en"]}, "name")

    # columns
    cols = doc.get("columns") if isinstance(doc.get("columns"), list) else []
    col_by_code = {}
    owner = {}
    for col in cols:
        if not isinstance(col, dict) or list(col) != ["code", "kinds", "levels", "zh", "en"]:
            rep.error("columns", f"entry {col!r} must have keys code, kinds, levels, zh, en (in that order)")
            continue
        code = col["code"]
        w = f"columns.{code}"
        if not (isinstance(code, str) and CODE.match(code)):
            rep.error(w, "bad column code")
        if code in col_by_code:
            rep.error(w, "duplicate column code")
        col_by_code[code] = col
        check_text(rep, w, {"zh": col["zh"], "en": col["en"]}, "name")
        if not isinstance(col["kinds"], list) or not col["kinds"]:
            rep.error(w, "kinds must be a non-empty list")
            continue
        for kind in col["kinds"]:
            if kind in REPORTING_ONLY_KINDS:
                rep.error(w, f"kind '{kind}' is reporting-only and carries no rules")
            elif kind not in VOCAB:
                rep.error(w, f"unknown zone kind '{kind}'")
        lv = col["levels"]
        if not isinstance(lv, list) or not lv:
            rep.error(w, "levels must be a non-empty list ([\"*\"] for all levels)")
        elif "*" in lv and lv != ["*"]:
            rep.error(w, "'*' must stand alone in levels")
        elif lv != ["*"]:
            allowed = {x for k in col["kinds"] for x in VOCAB.get(k, [])}
            for x in lv:
                if x not in allowed:
                    rep.error(w, f"level '{x}' is not a level of {col['kinds']}")
        for pair in column_levels(col):
            if pair in owner:
                rep.error(w, f"zone {pair[0]}/{pair[1]} is already matched by column {owner[pair]}")
            owner[pair] = code
    for kind, levels in VOCAB.items():
        for lv in levels:
            if (kind, lv) not in owner:
                rep.warn("columns", f"no column matches zones of kind {kind}, level {lv}: they get no rule")

    # cells
    cells = doc.get("cells") if isinstance(doc.get("cells"), list) else []
    seen = {}
    n_clauses = 0
    used_bases, used_approvals = set(), set()
    for cell in cells:
        if not isinstance(cell, dict) or list(cell) != ["category", "column", "clauses"]:
            rep.error("cells", f"entry must have keys category, column, clauses (in that order): {str(cell)[:80]}")
            continue
        cat, colc = cell["category"], cell["column"]
        w = f"cell {cat}×{colc}"
        if cat not in cat_codes:
            rep.error(w, "unknown category")
        if colc not in col_by_code:
            rep.error(w, "unknown column")
        if (cat, colc) in seen:
            rep.error(w, "duplicate cell")
        seen[(cat, colc)] = cell
        clauses = cell["clauses"]
        if not isinstance(clauses, list) or not clauses:
            rep.error(w, "clauses must be a non-empty list")
            continue
        col = col_by_code.get(colc, {})
        col_levels = {lv for (_, lv) in column_levels(col)} if col else set()
        conds = []
        for i, c in enumerate(clauses):
            cw = f"{w} clause {i + 1}"
            n_clauses += 1
            if not isinstance(c, dict):
                rep.error(cw, "must be an object")
                continue
            extra = set(c) - CLAUSE_KEYS
            if extra:
                rep.error(cw, f"unknown keys {sorted(extra)}")
            last = i == len(clauses) - 1
            if last and "when" in c:
                rep.error(cw, "the last clause must have no 'when' (it is the default)")
            if not last and "when" not in c:
                rep.error(cw, "only the last clause may omit 'when' (later clauses would be unreachable)")
            when = c.get("when")
            if when is not None:
                if not isinstance(when, dict) or not when:
                    rep.error(cw, "'when' must be a non-empty object")
                    when = {}
                for k, v in when.items():
                    if k not in WHEN_KEYS:
                        rep.error(cw, f"condition key '{k}' is not allowed (allowed: {sorted(WHEN_KEYS)})")
                    elif k in WHEN_BOOL_KEYS:
                        if not isinstance(v, bool):
                            rep.error(cw, f"'{k}' must be true or false")
                    elif k in WHEN_LIST_KEYS:
                        if not isinstance(v, list) or not v or any(x not in WHEN_LIST_KEYS[k] for x in v):
                            rep.error(cw, f"'{k}' must be a non-empty list drawn from {WHEN_LIST_KEYS[k]}")
                        elif len(set(v)) != len(v):
                            rep.error(cw, f"'{k}' has duplicates")
                    elif k == "on_or_after":
                        if not (isinstance(v, str) and DATE.match(v)):
                            rep.error(cw, "on_or_after must be a YYYY-MM-DD date")
                    elif k == "zone_levels":
                        if not isinstance(v, list) or not v or any(x not in col_levels for x in v):
                            rep.error(cw, f"zone_levels must be a non-empty list of this column's levels {sorted(col_levels)}")
                if "crossing" in when and when.get("linear") is False:
                    rep.error(cw, "'crossing' applies to linear projects only, but linear is false")
                for j, prev in enumerate(conds):
                    if implies(when, prev):
                        rep.error(cw, f"can never match: clause {j + 1} already catches every project it matches")
                conds.append(when)
            out = c.get("outcome")
            if out not in OUTCOMES:
                rep.error(cw, f"outcome must be one of {OUTCOMES}")
            apps = c.get("approvals")
            if not isinstance(apps, list):
                rep.error(cw, "approvals must be a list")
                apps = []
            if out == "restricted" and not apps:
                rep.error(cw, "a restricted clause must name at least one approval")
            if out != "restricted" and apps:
                rep.error(cw, "approvals must be [] unless the outcome is restricted")
            check_refs(rep, cw, apps, approvals, "approvals")
            used_approvals |= set(apps)
            check_text(rep, cw, c.get("explanation"))
            bl = c.get("bases", [])
            check_refs(rep, cw, bl, bases, "bases")
            used_bases |= set(bl) if isinstance(bl, list) else set()
            if out != "no_rule" and not bl:
                rep.error(cw, "a clause with a rule must cite at least one basis")
            if out in ("prohibited", "restricted", "conditional") and isinstance(bl, list) and bl and \
                    not any(isinstance(bases.get(x), dict) and bases[x].get("status") == "in_force" for x in bl):
                rep.error(cw, f"a {out} clause cites no basis in force on as_of {doc.get('as_of')}: {', '.join(bl)}")
    for cat in cat_codes:
        for colc in col_by_code:
            if (cat, colc) not in seen:
                rep.error("cells", f"missing cell {cat}×{colc} (the matrix must be complete)")

    # proximity
    prox = doc.get("proximity") if isinstance(doc.get("proximity"), list) else []
    pids = set()
    for p in prox:
        want = ["id", "kinds", "levels", "distance_m", "categories", "nature", "explanation", "bases"]
        if not isinstance(p, dict) or list(p) != want:
            rep.error("proximity", f"entry must have keys {want} in order: {str(p)[:80]}")
            continue
        w = f"proximity.{p['id']}"
        if not (isinstance(p["id"], str) and BASIS_ID.match(p["id"])):
            rep.error(w, "id must be kebab-case")
        if p["id"] in pids:
            rep.error(w, "duplicate id")
        pids.add(p["id"])
        if not p["kinds"] or any(k not in VOCAB for k in p["kinds"]):
            rep.error(w, "kinds must be a non-empty list of rule-bearing zone kinds")
        lv = p["levels"]
        allowed = {x for k in p["kinds"] for x in VOCAB.get(k, [])}
        if not lv or ("*" in lv and lv != ["*"]) or (lv != ["*"] and any(x not in allowed for x in lv)):
            rep.error(w, f"levels must be [\"*\"] or levels of {p['kinds']}")
        if not isinstance(p["distance_m"], (int, float)) or isinstance(p["distance_m"], bool) or p["distance_m"] <= 0:
            rep.error(w, "distance_m must be a positive number of metres")
        pc = p["categories"]
        if not pc or ("*" in pc and pc != ["*"]) or (pc != ["*"] and any(x not in cat_codes for x in pc)):
            rep.error(w, "categories must be [\"*\"] or category codes")
        if p["nature"] not in NATURE:
            rep.error(w, f"nature must be one of {sorted(NATURE)}")
        check_text(rep, w, p["explanation"])
        if not p["bases"]:
            rep.error(w, "bases must name at least one basis")
        check_refs(rep, w, p["bases"], bases, "bases")
        used_bases |= set(p["bases"])

    # not_expressed
    ne = doc.get("not_expressed") if isinstance(doc.get("not_expressed"), list) else []
    for i, n in enumerate(ne):
        w = f"not_expressed[{i}]"
        if not isinstance(n, dict) or list(n) != ["overlay", "why", "basis"]:
            rep.error(w, "must have keys overlay, why, basis (in that order)")
            continue
        if not nonempty_str(n["overlay"]) or not nonempty_str(n["why"]):
            rep.error(w, "overlay and why must be non-empty")
        check_refs(rep, w, n["basis"], bases, "bases")
        used_bases |= set(n["basis"])

    for a in approvals.values():
        if isinstance(a, dict):
            used_bases |= set(a.get("bases", []))
    unused_b = sorted(set(bases) - used_bases)
    unused_a = sorted(set(approvals) - used_approvals)
    if unused_b:
        rep.note(f"bases cited nowhere: {', '.join(unused_b)}")
    if unused_a:
        rep.note(f"approval codes no clause uses (kept for completeness): {', '.join(unused_a)}")

    stats = {
        "bases": len(bases), "approvals": len(approvals), "categories": len(cats), "columns": len(cols),
        "cells": len(cells), "clauses": n_clauses, "proximity": len(prox), "not_expressed": len(ne),
    }
    by_status = {}
    for b in bases.values():
        if isinstance(b, dict):
            by_status[b.get("status")] = by_status.get(b.get("status"), 0) + 1
    by_ver = {}
    for b in bases.values():
        if isinstance(b, dict):
            by_ver[b.get("verification")] = by_ver.get(b.get("verification"), 0) + 1
    stats["bases_by_status"] = by_status
    stats["bases_by_verification"] = by_ver
    return stats


def outcome_text(clause):
    o = clause.get("outcome")
    t = OUTCOME_LETTER.get(o, "?")
    if o == "restricted":
        t += ":" + "+".join(clause.get("approvals", []))
    return t


def cond_text(when):
    parts = []
    for k, v in when.items():
        if k in ("action", "crossing", "zone_levels"):
            parts.append("/".join(ABBREV.get(x, x) for x in v))
        elif k == "discharges_to_water":
            parts.append("dis" if v else "nodis")
        elif k == "linear":
            parts.append("lin" if v else "nonlin")
        elif k == "national_major_project":
            parts.append("nmp" if v else "notnmp")
        elif k == "on_or_after":
            parts.append(f"≥{v}")
    return "+".join(parts)


def render_cell(clauses):
    default = outcome_text(clauses[-1])
    variants = [f"{cond_text(c['when'])}→{outcome_text(c)}" for c in clauses[:-1]]
    return default + (f" ({'; '.join(variants)})" if variants else "")


def render_tables(doc):
    cols = [c["code"] for c in doc.get("columns", [])]
    cells = {(c["category"], c["column"]): c["clauses"] for c in doc.get("cells", [])}
    groups = [(title, [c for c in codes if c in cols]) for title, codes in TABLE_GROUPS]
    grouped = {c for _, codes in groups for c in codes}
    rest = [c for c in cols if c not in grouped]
    if rest:
        groups.append(("Other columns", rest))
    out = []
    for title, codes in groups:
        if not codes:
            continue
        out.append(f"#### {title}\n")
        out.append("| cat | " + " | ".join(codes) + " |")
        out.append("|---|" + "---|" * len(codes))
        for cat in [c["code"] for c in doc.get("categories", [])]:
            row = [render_cell(cells[(cat, col)]) if (cat, col) in cells else "MISSING" for col in codes]
            out.append(f"| {cat} | " + " | ".join(row) + " |")
        out.append("")
    return "\n".join(out)


def render_exemptions(doc):
    """The citation fields each basis lacks, with the reason: the exemption list of README §2.5."""
    out = ["| basis | field | why it is empty |", "|---|---|---|"]
    for bid, b in doc.get("bases", {}).items():
        for k, why in sorted((b.get("missing") or {}).items()):
            out.append(f"| `{bid}` | {k} | {why} |")
    return "\n".join(out) + "\n"


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = {a for a in argv[1:] if a.startswith("--")}
    unknown = flags - {"--quiet", "--tables-only", "--exemptions"}
    if unknown or len(args) > 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "ruleset.json")
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read {path}: {e}", file=sys.stderr)
        return 2
    rep = Report()
    stats = check(doc, rep)
    if "--exemptions" in flags:
        print(render_exemptions(doc), end="")
        return 1 if rep.errors else 0
    if "--tables-only" not in flags:
        print(f"ruleset: {path}")
        if isinstance(doc, dict):
            print(f"schema {doc.get('schema')}  version {doc.get('version')}  as_of {doc.get('as_of')}")
        if stats:
            print("counts: " + ", ".join(f"{k} {v}" for k, v in stats.items() if not isinstance(v, dict)))
            print("bases by status: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["bases_by_status"].items())))
            print("bases by verification: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["bases_by_verification"].items())))
        for n in rep.notes:
            print(f"note: {n}")
        for w in rep.warnings:
            print(f"warning: {w}")
        for e in rep.errors:
            print(f"ERROR: {e}")
        print(f"result: {'FAIL' if rep.errors else 'OK'} ({len(rep.errors)} errors, {len(rep.warnings)} warnings)")
    if "--quiet" not in flags and not rep.errors and isinstance(doc, dict):
        if "--tables-only" not in flags:
            print()
            print("Legend: P prohibited · R:x restricted (approval x) · C conditional · A allowed · · no rule. "
                  "Each cell shows the default (last) clause, then earlier clauses in brackets as condition→outcome "
                  "(op/reb/new/exp = action; dis/nodis = discharges_to_water; lin = linear; tun/bri/aer = crossing; "
                  "nmp = national_major_project; cp/gc = zone level core_protection/general_control).")
            print()
        print(render_tables(doc))
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
