"""spaCy's attribute ruler, read from a table: the same attributes set, at a fraction of the cost.

The English model's ``attribute_ruler`` sets each token's part of speech and morphology from its
tag (with exceptions by word and dependency: "is" -> lemma "be", "that" as a pronoun, ...). It
runs spaCy's general pattern matcher over every token, about a fifth of the parse stage's time.
Its patterns here are all one or two tokens long, each token tested on its tag, lowercase form,
dependency and whether it is a space: whether a token meets a test depends only on those four
values, so the tests are worked out once for each combination seen and kept.

The result is the ruler's by construction: the same matches (every pattern at every position),
applied in the same order (by pattern number, later ones overriding earlier ones), and the
attributes read as they were before any was set. A pattern of another shape (a quantifier, an
attribute or operator not read here) leaves the model's own ruler in place.
"""

from __future__ import annotations

import re
from typing import Any

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
_SETTABLE = ("POS", "TAG", "DEP", "LEMMA", "MORPH")
_MAX_KEYS = 200_000  # combinations kept; past that the table starts again (bounded memory)


class AttributeTable:
    """A spaCy pipeline component doing what ``ruler`` (an AttributeRuler) does to each Doc."""

    def __init__(self, ruler: Any):
        from spacy import attrs
        from spacy.tokens import MorphAnalysis

        strings = ruler.vocab.strings
        self._tests: list[tuple[str, str, Any]] = []  # (attribute, operator, value): one per distinct test
        index: dict[tuple, int] = {}
        # (test per token, the token set, attributes, pattern number)
        self._rules: list[tuple[list[int], int, dict[str, Any], int]] = []
        names = {getattr(attrs, name): name for name in _SETTABLE}
        for number, entry in enumerate(ruler.patterns):
            attributes = {names[a]: value for a, value in ruler.attrs[number].items()} \
                if set(ruler.attrs[number]) <= set(names) else None
            if attributes is None:
                raise ValueError(f"attribute ruler sets {ruler.attrs[number]}: not read here")
            for pattern in entry["patterns"]:
                tokens = []
                for token in pattern:
                    key = tuple(sorted((a, _canonical(v)) for a, v in token.items()))
                    if key not in index:
                        index[key] = len(self._tests)
                        self._tests.append(_compile(token, strings))
                    tokens.append(index[key])
                at = entry.get("index", 0)
                if not tokens or not -len(tokens) <= at < len(tokens):
                    raise ValueError(f"pattern {pattern} with index {at}: not read here")
                self._rules.append((tokens, at % len(tokens), attributes, number))
        self._rules.sort(key=lambda rule: rule[3])
        self._single: dict[int, list[int]] = {}  # test -> rules of one token with that test
        self._multi: list[int] = []
        for r, (tokens, _at, _attributes, _number) in enumerate(self._rules):
            if len(tokens) == 1:
                self._single.setdefault(tokens[0], []).append(r)
            else:
                self._multi.append(r)
        self._met: dict[tuple, tuple[frozenset[int], tuple[int, ...]]] = {}
        # a test naming one lowercase form is tried only on that form; the tests that do not read the
        # form are worked out once per (tag, dependency, space)
        self._by_lower: dict[int, list[int]] = {}
        self._other_lower: list[int] = []  # tests reading the form by a set or a pattern
        self._formless: list[int] = []
        for i, test in enumerate(self._tests):
            lower = [(op, value) for attr, op, value in test if attr == "LOWER"]
            if not lower:
                self._formless.append(i)
            elif lower[0][0] == "==":
                self._by_lower.setdefault(lower[0][1], []).append(i)
            else:
                self._other_lower.append(i)
        self._base: dict[tuple, frozenset[int]] = {}
        self._morphs = {attributes["MORPH"]: MorphAnalysis.from_id(ruler.vocab, attributes["MORPH"])
                        for _tokens, _at, attributes, _number in self._rules if "MORPH" in attributes}

    def _meets(self, token: Any) -> tuple[frozenset[int], tuple[int, ...]]:
        """The tests ``token`` meets, and the one-token rules it matches (by number)."""
        key = (token.tag, token.lower, token.dep, token.is_space)
        hit = self._met.get(key)
        if hit is None:
            values = {"TAG": token.tag, "LOWER": token.lower, "DEP": token.dep, "IS_SPACE": token.is_space}
            text = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_}
            base_key = (token.tag, token.dep, token.is_space)
            base = self._base.get(base_key)
            if base is None:
                base = self._base[base_key] = frozenset(i for i in self._formless if _passes(self._tests[i], values, text))
            met = base | frozenset(i for i in (*self._by_lower.get(token.lower, ()), *self._other_lower)
                                   if _passes(self._tests[i], values, text))
            rules = tuple(sorted(r for t in met for r in self._single.get(t, ())))
            if len(self._met) >= _MAX_KEYS:
                self._met.clear()
            hit = self._met[key] = (met, rules)
        return hit

    def __call__(self, doc: Any) -> Any:
        tokens = list(doc)
        met = [self._meets(token) for token in tokens]
        # (pattern number, start, end, rule, token set): applied in the ruler's order, sorted as it sorts
        matches = [(self._rules[r][3], i, i + 1, r, i) for i, (_tests, rules) in enumerate(met) for r in rules]
        for r in self._multi:
            wanted, at, _attributes, number = self._rules[r]
            span = len(wanted)
            for start in range(len(tokens) - span + 1):
                if all(wanted[k] in met[start + k][0] for k in range(span)):
                    matches.append((number, start, start + span, r, start + at))
        matches.sort()
        for _number, _start, _end, r, i in matches:
            token = tokens[i]
            for name, value in self._rules[r][2].items():
                if name == "POS":
                    token.pos = value
                elif name == "TAG":
                    token.tag = value
                elif name == "DEP":
                    token.dep = value
                elif name == "LEMMA":
                    token.lemma = value
                else:  # the analysis itself, made once: set_morph would read its string again
                    token.morph = self._morphs[value]
        return doc


