"""render_view: escaping, determinism, offline page, filters, cap, focus and the CLI."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset
from typer.testing import CliRunner

from kg.errors import KgError
from kg.view import embed_json, render_view, select_view
from kg.view.synthetic import sample_graph, synthetic_graph


def _data(page: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


@pytest.mark.parametrize("text", ["</script><script>x()</script>", "a & b <b>", "line\u2028sep\u2029x"])
def test_view_embed_json_escapes_markup_and_line_separators(text: str) -> None:
    embedded = embed_json({"t": text})
    assert not set("<>&\u2028\u2029") & set(embedded)
    assert json.loads(embedded) == {"t": text}


def test_view_render_is_byte_identical_and_offline(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    render_view(sample_graph(), first)
    render_view(sample_graph(), second)
    page = first.read_text(encoding="utf-8")
    assert page == second.read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", page)
    assert "innerHTML" not in page.split("<script>", 2)[2]  # our own script, after the library


def test_view_render_escapes_title_and_keeps_payload_in_data(tmp_path: Path) -> None:
    payload = "</script><script>window.__pwned=1</script>"
    out = tmp_path / "v.html"
    render_view(sample_graph(name_a=f"Kim {payload}"), out, title=f"T {payload}")
    page = out.read_text(encoding="utf-8")
    assert payload not in page
    assert "<title>T &lt;/script&gt;" in page
    names = [n["name"] for n in _data(page)["nodes"]]  # type: ignore[index]
    assert f"Kim {payload}" in names


def test_view_render_counts_and_classes(tmp_path: Path) -> None:
    summary = render_view(sample_graph(), tmp_path / "v.html")
    data = _data((tmp_path / "v.html").read_text(encoding="utf-8"))
    classes = sorted({n["cls"] for n in data["nodes"]})  # type: ignore[index]
    assert classes == ["country", "meeting", "organization", "person", "post", "product", "tariff"]
    assert summary.nodes == len(data["nodes"]) == 12  # type: ignore[arg-type]
    assert not summary.cut
    meeting_labels = [n["label"] for n in data["nodes"] if n["cls"] == "meeting"]  # type: ignore[index]
    assert "Tariff deal talks\n2025-07-31" in meeting_labels


def test_view_render_dataset_input_merges_named_graphs(tmp_path: Path) -> None:
    dataset = Dataset()
    named = dataset.graph("https://w3id.org/kg-trade/id/graph-x")
    for triple in sample_graph():
        named.add(triple)
    assert render_view(dataset, tmp_path / "v.html").nodes == 12


def test_view_render_cap_says_how_to_narrow(tmp_path: Path) -> None:
    summary = render_view(synthetic_graph(400), tmp_path / "v.html", max_nodes=50)
    assert summary.cut and summary.nodes == 50 and summary.total_nodes > 50
    assert "--focus" in summary.message and "--class" in summary.message and "--from" in summary.message
    assert not summary.physics or summary.nodes <= 300


@pytest.mark.parametrize("name", ["kim do-hyun", "Do-hyun Kim", "KIM DO HYUN", "Minister Kim"])
def test_view_focus_matches_names_loosely(name: str) -> None:
    data = select_view(sample_graph(), focus=name, depth=1)
    labels = sorted(n.label for n in data.nodes.values())
    assert "Kim Do-hyun" in labels and "Trade Minister" in labels and "Vehicles" not in labels


def test_view_focus_unknown_name_suggests() -> None:
    with pytest.raises(KgError) as err:
        select_view(sample_graph(), focus="Kim Dohyun")
    assert err.value.code == "E012" and "Kim Do-hyun" in err.value.message


def test_view_class_filter_and_unknown_class() -> None:
    data = select_view(sample_graph(), classes=["people", "meeting"])
    assert sorted({n.cls for n in data.nodes.values()}) == ["meeting", "person"]
    with pytest.raises(KgError):
        select_view(sample_graph(), classes=["spaceship"])


def test_view_date_filter_keeps_events_in_range() -> None:
    data = select_view(sample_graph(), date_from=date(2025, 7, 30), date_to=date(2025, 7, 31))
    meetings = sorted(n.label for n in data.nodes.values() if n.cls == "meeting")
    assert meetings == ["Tariff deal talks"]


def test_view_panel_sources_carry_article_facts() -> None:
    data = select_view(sample_graph())
    person = data.nodes["https://w3id.org/kg-trade/id/person-a"]
    headlines = {s.headline for s in person.sources}
    assert headlines == {"Seoul and Washington resume tariff talks", "Tariff deal reached"}
    assert person.posts == ["Trade Minister (current)"]


def test_view_cli_writes_file_and_reports(tmp_path: Path) -> None:
    from kg.cli.main import app

    dataset = Dataset()
    named = dataset.graph("https://w3id.org/kg-trade/id/graph-x")
    for triple in sample_graph():
        named.add(triple)
    dataset.serialize(tmp_path / "kg.trig", format="trig")
    query = tmp_path / "q.rq"
    query.write_text("CONSTRUCT { ?m schema:attendee ?a . ?m a ?t . ?a a ?u . ?m skos:prefLabel ?l } "
                     "WHERE { ?m schema:attendee ?a ; a ?t ; skos:prefLabel ?l . ?a a ?u }", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["view", "--graph", str(tmp_path), "--focus", "Alex Parker", "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "view.html").is_file() and "nodes" in result.output
    result = runner.invoke(app, ["view", "--graph", str(tmp_path), "--query", str(query), "--out",
                                 str(tmp_path / "q.html")])
    assert result.exit_code == 0, result.output
    assert "6 nodes" in result.output
    result = runner.invoke(app, ["view", "--graph", str(tmp_path), "--focus", "Nobody Here"])
    assert result.exit_code == 4 and "E012" in result.output
    result = runner.invoke(app, ["view", "--graph", str(tmp_path / "missing")])
    assert result.exit_code == 6
