"""CSL-JSON written from the model validates against the CSL-JSON schema (CSL 1.0.2 variables)."""

from __future__ import annotations

import json

import jsonschema
import pytest

import polybib
from polybib._evaluate import load_gold

from .conftest import DATA

SCHEMA = json.loads((DATA / "csl-data.schema.json").read_text(encoding="utf-8"))


def test_seed_list_validates(seed_list):
    jsonschema.validate(polybib.to_csl_json(polybib.read_list(seed_list)), SCHEMA)


def test_dev_corpus_validates():
    refs = [polybib.parse_reference(r["raw"]) for r in load_gold(DATA / "dev.jsonl")]
    jsonschema.validate(polybib.to_csl_json(refs), SCHEMA)


def test_schema_rejects_what_it_should():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "book", "pagetotal": "12"}], SCHEMA)


def test_chapter_keeps_its_container(seed_list):
    chapter = polybib.to_csl_json(polybib.read_list(seed_list))[4]
    assert chapter["type"] == "chapter"
    assert chapter["container-title"].startswith("Азербайджанская Республика")
    assert chapter["number-of-pages"] == "512" and chapter["publisher-place"] == "Баку"