def _canonical(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((op, tuple(v) if isinstance(v, list) else v) for op, v in value.items()))
    return value


def _compile(token: dict, strings: Any) -> list[tuple[str, str, Any]]:
    """One token's pattern as (attribute, operator, value) tests, on spaCy's string ids."""
    tests = []
    for attr, value in token.items():
        if attr not in _ATTRS:
            raise ValueError(f"pattern attribute {attr}: not read here")
        if attr == "IS_SPACE":
            if not isinstance(value, bool):
                raise ValueError(f"IS_SPACE {value!r}: not read here")
            tests.append((attr, "==", value))
        elif isinstance(value, str):
            tests.append((attr, "==", strings[value]))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN"):
            op, items = next(iter(value.items()))
            tests.append((attr, op, frozenset(strings[v] for v in items)))
        elif isinstance(value, dict) and set(value) == {"REGEX"}:
            tests.append((attr, "REGEX", re.compile(value["REGEX"])))
        else:
            raise ValueError(f"pattern {attr}: {value!r}: not read here")
    return tests


def _passes(test: list[tuple[str, str, Any]], values: dict, text: dict) -> bool:
    for attr, op, value in test:
        if op == "==":
            ok = values[attr] == value
        elif op == "IN":
            ok = values[attr] in value
        elif op == "NOT_IN":
            ok = values[attr] not in value
        else:  # the matcher's REGEX: a search in the attribute's string
            ok = value.search(text[attr]) is not None
        if not ok:
            return False
    return True


def use_attribute_table(nlp: Any) -> bool:
    """Put an AttributeTable in place of ``nlp``'s attribute ruler; False (the ruler kept) if its
    patterns hold something the table does not read."""
    from spacy.language import Language

    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if isinstance(ruler, AttributeTable):
        return True
    try:
        table = AttributeTable(ruler)
    except (ValueError, KeyError):
        return False
    at = nlp.pipe_names.index("attribute_ruler")
    Language.component("sitrep_attribute_table", func=table)
    nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe("sitrep_attribute_table", name="attribute_ruler", before=at) if at < len(nlp.pipe_names) \
        else nlp.add_pipe("sitrep_attribute_table", name="attribute_ruler")
    return True
