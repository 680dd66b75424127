"""The catalogue as data: load the versioned JSON files shipped in `indicators/data/`, copy a
framework version to change it, edit an indicator. Never hard-coded in Python.

A data file is either `"kind": "elements"` (data elements, target groups, validation rules shared
by every framework) or `"kind": "framework"` (one framework version and its tree). Loading is
idempotent: a file whose checksum is already stored is skipped, so edits the district made in the
screens survive a second `kinerja load-catalogue`.
"""

import hashlib
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction

from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log, model_changes
from kinerja.indicators.models import (
    DataElement,
    Framework,
    FrameworkVersion,
    Indicator,
    Node,
    TargetGroup,
    ValidationRule,
)

DATA_DIR = Path(__file__).parent / "data"


def catalogue_files() -> list[Path]:
    """Shipped files, elements first, then frameworks in name order."""
    files = sorted(DATA_DIR.glob("*.json"))
    return sorted(files, key=lambda p: (not p.name.startswith("elements"), p.name))


@transaction.atomic
def catalogue_load(*, paths: list[Path] | None = None, log: Callable[[str], None] = lambda m: None) -> int:
    """Load catalogue files; returns how many were (re)loaded. Unchanged files are skipped."""
    loaded = 0
    for path in paths or catalogue_files():
        raw = path.read_bytes()
        checksum = hashlib.sha256(raw).hexdigest()
        data = json.loads(raw)
        if data.get("format") != 1:
            raise ApplicationError(f"Berkas {path.name}: format tidak dikenal (harus 1).")
        if data["kind"] == "elements":
            _load_elements(data)
            log(f"Elemen data dari {path.name} dimuat.")
            loaded += 1
        elif _load_framework(data, source=path.name, checksum=checksum):
            log(f"Kerangka {data['framework']['code']} versi {data['version']['version']} dimuat.")
            loaded += 1
    return loaded


def _load_elements(data: dict[str, Any]) -> None:
    for order, item in enumerate(data.get("target_groups", []), 1):
        _upsert(
            TargetGroup,
            code=item["code"],
            defaults={
                "name": item["name"],
                "estimate_percent": _dec(item.get("estimate_percent")),
                "order": order,
            },
        )
    for order, item in enumerate(data.get("data_elements", []), 1):
        _upsert(
            DataElement,
            code=item["code"],
            defaults={
                "name": item["name"],
                "unit": item.get("unit", "orang"),
                "programme": item.get("programme", ""),
                "aggregation": item.get("aggregation", DataElement.Aggregation.SUM),
                "allowed_values": item.get("allowed_values", []),
                "order": order,
            },
        )
    elements = {e.code: e for e in DataElement.objects.all()}
    for item in data.get("validation_rules", []):
        element = item.get("element")
        _upsert(
            ValidationRule,
            code=item["code"],
            defaults={
                "kind": item["kind"],
                "element": None if element in (None, "*") else _element(elements, element),
                "other": _element(elements, item["other"]) if item.get("other") else None,
                "factor": _dec(item.get("factor")) or Decimal(3),
            },
        )


def _upsert(model, *, code: str, defaults: dict[str, Any]):
    """Create or update by code, writing only when something differs (so a reload changes no row)."""
    row = model.objects.filter(code=code).first()
    if row is None:
        return model.objects.create(code=code, **defaults)
    changed = {k: v for k, v in defaults.items() if getattr(row, k) != v}
    if changed:
        for field, value in changed.items():
            setattr(row, field, value)
        row.save()
    return row


def _load_framework(data: dict[str, Any], *, source: str, checksum: str) -> bool:
    spec, vspec = data["framework"], data["version"]
    framework = _upsert(
        Framework,
        code=spec["code"],
        defaults={"name": spec["name"], "kind": spec["kind"], "order": spec.get("order", 0)},
    )
    version = FrameworkVersion.objects.filter(framework=framework, version=vspec["version"]).first()
    if version is not None and version.source_checksum == checksum:
        return False
    bands = vspec.get("bands", {})
    fields = {
        "valid_from_year": vspec["valid_from_year"],
        "valid_from_month": vspec.get("valid_from_month", 1),
        "source": source,
        "source_checksum": checksum,
        "notes": vspec.get("notes", ""),
        "headline_node": vspec.get("headline_node", ""),
        "good_min": _dec(bands.get("good_min")) or Decimal(91),
        "fair_min": _dec(bands.get("fair_min")) or Decimal(81),
        "decimals": bands.get("decimals", 0),
        "mgmt_good_min": _dec(bands.get("mgmt_good_min")) or Decimal("8.5"),
        "mgmt_fair_min": _dec(bands.get("mgmt_fair_min")) or Decimal("5.5"),
        "mgmt_decimals": bands.get("mgmt_decimals", 1),
    }
    version, _ = FrameworkVersion.objects.update_or_create(
        framework=framework, version=vspec["version"], defaults=fields
    )
    elements = {e.code: e for e in DataElement.objects.all()}
    groups = {g.code: g for g in TargetGroup.objects.all()}
    seen_nodes: set[str] = set()
    seen_indicators: set[str] = set()
    counter = iter(range(1, 100_000))
    for spec_node in data["nodes"]:
        _load_node(version, spec_node, None, elements, groups, seen_nodes, seen_indicators, counter)
    version.indicators.exclude(code__in=seen_indicators).delete()
    version.nodes.exclude(code__in=seen_nodes).delete()
    return True


