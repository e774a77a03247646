"""Build the administrative-unit data files of `tongket.gazetteer`.

Source: the PyPI package `vietnam-provinces` version 2026.9.0, by Nguyễn Hồng Quân,
licence GPL-3.0-or-later (https://pypi.org/project/vietnam-provinces/,
https://github.com/sunshine-tech/VietnamProvinces). Its data come from the National
Statistics Office of Viet Nam (GSO/NSO), https://danhmuchanhchinh.nso.gov.vn/. Only the
data are taken over; none of the package's code is copied.

Usage:

    python scripts/build_units_data.py PATH [--out DIR]

PATH is the wheel (vietnam_provinces-2026.9.0-py3-none-any.whl) or the folder it was
unpacked into (the one holding `vietnam_provinces/`, or `vietnam_provinces/` itself).
The wheel's metadata asks for Python 3.12, but its data modules load on 3.11; get it with

    pip download --no-deps --ignore-requires-python --python-version 3.12 \\
        --only-binary=:all: vietnam-provinces==2026.9 -d /tmp/vp

What is read, and what is written to DIR (by default src/tongket/gazetteer/data/):

- 2025 era (in force from 2025-07-01: 34 provinces, 3,321 communes): the package's
  `data/nested-divisions.json`. Its Python lookup (`_lookup.py`) is not used: it carries
  later changes (Quảng Ninh, Bắc Ninh and Đồng Nai made centrally governed cities in 2026)
  and writes apostrophes differently.
- legacy era (three tiers, GSO's list of 2025-01-04: 63 provinces, 696 districts, 10,051
  communes): `vietnam_provinces.legacy._lookup`.
- commune conversion: `vietnam_provinces._ward_conversion_2025.NEW_TO_OLD`, GSO's table
  `BangChuyendoiĐVHCmoi_cu_khong_merge.csv`, one row per (old commune, new commune) with
  GSO's "partly merged" flag of that row. The table has no note field.
- province conversion: derived from the commune conversion, the old province being the
  legacy parent of the old commune and the new province the parent of the new commune.
  The package's own `_province_conversion_2025` is derived the same way but from the
  province codes written in the conversion table, two of which are wrong; the differences
  are printed.

`units.csv.gz` (code,kind,name,parent_code,level,era,full_name) and `conversion.csv.gz`
(old_code,new_code,level,partial) are gzipped CSV, rows sorted, gzip mtime 0: building
twice from the same wheel gives identical bytes.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib
import io
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from tongket.gazetteer.kinds import LEVELS, Level, read_kinds, split_kind
from tongket.gazetteer.records import (
    CODE_WIDTHS,
    CONVERSION_COLUMNS,
    CONVERSION_FILE,
    ERA_2025,
    ERA_LEGACY,
    ERAS,
    UNIT_COLUMNS,
    UNITS_FILE,
    Era,
)

SOURCE_PACKAGE = "vietnam_provinces"
SOURCE_VERSION = "2026.9.0"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "tongket" / "gazetteer" / "data"

# The source's division_type words, and the kinds of data/kinds.csv they stand for. A
# district "thành phố" is "thành phố thuộc tỉnh", or, inside a centrally governed city,
# "thành phố thuộc thành phố trực thuộc trung ương".
SOURCE_KINDS: dict[str, str] = {
    "tỉnh": "tỉnh",
    "thành phố trung ương": "thành phố trực thuộc trung ương",
    "quận": "quận",
    "huyện": "huyện",
    "thị xã": "thị xã",
    "phường": "phường",
    "xã": "xã",
    "thị trấn": "thị trấn",
    "đặc khu": "đặc khu",
}
CITY_IN_PROVINCE = "thành phố thuộc tỉnh"
CITY_IN_CITY = "thành phố thuộc thành phố trực thuộc trung ương"
CENTRAL_CITY = "thành phố trực thuộc trung ương"

Row = tuple[str, ...]


def source_root(path: Path) -> Path:
    """The sys.path entry from which `vietnam_provinces` is imported."""
    if path.is_file() and path.suffix == ".whl":
        return path  # zipimport reads the wheel in place
    if (path / SOURCE_PACKAGE / "__init__.py").is_file():
        return path
    if path.name == SOURCE_PACKAGE and (path / "__init__.py").is_file():
        return path.parent
    raise SystemExit(f"{path}: neither a wheel nor a folder holding {SOURCE_PACKAGE}/")


def load_source(path: Path) -> tuple[ModuleType, ModuleType, ModuleType]:
    """The source's package, its legacy lookup and its commune conversion table."""
    if SOURCE_PACKAGE in sys.modules:
        raise SystemExit(f"{SOURCE_PACKAGE} is already imported; run this script on its own")
    root = source_root(path)
    sys.path.insert(0, str(root))
    try:
        package = importlib.import_module(SOURCE_PACKAGE)
        legacy = importlib.import_module(f"{SOURCE_PACKAGE}.legacy._lookup")
        conversion = importlib.import_module(f"{SOURCE_PACKAGE}._ward_conversion_2025")
    finally:
        sys.path.remove(str(root))
    origin = Path(str(package.__file__)).resolve()
    if not origin.is_relative_to(root.resolve()):
        raise SystemExit(f"{SOURCE_PACKAGE} was imported from {origin}, not from {root}")
    if package.__version__ != SOURCE_VERSION:
        raise SystemExit(
            f"{path} holds {SOURCE_PACKAGE} {package.__version__}, this script reads "
            f"{SOURCE_VERSION}: check the data and update the docstring first"
        )
    return package, legacy, conversion


