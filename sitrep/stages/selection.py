"""Selection: which mentions of an article stand as records (one per sentence, denials folded into
the act they deny, an act named again dropped) and how salient each is.
"""

from __future__ import annotations

from datetime import date

from sitrep import lexicon
from sitrep.model import Claim, EventMention
from sitrep.stages import salience
from sitrep.stages.corefer import DEED_NOUNS, turns_to_other
from sitrep.stages.doc import Doc, Sentence
from sitrep.stages.parse import depth, left_edge, predicate, token_at, trigger_modifier
from sitrep.stages.realis import OWN_ACTS, TYPE_RANK, trigger_token

SALIENCE_MIN_SENTENCES = 3
LEAD_SENTENCES = 3  # the lead: the first sentences of the body (a dateline or a subtitle may come first)
FALLBACK_SHARE = 0.75  # how likely, against the bar, an article's likeliest candidate must be to stand alone


def weigh(doc: Doc, anchors: dict[int, int]) -> None:
    """Keep the candidates the salience model judges to be recordable events (its probability is
    kept on each record as ``salience``). Historical records are kept as such (never scored)."""
    candidates = [(m, salience.features(doc, m, anchors.get(id(m)))) for m in doc.mentions]
    doc.extra["candidates"] = candidates
    # a text of a sentence or two is coded as given (a sentence to code, a headline); the model
    # chooses among the candidates of an article
    if doc.extra.get("keep_all") or len(doc.sentences) < SALIENCE_MIN_SENTENCES:
        return
    cut = salience.threshold()
    kept = []
    for m, feats in candidates:
        p = salience.score(feats)
        m.salience = round(p, 3)
        if m.historical or p >= cut:
            kept.append(m)
    current = [m for m, _f in candidates if not m.historical]
    lead = _headline_lead(doc, current, kept, cut)
    if lead is not None:
        kept.append(lead)
    kept += _further_incidents(doc, candidates, kept, anchors, cut)
    kept += _directed_acts(doc, candidates, kept, anchors, cut)
    kept.sort(key=lambda m: m.sentences[0])
    if current and all(m.historical for m in kept):
        # a report is written about something that happened: its likeliest candidate stands when it
        # is nearly as likely as the bar (FALLBACK_SHARE), rather than an article with no event at all
        best = max(current, key=lambda m: m.salience or 0.0)
        if (best.salience or 0.0) >= cut * FALLBACK_SHARE:
            kept.append(best)
            kept.sort(key=lambda m: m.sentences[0])
    doc.mentions = kept


_FAMILY = {"ASSAULT": "violent", "COERCE": "violent", "PROTEST": "protest"}
_DEEDS = frozenset({"CONCEDE"})  # verbal in PLOVER's families, but acts done to people
_TITLE_ACT_WEIGHT = 0.55  # a trigger word this sure of its type tells an act by itself (as the events stage reads one)


def _family(event_type: str) -> str:
    return _FAMILY.get(event_type, "verbal")


def _title_acts(doc: Doc) -> set[str]:
    """The types of the acts the headline tells (its trigger words sure enough to stand alone)."""
    title = doc.extra.get("title")
    if title is None:
        return set()
    acts = set()
    for t in title.triggers:
        if t.weight < _TITLE_ACT_WEIGHT or t.type == "NOT_EVENT":
            continue
        at = next((s.index for s in title.sentences if s.start <= t.start < s.end), None)
        if at is None or not trigger_modifier(title, at, t):  # "free jailed JWs": who they are, not an act told
            acts.add(t.type)
    return acts


def _headline_lead(doc: Doc, current: list[EventMention], kept: list[EventMention], cut: float) -> EventMention | None:
    """The lead's act of the kind the headline tells, when salience dropped it: an article is written
    about the event its headline and its lead both tell ("Journalist detained in ..." over "Police
    detained the reporter on Monday ..."), so that act stands when it is nearly as likely as the bar."""
    told = {_family(k.type) for k in kept if not k.historical and k.sentences[0] < LEAD_SENTENCES}
    # an attack or a coercion: a statement in the headline is as often a reaction to the event as the event
    titled = _title_acts(doc)
    acts = {_family(t) for t in titled} - told - {"verbal", "protest"}
    # a release, pardon or commutation is a deed done to people, not a reaction: the headline that
    # tells one ("Governor Commutes Sentences") tells the lead's act of that type
    deeds = (titled & _DEEDS) - {k.type for k in kept if not k.historical}
    lead = [m for m in current if m.sentences[0] < LEAD_SENTENCES and (_family(m.type) in acts or m.type in deeds)]
    if not lead:
        return None
    best = max(lead, key=lambda m: m.salience or 0.0)
    return best if (best.salience or 0.0) >= cut * FALLBACK_SHARE else None


