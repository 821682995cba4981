"""Stance of a text towards a claim: agree, disagree, discuss or unrelated.

No model is trained on anyone else's data. The scorer reads the body the way an analyst
skims it:

1. Relatedness: how much of the claim's content (names and numbers weigh double) the body
   covers, overall and in its best sentence. Too little -> ``unrelated``.
2. The sentences that carry the claim: the ones that overlap the claim most, plus the lead
   (news states its position first).
3. Cues in those sentences, from the lexicons in ``link/data/stance_cues.yaml``: refutation
   ("hoax", "denied", "not true"), hedging ("reportedly", "unconfirmed", "claims") and
   confirmation ("confirmed", "officially"), and negation next to the claim's own terms.
   A claim that itself calls something a hoax flips the sense of refutation cues.

The weights and thresholds are a handful of named constants below, set by hand and checked
on the development set (see docs/links.md for the figures).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .text import CueList, Sentence, load_cues, overlap, sentences, terms, weighted_terms

STANCES = ("agree", "disagree", "discuss", "unrelated")

# Relatedness below this -> unrelated.
RELATED_THRESHOLD = 0.22
# How many best-overlapping sentences and lead sentences count as "carrying" the claim.
TOP_SENTENCES = 4
LEAD_SENTENCES = 2
# A carrying sentence needs at least this share of the claim's weighted terms.
MIN_SENTENCE_OVERLAP = 0.2
# Cue counts are summed over the carrying sentences; cues elsewhere in the body count this much.
BODY_CUE_WEIGHT = 0.5
# A negation right before a claim term counts like one refutation cue.
NEGATION_WEIGHT = 1.0
# A claim that is itself hedged ("Did X ...?", "X reportedly ...") adds this much hedging.
HEDGED_CLAIM_WEIGHT = 1.0
# Refutation of at least this much, and at least this share of the hedging -> disagree.
DISAGREE_MIN = 1.0
DISAGREE_VS_HEDGE = 0.5
# Hedging of at least this much, more than confirmation -> discuss.
DISCUSS_MIN = 1.5
# Negation within this many characters of a claim term counts as a denial of it.
NEGATION_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Evidence:
    span: tuple[int, int]
    polarity: str  # "assert" or "deny"

    def to_dict(self) -> dict:
        return {"span": [self.span[0], self.span[1]], "polarity": self.polarity}


@dataclass(frozen=True, slots=True)
class StanceResult:
    stance: str
    score: float  # confidence in [0, 1]
    evidence: tuple[Evidence, ...] = ()
    features: dict[str, float] = field(default_factory=dict, compare=False)

    def to_dict(self, id: str | None = None) -> dict:
        out = {"id": id} if id is not None else {}
        out.update(stance=self.stance, score=round(self.score, 4),
                   evidence=[e.to_dict() for e in self.evidence])
        return out


@dataclass(frozen=True, slots=True)
class _Carrier:
    sentence: Sentence
    overlap: float
    refute: int
    hedge: int
    confirm: int
    negated: bool


class StanceModel:
    """Loads the cue lexicons once; ``predict`` is then pure and cheap (no spaCy)."""

    def __init__(self, cues: dict[str, CueList] | None = None):
        cues = cues or load_cues()
        self.refute = cues["refute"]
        self.hedge = cues["hedge"]
        self.confirm = cues["confirm"]
        self.negation = cues["negation"]

    # -- public -------------------------------------------------------------------------------
    def predict(self, claim: str, body: str) -> StanceResult:
        claim_terms = weighted_terms(claim)
        sents = sentences(body)
        if not claim_terms or not sents:
            return StanceResult("unrelated", 1.0, (), {"related": 0.0})
        sent_terms = [terms(s.text) for s in sents]
        coverage = overlap(claim_terms, {t for ts in sent_terms for t in ts})
        per_sentence = [overlap(claim_terms, ts) for ts in sent_terms]
        best = max(per_sentence)
        related = 0.6 * coverage + 0.4 * best
        if related < RELATED_THRESHOLD:
            return StanceResult("unrelated", _clip(1.0 - related / RELATED_THRESHOLD * 0.5), (),
                                {"related": related})
        carriers = self._carriers(sents, per_sentence, claim_terms)
        return self._decide(claim, body, carriers, related)

    # -- steps --------------------------------------------------------------------------------
    def _carriers(self, sents: list[Sentence], per_sentence: list[float],
                  claim_terms: dict[str, float]) -> list[_Carrier]:
        ranked = sorted(range(len(sents)), key=lambda i: -per_sentence[i])
        chosen = [i for i in ranked[:TOP_SENTENCES] if per_sentence[i] >= MIN_SENTENCE_OVERLAP]
        chosen += [i for i in range(min(LEAD_SENTENCES, len(sents))) if i not in chosen]
        out = []
        for i in sorted(chosen):
            s = sents[i]
            out.append(_Carrier(s, per_sentence[i], self.refute.count(s.text), self.hedge.count(s.text),
                                self.confirm.count(s.text), self._negates(s.text, claim_terms)))
        return out

    def _negates(self, text: str, claim_terms: dict[str, float]) -> bool:
        """True when a negation stands within a few words before a term of the claim."""
        negations = self.negation.find(text)
        if not negations:
            return False
        lowered = text.lower()
        for start, end in negations:
            window = lowered[end: end + NEGATION_WINDOW]
            if any(t in claim_terms for t in terms(window)):
                return True
        return False

    def _decide(self, claim: str, body: str, carriers: list[_Carrier], related: float) -> StanceResult:
        # Cues anywhere in the body; those in carrying sentences are counted again in full.
        refute = sum(c.refute + NEGATION_WEIGHT * c.negated for c in carriers) \
            + BODY_CUE_WEIGHT * self.refute.count(body)
        hedge = sum(c.hedge for c in carriers) + BODY_CUE_WEIGHT * self.hedge.count(body)
        confirm = sum(c.confirm for c in carriers) + BODY_CUE_WEIGHT * self.confirm.count(body)
        if self.hedge.count(claim) or "?" in claim:
            hedge += HEDGED_CLAIM_WEIGHT
        claim_refutes = self.refute.count(claim) > 0
        features = {"related": related, "refute": refute, "hedge": hedge, "confirm": confirm,
                    "claim_refutes": float(claim_refutes)}

        if refute >= DISAGREE_MIN and refute >= DISAGREE_VS_HEDGE * hedge:
            # A claim that itself says "hoax" is agreed with by a body that says so too.
            stance = "agree" if claim_refutes else "disagree"
            score = refute / (refute + hedge + confirm)
        elif hedge >= DISCUSS_MIN and hedge > confirm:
            stance, score = "discuss", hedge / (refute + hedge + confirm)
        else:
            stance = "agree"
            score = (confirm + 1.0) / (refute + hedge + confirm + 1.0)
        score = 0.5 + 0.5 * score * min(1.0, related / 0.5)
        evidence = tuple(
            Evidence((c.sentence.start, c.sentence.end), "deny" if (c.refute or c.negated) else "assert")
            for c in carriers if c.overlap >= MIN_SENTENCE_OVERLAP)
        return StanceResult(stance, _clip(score), evidence, features)


def _clip(x: float) -> float:
    return max(0.0, min(1.0, x))


_default: StanceModel | None = None


def predict(claim: str, body: str) -> StanceResult:
    """Stance with a process-wide default model."""
    global _default
    if _default is None:
        _default = StanceModel()
    return _default.predict(claim, body)
