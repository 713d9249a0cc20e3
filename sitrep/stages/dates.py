"""Stage: date expressions resolved against the publication date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sitrep.resolve.dates import find_dates
from sitrep.stages.doc import Doc

# "on Tuesday raised the toll from strikes ... the previous day": a day before the day the sentence
# has just named, not before the publication
_DAY_BEFORE = re.compile(r"(?:the previous day|the day before|a day earlier)", re.I)


def find_doc_dates(doc: Doc) -> Doc:
    dates = find_dates(doc.text, doc.article.published)
    # the dateline is the publication date, not an event date
    head = doc.sentences[0].end if doc.sentences else 0
    dates = [d for d in dates if not (d.start < min(head, 60) and d.value == doc.article.published)]
    for i, d in enumerate(dates):
        if not _DAY_BEFORE.fullmatch(d.text):
            continue
        sentence = next((s for s in doc.sentences if s.start <= d.start < s.end), None)
        anchor = next((e for e in reversed(dates[:i]) if sentence is not None and e.start >= sentence.start
                       and e.precision == "day" and not _DAY_BEFORE.fullmatch(e.text)), None)
        if anchor is not None:
            day = date.fromisoformat(anchor.value) - timedelta(days=1)
            dates[i] = replace(d, value=day.isoformat())
    doc.dates = dates
    return doc