def read_json(package: ModuleType, name: str) -> Any:
    """A JSON file of the source's data folder (also inside a zipped wheel)."""
    return json.loads(resources.files(package).joinpath("data", name).read_text("utf-8"))


def padded(code: int, level: Level) -> str:
    return f"{int(code):0{CODE_WIDTHS[level]}d}"


def kind_of(division_type: object) -> str:
    word = str(division_type)
    if word not in SOURCE_KINDS:
        raise SystemExit(f"unknown division type {word!r} in the source")
    return SOURCE_KINDS[word]


def unit_row(code: str, kind: str, parent_code: str, level: Level, era: Era, full_name: str) -> Row:
    """A row of units.csv, the name being the full name without its kind word."""
    prefixes = {record.kind: record.prefix for record in read_kinds() if record.level == level}
    if kind not in prefixes:
        raise SystemExit(f"{era} {level} {code}: kind {kind!r} is not a {level} kind")
    word, name = split_kind(full_name)
    if word != prefixes[kind]:
        raise SystemExit(f"{era} {code} {full_name!r}: expected the word {prefixes[kind]!r}")
    return (code, kind, name, parent_code, level, era, full_name)


def units_2025(package: ModuleType) -> list[Row]:
    rows: list[Row] = []
    for province in read_json(package, "nested-divisions.json"):
        province_code = padded(province["code"], "province")
        kind = kind_of(province["division_type"])
        rows.append(unit_row(province_code, kind, "", "province", ERA_2025, province["name"]))
        for ward in province["wards"]:
            code = padded(ward["code"], "commune")
            kind = kind_of(ward["division_type"])
            rows.append(unit_row(code, kind, province_code, "commune", ERA_2025, ward["name"]))
    return rows


def units_legacy(legacy: ModuleType) -> list[Row]:
    rows: list[Row] = []
    province_kinds: dict[str, str] = {}
    for province in legacy.PROVINCE_MAPPING.values():
        code = padded(province.code, "province")
        kind = kind_of(province.division_type)
        province_kinds[code] = kind
        rows.append(unit_row(code, kind, "", "province", ERA_LEGACY, province.name))
    for district in legacy.DISTRICT_MAPPING.values():
        code = padded(district.code, "district")
        parent = padded(district.province_code, "province")
        if str(district.division_type) == "thành phố":
            kind = CITY_IN_CITY if province_kinds[parent] == CENTRAL_CITY else CITY_IN_PROVINCE
        else:
            kind = kind_of(district.division_type)
        rows.append(unit_row(code, kind, parent, "district", ERA_LEGACY, district.name))
    for ward in legacy.WARD_MAPPING.values():
        code = padded(ward.code, "commune")
        parent = padded(ward.district_code, "district")
        kind = kind_of(ward.division_type)
        rows.append(unit_row(code, kind, parent, "commune", ERA_LEGACY, ward.name))
    return rows