def _load_node(version, spec, parent, elements, groups, seen_nodes, seen_indicators, counter) -> None:
    node, _ = Node.objects.update_or_create(
        version=version,
        code=spec["code"],
        defaults={
            "parent": parent,
            "name": spec["name"],
            "programme": spec.get("programme", parent.programme if parent else ""),
            "scale": spec.get("scale", parent.scale if parent else Node.Scale.PERCENT),
            "is_example": spec.get("example", False),
            "order": next(counter),
        },
    )
    seen_nodes.add(node.code)
    for item in spec.get("indicators", []):
        Indicator.objects.update_or_create(
            version=version,
            code=item["code"],
            defaults=_indicator_fields(item, node, elements, groups, counter),
        )
        seen_indicators.add(item["code"])
    for child in spec.get("children", []):
        _load_node(version, child, node, elements, groups, seen_nodes, seen_indicators, counter)


def _indicator_fields(item, node, elements, groups, counter) -> dict[str, Any]:
    default = Indicator.Method.SPM if node.version.framework.kind == "spm" else Indicator.Method.PKP
    method = item.get("method", default)
    return {
        "node": node,
        "name": item["name"],
        "method": method,
        "numerator": _element(elements, item["numerator"]),
        "denominator_element": _element(elements, item["denominator_element"])
        if item.get("denominator_element")
        else None,
        "denominator_group": _group(groups, item["denominator_group"])
        if item.get("denominator_group")
        else None,
        "factor": item.get("factor", 100),
        "target": _dec(item.get("target")) or Decimal(100),
        "target_high": _dec(item.get("target_high")),
        "polarity": item.get("polarity", Indicator.Polarity.HIGHER),
        "unit": item.get("unit", "nilai" if method == Indicator.Method.MANAGEMENT else "%"),
        "description": item.get("description", ""),
        "is_example": item.get("example", node.is_example),
        "order": next(counter),
    }


def _element(elements: dict[str, DataElement], code: str) -> DataElement:
    try:
        return elements[code]
    except KeyError:
        raise ApplicationError(
            f"Elemen data '{code}' tidak ada di katalog: muat berkas elemen dulu."
        ) from None


def _group(groups: dict[str, TargetGroup], code: str) -> TargetGroup:
    try:
        return groups[code]
    except KeyError:
        raise ApplicationError(f"Kelompok sasaran '{code}' tidak ada di katalog.") from None


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


@transaction.atomic
def framework_version_copy(
    *, user: Any, version: FrameworkVersion, new_version: str, valid_from_year: int, valid_from_month: int = 1
) -> FrameworkVersion:
    """Start a new version (from a month on) as a copy of `version`, so the old one keeps past scores."""
    if FrameworkVersion.objects.filter(framework=version.framework, version=new_version).exists():
        raise ApplicationError(f"Versi '{new_version}' sudah ada. Pilih nama versi lain.")
    if FrameworkVersion.objects.filter(
        framework=version.framework, valid_from_year=valid_from_year, valid_from_month=valid_from_month
    ).exists():
        raise ApplicationError("Sudah ada versi yang berlaku mulai bulan itu. Pilih bulan lain.")
    nodes = list(version.nodes.order_by("order"))
    indicators = list(version.indicators.all())
    copy = FrameworkVersion.objects.get(pk=version.pk)
    copy.pk = None
    copy.version, copy.valid_from_year, copy.valid_from_month = new_version, valid_from_year, valid_from_month
    copy.source, copy.source_checksum = "", ""
    copy.save()
    mapping: dict[int, Node] = {}
    for node in nodes:  # parents come first: they were created (and ordered) before their children
        old_pk = node.pk
        node.pk, node.version = None, copy
        node.parent = mapping.get(node.parent_id) if node.parent_id else None
        node.save()
        mapping[old_pk] = node
    for indicator in indicators:
        indicator.pk, indicator.version, indicator.node = None, copy, mapping[indicator.node_id]
    Indicator.objects.bulk_create(indicators)
    audit_log(actor=user, action="indicators.version_copied", obj=copy, changes={"from": str(version)})
    return copy


INDICATOR_EDITABLE = ("name", "target", "target_high", "polarity", "factor", "description")


@transaction.atomic
def indicator_update(*, user: Any, indicator: Indicator, data: dict[str, Any]) -> Indicator:
    """Change an indicator's definition (in the version it belongs to) and log old and new values."""
    data = {k: v for k, v in data.items() if k in INDICATOR_EDITABLE}
    if data.get("polarity", indicator.polarity) == Indicator.Polarity.RANGE and (
        data.get("target_high", indicator.target_high) is None
    ):
        raise ApplicationError("Indikator rentang perlu batas atas target. Isi kolom 'batas atas target'.")
    changes = model_changes(indicator, data)
    for field, value in data.items():
        setattr(indicator, field, value)
    indicator.save()
    if changes:
        audit_log(actor=user, action="indicators.indicator_changed", obj=indicator, changes=changes)
    return indicator
