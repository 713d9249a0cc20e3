"""Loading the reviewed data files shipped in ``sitrep/data``."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

import yaml


def data_path(name: str):  # noqa: ANN201 - importlib Traversable
    return resources.files("sitrep").joinpath("data", name)


# libyaml's parser when PyYAML was built with it (the wheels are): the same safe constructors,
# five times faster; every worker process loads these files before its first article
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_yaml(name: str) -> Any:
    with data_path(name).open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def load_csv(name: str) -> list[dict[str, str]]:
    with data_path(name).open("r", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
