"""The shipped JSON is well-formed: sorted, stable ids, consistent links, known kinds."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from kg import reference

REF_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(("name", "key"), [("countries.json", "iso"), ("institutions.json", "ref_id"),
                                           ("posts.json", "ref_id")])
def test_reference_data_file_sorted_and_unique(name: str, key: str) -> None:
    records = json.loads(resources.files("kg.reference").joinpath(name).read_text(encoding="utf-8"))
    keys = [rec[key] for rec in records]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_reference_data_ids_are_slugs() -> None:
    ids = [i.ref_id for i in reference.institutions()] + [p.ref_id for p in reference.posts()]
    bad = [ref_id for ref_id in ids if not REF_ID.match(ref_id)]
    assert bad == []


def test_reference_data_institution_links_resolve() -> None:
    known_ids = {i.ref_id for i in reference.institutions()}
    known_countries = {c.iso for c in reference.countries()}
    for inst in reference.institutions():
        assert inst.kind in reference.KINDS, inst.ref_id
        assert inst.parent is None or inst.parent in known_ids, inst.ref_id
        assert inst.country is None or inst.country in known_countries, inst.ref_id
        assert (inst.country is None) == (inst.kind == "international"), inst.ref_id


def test_reference_data_post_links_resolve() -> None:
    by_id = {i.ref_id: i for i in reference.institutions()}
    for post in reference.posts():
        assert post.institution in by_id, post.ref_id
        assert by_id[post.institution].country == post.country, post.ref_id


def test_reference_data_every_record_finds_itself() -> None:
    # Each record's own name is unambiguous or, failing that, found with its country.
    for inst in reference.institutions():
        found = reference.institution(inst.name, inst.country)
        assert found is not None and found.ref_id == inst.ref_id, inst.name
    for post in reference.posts():
        found_post = reference.post(post.label, post.country)
        assert found_post is not None and found_post.ref_id == post.ref_id, post.label


@pytest.mark.parametrize("kind", ["ministry", "agency", "government", "legislature", "international"])
def test_reference_data_covers_every_kind(kind: str) -> None:
    assert any(inst.kind == kind for inst in reference.institutions())


@pytest.mark.parametrize("iso", ["KR", "US", "JP", "CN", "EU", "GB", "CA", "MX", "IN", "CH", "BR", "VN", "TW",
                                 "AU", "ID"])
def test_reference_data_covers_main_governments(iso: str) -> None:
    kinds = {inst.kind for inst in reference.institutions() if inst.country == iso}
    assert "ministry" in kinds or iso == "EU"
    assert "legislature" in kinds
    assert any(post.country == iso for post in reference.posts())


def test_reference_data_tables_are_stable() -> None:
    assert reference.institutions() == reference.institutions()
    assert [p.ref_id for p in reference.posts()] == sorted(p.ref_id for p in reference.posts())


@pytest.mark.parametrize("ref_id", ["kr-motie", "us-ustr", "int-wto", "eu-dg-trade"])
def test_reference_data_institution_by_id(ref_id: str) -> None:
    found = reference.institution_by_id(ref_id)
    assert found is not None and found.ref_id == ref_id


@pytest.mark.parametrize("ref_id", ["kr-motie-minister", "us-treasury-secretary", "eu-trade-commissioner"])
def test_reference_data_post_by_id(ref_id: str) -> None:
    found = reference.post_by_id(ref_id)
    assert found is not None and found.ref_id == ref_id


@pytest.mark.parametrize("ref_id", ["", "kr", "MOTIE", "kr-nobody"])
def test_reference_data_unknown_id_is_none(ref_id: str) -> None:
    assert reference.institution_by_id(ref_id) is None
    assert reference.post_by_id(ref_id) is None