def commune_conversion(conversion: ModuleType) -> list[Row]:
    """(old_code, new_code, "commune", partial) per row of GSO's table."""
    rows: list[Row] = []
    for new_code, entry in conversion.NEW_TO_OLD.items():
        for old in entry.old_wards:
            partial = "1" if old.is_partly_merged else "0"
            rows.append(
                (padded(old.code, "commune"), padded(new_code, "commune"), "commune", partial)
            )
    pairs = {(row[0], row[1]) for row in rows}
    reverse = {
        (padded(old_code, "commune"), padded(new.code, "commune"))
        for old_code, entry in conversion.OLD_TO_NEW.items()
        for new in entry.new_wards
    }
    if len(pairs) != len(rows) or pairs != reverse:
        raise SystemExit("the source's two conversion tables do not hold the same pairs")
    return rows


def province_conversion(
    commune_rows: Sequence[Row], units: Sequence[Row], conversion: ModuleType
) -> list[Row]:
    """(old_code, new_code, "province", partial) derived from the commune conversion."""
    parents = {(row[5], row[0], row[4]): row[3] for row in units}
    old_districts = {
        padded(old_code, "commune"): padded(entry.old_ward.district_code, "district")
        for old_code, entry in conversion.OLD_TO_NEW.items()
    }
    targets: dict[str, set[str]] = defaultdict(set)
    for old_code, new_code, _, _ in commune_rows:
        district = parents.get((ERA_LEGACY, old_code, "commune"), old_districts[old_code])
        old_province = parents[(ERA_LEGACY, district, "district")]
        targets[old_province].add(parents[(ERA_2025, new_code, "commune")])
    return [
        (old, new, "province", "1" if len(news) > 1 else "0")
        for old, news in targets.items()
        for new in news
    ]


def package_province_differences(rows: Iterable[Row], package: ModuleType) -> list[str]:
    """How the package's own province conversion differs from the derived one."""
    module = importlib.import_module(f"{package.__name__}._province_conversion_2025")
    theirs = {
        (padded(old, "province"), padded(new.code, "province"))
        for old, entry in module.OLD_TO_NEW.items()
        for new in entry.new_provinces
    }
    ours = {(row[0], row[1]) for row in rows}
    return [f"only in the package: {old} -> {new}" for old, new in sorted(theirs - ours)] + [
        f"only derived here: {old} -> {new}" for old, new in sorted(ours - theirs)
    ]


def unit_sort_key(row: Row) -> tuple[int, int, str]:
    return (ERAS.index(row[5]), LEVELS.index(row[4]), row[0])


def conversion_sort_key(row: Row) -> tuple[int, str, str]:
    return (LEVELS.index(row[2]), row[0], row[1])


def gzipped_csv(columns: Sequence[str], rows: Iterable[Row]) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(text.getvalue().encode("utf-8"))
    return buffer.getvalue()


def build(source: Path, out: Path) -> dict[str, bytes]:
    """Read the source, write the data files into `out`, return their contents by name."""
    package, legacy, conversion = load_source(source)
    units = sorted(units_2025(package) + units_legacy(legacy), key=unit_sort_key)
    keys = Counter((row[5], row[0], row[4]) for row in units)
    if max(keys.values()) > 1:
        raise SystemExit(f"duplicate units: {[key for key, n in keys.items() if n > 1]}")
    communes = commune_conversion(conversion)
    provinces = province_conversion(communes, units, conversion)
    for difference in package_province_differences(provinces, package):
        print(f"note: province conversion {difference}", file=sys.stderr)
    conversions = sorted(provinces + communes, key=conversion_sort_key)
    files = {
        UNITS_FILE: gzipped_csv(UNIT_COLUMNS, units),
        CONVERSION_FILE: gzipped_csv(CONVERSION_COLUMNS, conversions),
    }
    out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (out / name).write_bytes(content)
    print_summary(units, conversions, files)
    return files


def print_summary(
    units: Sequence[Row], conversions: Sequence[Row], files: dict[str, bytes]
) -> None:
    per_level = Counter((row[5], row[4]) for row in units)
    for era in ERAS:
        counts = ", ".join(f"{per_level[(era, level)]} {level}" for level in LEVELS)
        print(f"{era}: {counts}")
    per_conversion = Counter(row[2] for row in conversions)
    partial = Counter(row[2] for row in conversions if row[3] == "1")
    for level in ("province", "commune"):
        print(f"conversion {level}: {per_conversion[level]} rows, {partial[level]} partial")
    for name, content in files.items():
        print(f"{name}: {len(content)} bytes")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("source", type=Path, help="the vietnam-provinces wheel or its folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    args = parser.parse_args(argv)
    build(args.source, args.out)


if __name__ == "__main__":
    main()
