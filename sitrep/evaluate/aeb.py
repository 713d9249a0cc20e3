"""Real-world HTML: the Article Extraction Benchmark (181 pages) read through sitrep's own ingestion.

Each ``html/aeb/<id>.html.gz`` is read as a user's file would be (no URL given, compressed, in
its own charset) and scored against ``aeb-ground-truth.json``:

- ``stored``: pages that became an Article (the others are failures, never tracebacks);
- ``text_f1``: mean token F1 of the clean text against the true article body (whitespace
  tokens, case-folded, as the benchmark scores it);
- ``outlet``: share of pages whose outlet names the site of the ground truth's URL. The truth
  holds a URL but no outlet, so an outlet is judged by the URL's registered domain: right when
  the name, with spaces, punctuation and a leading "the" removed, equals the domain's name
  ("nytimes"), contains it or is contained in it ("The Guardian" / theguardian.com), has it as
  a word ("RT International" / rt.com) or as its initials ("Wall Street Journal" / wsj.com),
  holds its letters in order from the first ("Connecticut Post" / ctpost.com), shares a stem
  of five letters or more with it ("SputnikInt" / sputniknews.com), or is one of the
  three reviewed names in ``OUTLET_NAMES`` for sites whose name is not written in their domain;
- ``published``: share of pages with a publication date found (the truth has no dates).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import time
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

# Sites whose name is not spelled in their domain, reviewed by hand from their own pages:
# expapp.com is the company "Experience"; lhpat-tm.com is the Lighthouse patent office (its
# Japanese name, ライトハウス = Lighthouse); note100yen.com writes "note" in katakana.
OUTLET_NAMES: dict[str, set[str]] = {
    "expapp": {"experience"},
    "lhpat-tm": {"特許業務法人ライトハウス国際特許事務所"},
    "note100yen": {"ノート100yen.com"},
}

_TOKEN = re.compile(r"\w+", re.UNICODE)
# second-level labels under which sites register (example.co.uk, example.com.au)
_SLD = {"co", "com", "org", "net", "ac", "gov", "ne", "or", "go"}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def token_f1(predicted: str, truth: str) -> float:
    pred, gold = Counter(tokens(predicted)), Counter(tokens(truth))
    if not pred or not gold:
        return float(not pred and not gold)
    common = sum((pred & gold).values())
    if not common:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def site_label(url: str) -> str:
    """The name part of a URL's registered domain: 'nytimes' for www.nytimes.com."""
    host = (urlparse(url).hostname or "").lower()
    parts = [p for p in host.split(".") if p]
    if len(parts) >= 3 and parts[-2] in _SLD and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else host


def _squash(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.lower())
    return re.sub(r"[\W_]", "", "".join(ch for ch in name if not unicodedata.combining(ch)))


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def outlet_right(predicted: str | None, url: str) -> bool:
    """Does ``predicted`` name the site at ``url``? (rules in the module docstring)"""
    if not predicted or not predicted.strip():
        return False
    label = site_label(url)
    if predicted.strip().lower() in OUTLET_NAMES.get(label, set()):
        return True
    label = _squash(label)
    name = _squash(predicted)
    if not name or not label:
        return False
    words = re.findall(r"\w+", predicted.lower())
    bare = [name, _squash(re.sub(r"^the\s+", "", predicted.strip().lower()))]
    labels = [label, label[3:] if label.startswith("the") and len(label) > 6 else label]
    for n in bare:
        for lab in labels:
            if n == lab or (len(lab) >= 4 and lab in n) or (len(n) >= 4 and n in lab):
                return True
    if label in words:  # "RT International" / rt.com
        return True
    initials = "".join(w[0] for w in words if w not in {"the", "of", "and"})
    if len(initials) >= 2 and initials == label:  # "Wall Street Journal" / wsj.com
        return True
    # a domain abbreviating the name in order: "Connecticut Post" / ctpost.com, "NBC 5 Dallas-Fort Worth" / nbcdfw
    for n in bare:
        if label[0] == n[0] and len(label) >= 4 and _subsequence(label, n) and len(label) >= 0.3 * len(n):
            return True
    # a shared stem of five letters or more: "Sputnik" / sputniknews.com
    common = max(len(os.path.commonprefix([n, label])) for n in bare)
    return common >= 5


@dataclass
class AebScore:
    pages: int = 0
    stored: int = 0
    tracebacks: int = 0
    text_f1: list[float] = field(default_factory=list)
    outlet_hits: int = 0
    published_found: int = 0
    seconds: float = 0.0
    misses: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        n = max(1, self.pages)
        return {
            "pages": self.pages, "stored": self.stored, "tracebacks": self.tracebacks,
            "text_f1": round(sum(self.text_f1) / n, 4),  # a page not stored scores 0
            "outlet": round(self.outlet_hits / n, 4), "published": round(self.published_found / n, 4),
            "seconds": round(self.seconds, 1),
        }


def evaluate_aeb(root: str | Path, limit: int | None = None) -> AebScore:
    """Ingest every AEB page under ``root`` (the ``html`` folder) and score it."""
    from sitrep.config import IngestOptions
    from sitrep.errors import SitrepError
    from sitrep.ingest.sources import iter_articles
    from sitrep.model import Failure

    root = Path(root)
    truth = json.loads((root / "aeb-ground-truth.json").read_text(encoding="utf-8"))
    score = AebScore()
    started = time.perf_counter()
    for n, (key, gold) in enumerate(sorted(truth.items())):
        if limit is not None and n >= limit:
            break
        path = root / "aeb" / f"{key}.html.gz"
        score.pages += 1
        miss: dict = {"id": key, "url": gold.get("url")}
        try:
            items = list(iter_articles([str(path)], IngestOptions()))
        except SitrepError as exc:
            items = [Failure(str(path), exc.stage, str(exc))]
        except Exception:  # noqa: BLE001 - counted: the target is zero
            score.tracebacks += 1
            miss["traceback"] = traceback.format_exc(limit=3)
            score.misses.append(miss)
            score.text_f1.append(0.0)
            continue
        article = next((i for i in items if not isinstance(i, Failure)), None)
        if article is None:
            miss["failure"] = "; ".join(i.reason for i in items)
            score.misses.append(miss)
            score.text_f1.append(0.0)
            continue
        score.stored += 1
        f1 = token_f1(article.text, gold.get("articleBody") or "")
        score.text_f1.append(f1)
        right = outlet_right(article.outlet, gold.get("url") or "")
        score.outlet_hits += right
        score.published_found += bool(article.published)
        if not right or not article.published or f1 < 0.8:
            miss.update(outlet=article.outlet, published=article.published, f1=round(f1, 3))
            score.misses.append(miss)
    score.seconds = time.perf_counter() - started
    return score


def read_page(root: str | Path, key: str) -> str:
    """The raw HTML of one page (for looking at a miss)."""
    return gzip.decompress((Path(root) / "aeb" / f"{key}.html.gz").read_bytes()).decode("utf-8", "replace")