_FURTHER_MARKS = frozenset({"another", "separate", "further", "second", "new"})


def _further_incidents(doc: Doc, candidates: list, kept: list[EventMention], anchors: dict[int, int],
                       cut: float) -> list[EventMention]:
    """Attacks the body tells as further incidents ("Terrorists also shelled the village", "Airstrikes
    were also reported in Homs", "Meanwhile, a rocket hit ...", a shelling of a town no kept record
    names): an addition to the account is an event
    of its own, kept when it is nearly as likely as the bar (FALLBACK_SHARE) and told as fact by the
    sentence itself (not inside someone's words), outside a quotation, in a sentence no kept record tells."""
    told = {k.sentences[0] for k in kept}
    places = {k.location.name for k in kept if k.location is not None}  # the towns kept records name
    found = []
    for m, feats in candidates:
        first = m.sentences[0]
        if m.historical or m.type != "ASSAULT" or first < LEAD_SENTENCES or first in told \
                or (m.salience or 0.0) < cut * FALLBACK_SHARE or feats["in_quote"] or feats["quote_sentence"] \
                or not feats["mood_actual"] or not feats["depth0"]:
            continue  # "Meanwhile the monitor said dozens were killed": another source's account, maybe of the same attack
        token = trigger_token(doc, m, anchors)
        if token is None:
            continue
        # "also" said of the act's own verb (not "but also illegal"), "another raid", "a separate attack"
        also = any(c.dep_ == "advmod" and c.lower_ == "also" for c in predicate(token).children)
        other = any(c.lower_ in _FURTHER_MARKS for c in token.children)
        # an attack on a town no kept record names (nor one told with only a month: background)
        own_place = m.location is not None and m.location.precision in ("city", "point") and m.location.name not in places \
            and not (m.date is not None and m.date.basis == "text" and m.date.precision != "day")
        if also or other or own_place or turns_to_other(doc.sentences[first].text):
            found.append(m)
            told.add(first)
            if m.location is not None:
                places.add(m.location.name)
    return found


def _said_by_own_subject(token) -> bool:  # noqa: ANN001 - a spaCy token
    """The verb's own clause names who acts (not "an appeal from the mayor urging traders to"), and it is
    no pluperfect ("the police had urged the traders to"): an act told before the story's own time.
    "lamented the attacks and called on ...": a second verb shares the first one's subject."""
    verbs = [token, token.head] if token.dep_ == "conj" else [token]
    own_subject = any(c.dep_ == "nsubj" for v in verbs for c in v.children)
    pluperfect = any(c.dep_ == "aux" and c.lower_ == "had" for v in verbs for c in v.children)
    return own_subject and not pluperfect


def _to_infinitive(token, deps: tuple[str, ...]) -> bool:  # noqa: ANN001 - a spaCy token
    return any(c.dep_ in deps and c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in token.children)


