"""Loading the reviewed data files shipped in ``sitrep/data``."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import yaml


def data_path(name: str):  # noqa: ANN201 - importlib Traversable
    return resources.files("sitrep").joinpath("data", name)


@cache
def load_yaml(name: str) -> Any:
    with data_path(name).open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_csv(name: str) -> list[dict[str, str]]:
    with data_path(name).open("r", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
