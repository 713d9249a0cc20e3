"""spaCy integration: ``nlp.add_pipe("sitrep_events")`` puts event records on ``doc._.events``.

The component runs sitrep's own stages on ``doc.text`` (they need no spaCy annotations) and
stores the records as dicts. ``doc.spans["sitrep_actors"]`` and ``doc.spans["sitrep_places"]``
hold the actor and place mentions it found, aligned to spaCy tokens where possible.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sitrep.model import Article
from sitrep.pipeline import default_pipeline

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


class SitrepEvents:
    def __init__(self, published: str | None = None):
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        published = doc.user_data.get("published", self.published)
        title = doc.user_data.get("title")
        result = default_pipeline().run(Article(text=doc.text, published=published, title=title))
        doc._.events = [m.to_dict() for m in result.mentions]
        doc.spans["sitrep_actors"] = [
            s for a in result.actors
            if (s := doc.char_span(a.start, a.end, label=a.actor.id, alignment_mode="expand")) is not None
        ]
        doc.spans["sitrep_places"] = [
            s for p in result.places
            if (s := doc.char_span(p.start, p.end, label=p.place.precision, alignment_mode="expand")) is not None
        ]
        return doc


@Language.factory("sitrep_events", default_config={"published": None})
def make_sitrep_events(nlp: Language, name: str, published: str | None) -> SitrepEvents:  # noqa: ARG001
    return SitrepEvents(published)