def _addressee_and_content(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"called on the government to release", "urged the council to reopen": a demand verb with the party it is
    made of (its object, or "on" whom it calls) and what that party is to do (an infinitive)."""
    addressee = any(c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and c.lower_ == "on"
                    and any(o.dep_ == "pobj" for o in c.children) for c in token.children)
    # the parser hangs "to release" on the verb as its complement or as a clause of purpose
    return addressee and _to_infinitive(token, ("xcomp", "advcl")) and _said_by_own_subject(token)


def _vowed_act(token) -> bool:  # noqa: ANN001 - a spaCy token
    """"the gang threatened to kill the hostages", "the chief has promised to eliminate all traitors": a threat
    verb with the act it announces (an infinitive)."""
    return _to_infinitive(token, ("xcomp",)) and _said_by_own_subject(token)


# a statement made of or against another party, with what it asks or announces (a demand, a threat), and a
# movement of forces told by its own verb ("the army dispatched troops to the border", "the troops are
# advancing toward the city"): each an event of its own (PROTOCOL)
_DIRECTED = {"REQUEST": _addressee_and_content, "THREATEN": _vowed_act, "MOBILIZE": _said_by_own_subject}


def _directed_acts(doc: Doc, candidates: list, kept: list[EventMention], anchors: dict[int, int],
                   cut: float) -> list[EventMention]:
    """Demands made of another party ("Lawyers are calling on the court to free the reporters", "the
    mayor condemned the raid and urged the army to protect the market"), threats with the act they announce
    and movements of forces (see _DIRECTED): an act between two distinct actors is
    an event of its own (PROTOCOL), kept when it is nearly as likely as the bar (FALLBACK_SHARE), told
    as fact by the sentence's own verb (not inside a quotation or a clause describing someone), in a
    sentence no kept record tells."""
    told = {k.sentences[0] for k in kept}
    found = []
    for m, feats in candidates:
        first = m.sentences[0]
        # the party making the demand, threat or move is one the actors stage knows (two distinct actors), not "the man"
        if m.historical or m.type not in _DIRECTED or m.actor1 is None or first in told \
                or (m.salience or 0.0) < cut * FALLBACK_SHARE \
                or feats["in_quote"] or feats["quote_sentence"] or feats["side_clause"] or not feats["mood_actual"]:
            continue
        token = trigger_token(doc, m, anchors)
        if token is None or token.pos_ != "VERB" or not _DIRECTED[m.type](token):
            continue
        found.append(m)
        told.add(first)
    return found


def _censure_of_kind(doc: Doc, act: EventMention, group: list[EventMention], anchors: dict[int, int]) -> EventMention | None:
    """The accusation of the sentence whose verb governs ``act`` when ``act`` is a bare noun (no
    article, possessor, number or name: "alleged torture", "arbitrary arrests"; not "Mugabe's arrest",
    "the Ndlovu abduction")."""
    token = trigger_token(doc, act, anchors)
    if token is None or token.pos_ != "NOUN" or any(c.dep_ in ("det", "poss", "nummod") or c.dep_ == "compound"
                                                    and c.pos_ == "PROPN" for c in token.children):
        return None
    head = predicate(token)
    return next((m for m in group if m.type == "ACCUSE" and (t := trigger_token(doc, m, anchors)) is not None
                 and t.i == head.i), None)


_CONTRAST_MARKS = frozenset(lexicon.contrast_marks())

_REPORT_NOUNS = {"reports", "report", "allegations", "allegation", "claims", "claim", "accusations", "accusation"}
# "denied the governor's involvement": a part in the incident, denied for its doer
_PART_NOUNS = {"involvement", "role", "responsibility", "complicity"}
_REJECTIONS = frozenset(lexicon.speech_verb_set("rejection"))


def fold_denials(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """"The ministry denied the reports", "the government has denied those allegations" after an
    attack is told: a denial of that incident is its attribute (PROTOCOL), not an event of its own.
    A rejection of someone's words ("rejected the minister's accusations") stays an event."""
    out: list[EventMention] = []
    for m in mentions:
        if m.type == "ACCUSE" and _bare_blame(doc, m, anchors) \
                and any(p.type in ("ASSAULT", "COERCE") and not p.historical for p in out):
            continue  # "The opposition accused Russia." after an attack: blame for it, its attribute (PROTOCOL)
        if m.type == "ACCUSE" and _condemned_again(doc, m, anchors) \
                and any(p.type in ("ASSAULT", "COERCE") and not p.historical
                        and 0 < m.sentences[0] - p.sentences[-1] <= 2 for p in out):
            # "The coalition condemned this heinous crime." just after an attack: a reaction, its attribute (PROTOCOL)
            continue
        token = trigger_token(doc, m, anchors) if m.type == "REJECT" and m.actor1 is not None else None
        if token is not None:
            # the incident or the accusation told last: "has denied the accusation" after "X accused Y"
            target = next((p for p in reversed(out) if p.type in ("ASSAULT", "COERCE", "ACCUSE") and not p.historical), None)
            objects = [c for c in predicate(token).children if c.dep_ == "dobj" and c.lower_ in _REPORT_NOUNS | _PART_NOUNS]
            # "denied the reports", "denied the governor's involvement": what was told of the incident
            if target is not None and target.type == "ACCUSE" and predicate(token).lower_ in _REJECTIONS \
                    and not _same_party(m.actor1, target.actor1):
                # "the ministry rejected these allegations" after another party's accusation: a rejection
                # between two parties, an event of its own (PROTOCOL); a denial of a deed stays its attribute
                if m.actor2 is None and target.actor1 is not None and target.actor1.name:
                    m.actor2 = target.actor1
                out.append(m)
                continue
            if target is not None and objects and any(c.dep_ == "det" and c.lower_ in ("the", "those", "these", "such")
                                                      or c.dep_ == "poss" and objects[0].lower_ in _PART_NOUNS
                                                      for c in objects[0].children):
                target.denials.append(Claim(by=m.actor1.label, source=m.actor1.name, modality="denied",
                                            evidence=m.evidence))
                continue
        out.append(m)
    return out


def _same_party(a, b) -> bool:  # noqa: ANN001 - two Actors or None
    """Two actors that are one party (by id, else by name)."""
    return a is not None and b is not None and (a.id == b.id if a.id and b.id else a.name == b.name)


def _bare_blame(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """An accusation verb with whom it blames and nothing of what for ("accused Russia, Assad's backer")."""
    token = trigger_token(doc, m, anchors)
    return token is not None and token.pos_ == "VERB" and any(c.dep_ == "dobj" for c in token.children) and not any(
        t.dep_ in ("prep", "agent", "ccomp", "xcomp", "advcl", "pcomp", "relcl", "acl") for t in token.subtree if t.i != token.i)


_POINTING_BACK = {"this", "that"}


def _condemned_again(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """An accusation verb whose object is one deed pointed back to ("condemned this heinous crime against
    schoolchildren", "denounced that attack"): a reaction to an incident just told. Not deeds described
    anew ("the crimes committed by the regime and its allies"), nor a sentence that also calls for something
    (a demand is an event of its own)."""
    token = trigger_token(doc, m, anchors)
    if token is None or token.pos_ != "VERB" or any(c.dep_ in ("conj", "xcomp") for c in token.children):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in DEED_NOUNS and c.tag_ == "NN"
               and any(d.dep_ == "det" and d.lower_ in _POINTING_BACK for d in c.children)
               and not any(d.dep_ == "relcl" or d.dep_ == "acl" and not _speakers_participle(doc, m, d)
                           for d in c.children) for c in token.children)


def _speakers_participle(doc: Doc, m: EventMention, token) -> bool:  # noqa: ANN001 - a spaCy token
    """An "-ing" participle the parser hangs on the condemned deed that goes on with what the speaker
    does ("condemned this crime, holding the council responsible"), not a demand ("..., calling for a
    probe": an event of its own) nor a deed described anew ("this crime committed by ...")."""
    if token.tag_ != "VBG":
        return False
    sentence = doc.sentences[m.sentences[0]]
    return not any(t.type == "REQUEST" and (at := token_at(doc, sentence.index, t.start)) is not None
                   and (at.i == token.i or at.head.i == token.i)
                   for t in doc.in_sentence(doc.triggers, sentence))


def drop_named_again(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """"The unjust arrest today reveals ...", "The protest drew thousands": an arrest, protest or
    statement named again with "the" as the subject of what it caused or showed, after a record of
    its kind, is that record's act, not a new one (attacks named again are merged instead)."""
    out: list[EventMention] = []
    for m in mentions:
        token = trigger_token(doc, m, anchors)
        if m.type != "ASSAULT" and token is not None and not m.casualties and token.dep_ in ("nsubj", "nsubjpass") \
                and _definite(doc, m, anchors) \
                and any(p.type == m.type and not p.historical for p in out):
            continue
        out.append(m)
    return out


def _possessed(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """A noun trigger with a possessor ("Keita's detention", "their arrest")."""
    token = trigger_token(doc, m, anchors)
    return token is not None and token.pos_ == "NOUN" and any(c.dep_ == "poss" for c in token.children)


def _definite(doc: Doc, m: EventMention, anchors: dict[int, int]) -> bool:
    """A noun trigger with "the"/"this"/"that" ("covering the protest"): the act named again."""
    token = trigger_token(doc, m, anchors)
    return token is not None and token.pos_ == "NOUN" and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children)


def _contrast_clause(p, governor) -> bool:  # noqa: ANN001 - spaCy tokens
    """Whether predicate ``p`` heads a "while"/"whereas" clause with its own subject, outside ``governor``'s
    clause (wherever the parser hangs it: on that clause or on a speech verb above both)."""
    return (p.dep_ == "advcl" and p.i != governor.i and p.pos_ in ("VERB", "AUX")
            and not any(a.i == p.i for a in governor.ancestors)
            and any(c.dep_ == "mark" and c.lower_ in _CONTRAST_MARKS for c in p.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in p.children))


# acts that happen at a place: two of one kind told in one sentence at two places are two events
_PLACED_ACTS = frozenset({"ASSAULT", "COERCE", "PROTEST"})


def contrasted_places(doc: Doc, sentence: Sentence, etype: str, group: list) -> list[tuple[list, list | None]]:
    """A sentence's trigger words of one kind, split in two when one of them heads a "while"/"whereas"
    clause with its own subject and its own place ("14 leaders were put under house arrest in X, while
    in Y some workers were arrested"): an act of the same kind somewhere else, not the first one told
    again. Each part comes with the places of its own clause (None: the words stay one group, one act of
    the sentence, placed as any)."""
    if etype not in _PLACED_ACTS or len(group) < 2:
        return [(group, None)]
    parsed = doc.extra.get("parses", {}).get(sentence.index)
    if not parsed:
        return [(group, None)]
    tokens = [token_at(doc, sentence.index, t.start) for t in group]
    places = doc.in_sentence(doc.places, sentence)
    for tok in tokens:
        if tok is None:
            continue
        p = predicate(tok)
        others = [o for o in tokens if o is not None and o is not tok and predicate(o).i != p.i]
        if not others or not all(_contrast_clause(p, predicate(o)) for o in others):
            continue
        lo, hi = sentence.start + left_edge(p).idx, sentence.start + p.right_edge.idx + len(p.right_edge)
        inside = [x for x in places if lo <= x.start < hi]
        outside = [x for x in places if not lo <= x.start < hi]
        if not inside or not outside or {x.place.name for x in inside} & {x.place.name for x in outside}:
            continue
        part = [x for x in group if lo <= x.start < hi]
        rest = [x for x in group if not lo <= x.start < hi]
        if part and rest:
            return [(rest, outside), (part, inside)]
    return [(group, None)]


_RELEASE_WORDS = frozenset(lexicon.release_words())


def _set_free(doc: Doc, release: EventMention, m: EventMention, anchors: dict[int, int]) -> bool:
    """"released 12 hostages", "freed the abducted girls", "told the gang to free the hostages": a captivity
    named as the object of a release (done or demanded)."""
    freeing = release.type == "CONCEDE" and release.mode == "release" or (
        release.type == "REQUEST" and (release.trigger or "").lower() in _RELEASE_WORDS)
    if not freeing or m.type != "ASSAULT" or m.mode != "abduct":
        return False
    token, verb = trigger_token(doc, m, anchors), trigger_token(doc, release, anchors)
    return token is not None and verb is not None and token.i != verb.i and (
        token.head.i == verb.i or any(a.i == verb.i for a in token.ancestors) and token.dep_ in ("amod", "compound"))


RELEASE_FOLD_DAYS = 3  # a release within this many days of the capture (either way: a day assumed from the
# publication may fall after the release told) is the end of that captivity


def fold_releases(doc: Doc) -> None:
    """"Police detained the editor on Saturday ... his lawyer said he had been released on Sunday", "workers
    held the managers for 12 hours ... the managers were released at 10 pm": people let go within days of a
    capture the article records as current are the end of that capture (one occurrence), not a concession
    of their own. A release on bail or by a court's ruling is the court's act ("granted bail", "acquitted"), and a
    release of people taken long before (their capture background) stands as the event."""
    captures = [m for m in doc.mentions if not m.historical and m.date is not None and m.date.precision == "day"
                and (m.type, m.mode) in (("COERCE", "arrest"), ("ASSAULT", "abduct"))]
    if not captures:
        return
    kept = []
    for m in doc.mentions:
        if m.type == "CONCEDE" and m.mode == "release" and not m.historical and (m.trigger or "").lower() in _RELEASE_WORDS \
                and m.date is not None and m.date.precision == "day" \
                and "bail" not in doc.sentences[m.sentences[0]].text.lower() \
                and any(c.sentences[0] < m.sentences[0] and abs(_days(c.date.value, m.date.value)) <= RELEASE_FOLD_DAYS
                        for c in captures):
            continue
        kept.append(m)
    doc.mentions = kept


def _days(start: str, end: str) -> int:
    try:
        return (date.fromisoformat(end[:10]) - date.fromisoformat(start[:10])).days
    except ValueError:
        return RELEASE_FOLD_DAYS + 1


def _offence_of(doc: Doc, act: EventMention, m: EventMention, anchors: dict[int, int]) -> bool:
    """"charged with organising protests", "jailed for taking part in a rally": the protest a legal act
    names is the offence charged, not a protest the sentence tells."""
    if act.type != "COERCE" or act.mode != "legal":
        return False
    token, legal = trigger_token(doc, m, anchors), trigger_token(doc, act, anchors)
    return token is not None and legal is not None and any(a.i == legal.i for a in token.ancestors)


# acts between two parties that stay events when what they concern is an attack told in their sentence
_ABOUT_ACTS = frozenset({"CONSULT", "REQUEST", "THREATEN", "AGREE", "SUPPORT"})


def _as_demand(doc: Doc, censure: EventMention, anchors: dict[int, int]) -> None:
    """Retype a censure to the demand told in a participle hung on its verb ("condemned ..., calling for",
    "denounced ..., urging"): one statement, whose act is what it asks."""
    verb = trigger_token(doc, censure, anchors)
    if verb is None:
        return
    head = predicate(verb)
    sentence = doc.sentences[censure.sentences[0]]
    for t in doc.in_sentence(doc.triggers, sentence):
        token = token_at(doc, sentence.index, t.start)
        if t.type == "REQUEST" and token is not None and token.tag_ == "VBG" \
                and token.dep_ in ("advcl", "xcomp", "conj") and token.head.i == head.i:
            censure.type, censure.mode, censure.trigger, censure.cameo = "REQUEST", t.mode, t.text, t.cameo
            censure.acled = {"event_type": t.acled[0], "sub_event_type": t.acled[1]}
            anchors[id(censure)] = t.start
            return


def one_per_sentence(doc: Doc, mentions: list[EventMention], anchors: dict[int, int]) -> list[EventMention]:
    """One event per sentence: a sentence reports one occurrence; the other trigger words in it
    describe that occurrence ("condemned the strike", "called for an end to the shelling").
    The governing event is the one whose predicate stands highest in the parse; a reaction
    (condemning, accusing) yields to the violence it reacts to when that has a toll."""
    by_sentence: dict[int, list[EventMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentences[0], []).append(m)

    def acted(m: EventMention) -> bool:  # not a participle describing someone ("jailed mother")
        token = trigger_token(doc, m, anchors)
        # "relatives of a man sentenced to death when he was a minor": a participle after the noun,
        # with no doer of its own, says who the person is (one "detained by police" is an act told)
        return token is not None and token.dep_ != "amod" and not (
            token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children))

    def named_by(m: EventMention) -> bool:  # people named by what was done to them ("17 abducted members")
        token = trigger_token(doc, m, anchors)
        return token is not None and token.dep_ == "amod" and (token.tag_ == "VBN" or token.lower_.endswith("ed"))

    kept: list[EventMention] = []
    for group in by_sentence.values():
        if len(group) == 1:
            if group[0].type == "ACCUSE":
                _as_demand(doc, group[0], anchors)  # "condemned ..., calling for ...": see below
            kept.append(group[0])
            continue

        reaction = any(m.type == "ACCUSE" for m in group)

        def height(m: EventMention, reaction: bool = reaction) -> int:
            token = trigger_token(doc, m, anchors)
            if token is None:
                return 9
            if token.dep_ in ("aux", "neg") and token.head.i != token.i:
                token = token.head  # "will not accept": a phrase opening on an auxiliary stands where its verb does
            # "the abducted missionaries have been freed": a participle describing a noun is not the act
            # "As word of Keita's detention spread, thousands filled the streets": an act named by whose
            # it was is one told before, below the act the sentence tells (a reaction to it stays its attribute)
            named_again = token.pos_ == "NOUN" and not m.casualties and not reaction \
                and any(c.dep_ == "poss" for c in token.children)
            return depth(predicate(token)) + (token.dep_ == "amod" and token.tag_ == "VBN") + named_again

        tolled = [m for m in group if m.type in TYPE_RANK and m.casualties and not named_by(m)]
        # an act told as background (the crime someone was arrested for) does not stand over the act the
        # sentence tells as current (the arrest)
        best = min(group, key=lambda m: (m.historical, height(m), TYPE_RANK.get(m.type, 3), -m.confidence))
        # "the rebels released 12 hostages": the captives a release sets free name whom it concerns; their
        # capture is not a second act of the sentence, and their count is no toll standing over the release
        best = next((m for m in group if _set_free(doc, m, best, anchors)), best)
        tolled = [m for m in tolled if not _set_free(doc, best, m, anchors)]
        if tolled and best.type not in TYPE_RANK and best.type not in OWN_ACTS:
            best = tolled[0]
        if best.type in ("ASSAULT", "COERCE") and not best.casualties:
            # "voiced concern at alleged torture and unlawful detentions": acts named as a kind, with no
            # article or number, are what the censure is about; the censure is the sentence's event
            censure = _censure_of_kind(doc, best, group, anchors)
            best = censure or best
        if best.type == "ACCUSE":
            # "condemned the detention, calling for the managers to be freed": a participle after the
            # condemnation tells what the one statement asks; the demand is its act, the censure its ground
            _as_demand(doc, best, anchors)
        if best.type == "REQUEST" and (best.trigger or "").lower().startswith("order"):
            # "ordered the arrest of", "ordered the bishop to appear for questioning": the order is the coercion
            best = next((m for m in group if m.type == "COERCE"), best)
        kept.append(best)
        # "police arrested 14 protesters who marched in Lagos": the protest and its policing are
        # two events of one sentence
        pair = {"PROTEST": ("COERCE",), "COERCE": ("PROTEST",)}.get(best.type, ())
        # "As word of Keita's detention spread, thousands filled the streets": an act named by whose it
        # was is one told before, not a second act of this sentence
        partner = next((m for m in group if m.type in pair and acted(m) and not _definite(doc, m, anchors)
                        and not _possessed(doc, m, anchors) and not _offence_of(doc, best, m, anchors)), None)
        if partner is not None:
            kept.append(partner)
        # "accused Iran of cruel games, and called on the UK Government to ...": two acts, each its verb;
        # "was arrested and later accused of terrorism offences": the charge that comes with a violent
        # act of the sentence is its attribute (PROTOCOL), not a second event
        best_token = trigger_token(doc, best, anchors)
        joined = next((m for m in group if m is not best and m is not partner and m.type != best.type
                       and m.type in OWN_ACTS | ({"ACCUSE"} if best.type not in ("ASSAULT", "COERCE") else set()) and (t := trigger_token(doc, m, anchors)) is not None
                       and best_token is not None and t.pos_ == "VERB" and t.dep_ == "conj"
                       and t.head.i == predicate(best_token).i), None)
        if joined is None and best_token is not None:
            # "warships headed to the coast, while Putin and Erdogan spoke on the phone": a clause
            # of contrast with a subject of its own tells a second act, done by someone else
            joined = next((m for m in group if m is not best and m is not partner and m.type != best.type
                           and m.type in OWN_ACTS | {"ACCUSE"} and (t := trigger_token(doc, m, anchors)) is not None
                           and (_contrast_clause(predicate(t), predicate(best_token))
                                or _contrast_clause(predicate(best_token), predicate(t)))), None)
        if joined is not None:
            kept.append(joined)
        # "leaders were put under house arrest in X, while in Y workers were arrested": an act of the
        # same kind at another place, in a contrasting clause of its own (split by contrasted_places)
        twin = next((m for m in group if m is not best and m is not partner and m is not joined and m.type == best.type
                     and m.location is not None and best.location is not None and m.location.name != best.location.name
                     and (t := trigger_token(doc, m, anchors)) is not None and best_token is not None
                     and (_contrast_clause(predicate(t), predicate(best_token))
                          or _contrast_clause(predicate(best_token), predicate(t)))), None)
        if twin is not None:
            kept.append(twin)
        # "Erdogan and Putin discussed the attack", "urged the council to investigate the bombing": a
        # meeting, demand, threat or offer about an attack is an act of its own (PROTOCOL), not its attribute
        about = next((m for m in group if m.type in _ABOUT_ACTS and m not in kept
                      and (t := trigger_token(doc, m, anchors)) is not None and t.pos_ == "VERB"
                      and any(a.type == "ASSAULT" and (at := trigger_token(doc, a, anchors)) is not None
                              and at.pos_ == "NOUN" and predicate(at).i == t.i for a in (best, partner, joined) if a)), None)
        if about is not None:
            kept.append(about)
        if tolled and best not in tolled and partner not in tolled:
            # "backed Turkey after 33 soldiers were killed by air strikes": an act of its own and
            # the violence with a toll it answers are two events
            kept.append(tolled[0])
    kept.sort(key=lambda m: m.sentences[0])
    return kept
