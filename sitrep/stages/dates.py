"""Stage: date expressions resolved against the publication date."""

from __future__ import annotations

from sitrep.resolve.dates import find_dates
from sitrep.stages.doc import Doc


def find_doc_dates(doc: Doc) -> Doc:
    dates = find_dates(doc.text, doc.article.published)
    # the dateline is the publication date, not an event date
    head = doc.sentences[0].end if doc.sentences else 0
    doc.dates = [d for d in dates if not (d.start < min(head, 60) and d.value == doc.article.published)]
    return doc
