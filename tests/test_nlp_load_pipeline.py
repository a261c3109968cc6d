from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.nlp import PERSON_FIX_COMPONENT, load_pipeline


def test_nlp_load_pipeline_missing_model_is_kg_error() -> None:
    with pytest.raises(KgError) as info:
        load_pipeline("no_such_model_xyz")
    assert info.value.code == "E006"


def test_nlp_load_pipeline_env_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SPACY_MODEL", "another_missing_model")
    with pytest.raises(KgError, match="another_missing_model"):
        load_pipeline()


@pytest.mark.parametrize("name", ["Choi Sang-mok", "Han Duck-soo", "Lee Jae-myung"])
def test_nlp_load_pipeline_keeps_hyphenated_names_whole(name: str) -> None:
    nlp = load_pipeline()
    assert PERSON_FIX_COMPONENT in nlp.pipe_names
    doc = nlp(f"Prime Minister {name} met reporters on Monday.")
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert all(not name.startswith(p) or p == name for p in persons)
