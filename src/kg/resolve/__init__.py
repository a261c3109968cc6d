"""Entity and event resolution across articles: local ids -> global ids, labels, merge log."""

from __future__ import annotations

import importlib
from typing import Any

from kg.model import DocExtraction, Resolution
from kg.resolve.entities import resolve_organizations, resolve_people
from kg.resolve.events import resolve_facts, resolve_meetings
from kg.resolve.names import name_key, normalise_person_name
from kg.resolve.places import resolve_places

__all__ = ["resolve", "name_key", "normalise_person_name"]


def resolve(extractions: list[DocExtraction]) -> Resolution:
    """Give every person, organization, meeting, tariff, statement and figure a global id.

    The result does not depend on the order of `extractions`: everything is processed sorted.
    """
    ordered = sorted(extractions, key=lambda ex: ex.doc.doc_id)
    res = Resolution(extractions=extractions)
    resolve_people(ordered, res)
    resolve_organizations(ordered, res, _reference_names())
    resolve_places(ordered, res)
    resolve_meetings(ordered, res)
    resolve_facts(ordered, res)
    res.merges.sort(key=lambda m: (m.into, m.rule, m.label, m.doc_ids, m.score))
    return res


def _reference_names() -> dict[str, str]:
    """ref_id -> reference name of shipped institutions; empty when kg.reference is not there."""
    try:
        reference = importlib.import_module("kg.reference")
    except ImportError:
        return {}
    institutions: Any = getattr(reference, "institutions", None)
    if institutions is None:
        return {}
    try:
        items = list(institutions())
    except Exception:  # noqa: BLE001 - reference data is optional for resolution
        return {}
    names: dict[str, str] = {}
    for item in items:
        ref_id, name = getattr(item, "ref_id", None), getattr(item, "name", None)
        if isinstance(ref_id, str) and isinstance(name, str) and name:
            names[ref_id] = name
    return names
