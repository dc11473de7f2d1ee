"""Resolutions: every decision a meeting recorded, one record per decision.

The forms read (rules in ``resolution_rules.jsonl``; ``SCHEMA.md``'s
annotation rules say what counts):

- "RESOLVED that ..." in any case, "BE IT (FURTHER) RESOLVED, that ...",
  "The Board RESOLVED the recommendations:" followed by its numbered,
  lettered or (i)/(ii) clauses: one record per clause, with its number;
  WHEREAS preambles are left out;
- "The minutes of the previous meeting ... were agreed as a correct record";
- "The Board agreed / approved / noted ...", "It was agreed that ...",
  "the following recommendations were noted by the Committee:" and its list;
- "Decision:", "AGREED:" labels; "Motion carried"; vote blocks ("RESULT:
  APPROVED [UNANIMOUS]", "MOTION BY", "SECOND", "AYES", "NAYS") whose votes
  are kept in ``votes``.

Kinds follow the recording verb (``resolved``, ``agreed``, ``noted``,
``approved``, ``other``). Thanks and discussion ("The Chair thanked ...")
are not decisions; the Chair's own notes are not the body's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

import regex

from ..document import Block, clean_line
from ..records import AgendaItem, Meeting, Paper, Resolution, Source
from .positions import ItemIndex, page_at
from .rule_files import rules_by_label
from .sentences import sentence_spans

__all__ = ["extract_resolutions"]


def _rules() -> dict[str, list[dict[str, str]]]:
    return rules_by_label("resolution_rules.jsonl")


def _words(label: str) -> str:
    return "|".join(row["pattern"] for row in _rules()[label])


@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern[str]]:
    verbs = "|".join(f"(?P<{row['id']}>{row['pattern']})" for row in _rules()["DECISION_VERB"])
    body = _words("BODY_NOUN")
    return {
        "opener": regex.compile(_rules()["OPENER"][0]["pattern"], regex.I),
        "upper": regex.compile(r"(?:^|[.:]\s+)(?P<head>(?:[\p{L}\s]{0,40}\s)?RESOLVED)\b\W{0,3}(?:that\b\s*)?"),
        "decision": regex.compile(
            rf"(?P<subject>\b(?:(?:the|this)\s+(?-i:\p{{Lu}}[\p{{L}}&-]*\s+){{0,5}}?(?:{body}|(?-i:\p{{Lu}}{{3,6}}))|(?<=^|[.;]\s+)(?:{body})))"
            rf"\s+(?:also\s+|then\s+|formally\s+|unanimously\s+|further\s+)?(?:{verbs})\b(?!\s+by\b)",
            regex.I,
        ),
        "it_was": regex.compile(r"(?:^|(?<=[.;]\s))It\s+was\s+(?:also\s+|further\s+|unanimously\s+)?(?:(?P<agreed>agreed)|(?P<resolved>resolved))\b", regex.I),
        "minutes": regex.compile(
            r"\bminutes\s+of\s+the\s+(?:\p{L}+\s+){0,3}?meeting\b.{0,160}?\b(?:were|was|be|are|being)\s+(?:duly\s+|formally\s+)?"
            r"(?:(?P<agreed>agreed|confirmed|accepted|signed)|(?P<approved>approved|adopted))\b"
            r"|\b(?:(?P<agreed2>agreed|confirmed|accepted)|(?P<approved2>approved|adopted))\s+the\s+minutes\b",
            regex.I | regex.S,
        ),
        "list_intro": regex.compile(
            rf"\brecommendations?\b.{{0,80}}\b(?:were|was|are|be)\s+(?:{verbs})\b.{{0,60}}:\s*$", regex.I | regex.S
        ),
        "label": regex.compile(r"^\W{0,3}(?P<label>decision|agreed|approved|noted|resolution)\W{0,3}\s*[:–-]\s*(?P<text>\S.*)$", regex.I | regex.S),
        "motion": regex.compile(rf"\bmotion\s+(?:was\s+)?(?:duly\s+)?(?:{_words('RESULT_PASSED')})\b|\bcarried\s+unanimously\b", regex.I),
        "moved": regex.compile(r"\b(?:made|moved|proposed)\s+(?:a\s+|the\s+)?motion\b[^.]*?(?:,\s*)?\bto\s+(?P<what>[^.]+)", regex.I),
        "result": regex.compile(
            rf"^\W{{0,3}}RESULT\s*:\s*(?P<outcome>(?:(?P<passed>{_words('RESULT_PASSED')})|{_words('RESULT_FAILED')})[^\n]*)$", regex.I
        ),
        "proposal": regex.compile(rf"^(?:{_words('PROPOSAL_VERB')})\b", regex.I),
    }


# What an opener says before its clauses: "RESOLVED the recommendations:", "RESOLVED that:".
_LIST_LEAD = regex.compile(r"(?:that\s*)?(?:(?:the|its|all)\s+)?(?:following\s+)?(?:recommendations?|resolutions?|motions?|proposals?)?(?:\s+[\w()]+){0,6}?\s*:", regex.I)
_CLAUSE_NUMBER = regex.compile(r"^\s*(?:\(?(?P<number>\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]|(?P<number2>\d+\.\d+))\s+(?=\S)", regex.I)
_TRAILER = regex.compile(r"(?:[;,]?\s*(?:and\s+)?be\s+it\s+further\s*$|[;,]\s*and\s*$|[;,]\s*$)", regex.I)
_VOTE_LABEL = regex.compile(
    r"^\W{0,3}(?P<label>motion\s+by|moved(?:\s+by)?|second(?:ed)?(?:\s+by)?|ayes|nays|noes|abstain(?:ed|ing|s)?|absent|recused)\s*:\s*(?P<who>.*)$",
    regex.I | regex.S,
)
_VOTE_KEYS = {"motion": "moved", "moved": "moved", "second": "seconded", "ayes": "for", "nays": "against", "noes": "against",
              "abstain": "abstain", "absent": "absent", "recused": "recused"}


@dataclass
class _Collector:
    paper: Paper
    meeting: Meeting
    items: ItemIndex
    found: list[Resolution] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def add(self, kind: str, text: str, start: int, end: int, number: str | None = None, **extra: Any) -> None:
        text = _TRAILER.sub("", clean_line(text)).strip()
        if len(regex.findall(r"\p{L}{2,}", text)) < 3 or any(s <= start < e for s, e in self.taken):
            return
        self.taken.append((start, end))
        self.found.append(
            Resolution(
                meeting=self.meeting.id,
                item=self.items.at(start),
                kind=kind,
                number=number,
                text=text[:1].upper() + text[1:],
                source=Source(self.paper.id, page_at(self.paper, start), start, end),
                **extra,
            )
        )


def _kind(match: regex.Match[str]) -> str:
    groups = match.groupdict()
    for kind in ("resolved", "agreed", "approved", "noted"):
        if groups.get(kind) or groups.get(kind + "2"):
            return kind
    return "other"


def _clauses(blocks: Sequence[Block], start: int) -> list[tuple[Block, str | None, int]]:
    """The numbered, lettered or listed clauses that follow an opener ending in ":"."""
    out = []
    for block in blocks[start:]:
        number = _CLAUSE_NUMBER.match(block.text)
        if block.kind == "list_item" or number:
            at = number.end() if number else len(block.text) - len(block.text.lstrip(" -•*"))
            out.append((block, (number.group("number") or number.group("number2")) if number else None, at))
        else:
            break
    return out


def _inline_clauses(text: str) -> list[tuple[str | None, int, int]]:
    """"(a) ...; (b) ..." inside one paragraph: one span per clause (or the whole text)."""
    marks = list(regex.finditer(r"(?:^|(?<=[\s;:]))\((?P<n>[a-z]|[ivx]+|\d+)\)\s+", text))
    if len(marks) < 2:
        return [(None, 0, len(text))]
    spans = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        spans.append((mark.group("n"), mark.end(), end))
    return spans


def _votes(blocks: Sequence[Block], start: int) -> tuple[dict[str, Any], int]:
    """The vote lines after a RESULT line ("MOTION BY: Mashack", "AYES: ...", possibly as a table)."""
    votes: dict[str, Any] = {}
    index = start
    while index < len(blocks):
        block = blocks[index]
        lines = [" ".join(c.text for c in row) for row in block.rows] if block.kind == "table" else [block.text]
        read = False
        for line in lines:
            match = _VOTE_LABEL.match(clean_line(line.replace("\t", " ")))
            if match:
                label = match.group("label").lower()
                key = next(value for prefix, value in _VOTE_KEYS.items() if label.startswith(prefix))
                who = clean_line(match.group("who"))
                if key in {"moved", "seconded"}:
                    votes[key] = who
                else:
                    votes[key] = [] if who.lower() in {"none", "-", ""} else [w.strip() for w in regex.split(r",|\band\b", who) if w.strip()]
                read = True
        if not read:
            break
        index += 1
    return votes, index


def extract_resolutions(paper: Paper, meeting: Meeting, items: Sequence[AgendaItem] = ()) -> list[Resolution]:
    """Every decision recorded in one paper of ``meeting``, in the order they are written."""
    if paper.kind not in {"minutes"}:
        return []
    pattern = _patterns()
    collector = _Collector(paper, meeting, ItemIndex(paper, items))
    blocks = [b for b in paper.blocks if b.kind != "table" or b.rows]
    skip_until = -1
    for index, block in enumerate(blocks):
        if index <= skip_until:
            continue
        text = block.text
        if block.kind == "table":
            continue
        if regex.match(r"^\W{0,3}whereas\b", text, regex.I):
            continue
        opener = pattern["opener"].match(text) or pattern["upper"].search(text)
        if opener is not None:
            rest = text[opener.end() :]
            if not rest.strip() or _LIST_LEAD.fullmatch(rest.strip()):
                clauses = _clauses(blocks, index + 1)
                for clause, number, at in clauses:
                    collector.add("resolved", clause.text[at:], clause.start + at, clause.end, number)
                skip_until = index + len(clauses)
                continue
            for number, start, end in _inline_clauses(rest):
                offset = block.start + opener.end()
                collector.add("resolved", rest[start:end], offset + start, offset + end, number)
            continue
        intro = pattern["list_intro"].search(text)
        if intro is not None:
            clauses = _clauses(blocks, index + 1)
            for clause, number, at in clauses:
                collector.add(_kind(intro), clause.text[at:], clause.start + at, clause.end, number)
            skip_until = index + len(clauses)
            continue
        result = pattern["result"].match(clean_line(text))
        if result is not None:
            votes, after = _votes(blocks, index + 1)
            votes["result"] = clean_line(result.group("outcome"))
            skip_until = after - 1
            if result.group("passed"):
                _result(collector, blocks, index, votes)
            continue
        label = pattern["label"].match(text)
        if label is not None:
            kind = {"decision": "other", "resolution": "resolved"}.get(label.group("label").lower(), label.group("label").lower())
            collector.add(kind, label.group("text"), block.start + label.start("text"), block.end)
            continue
        _sentences_of(collector, block, pattern)
    return collector.found


def _sentences_of(collector: _Collector, block: Block, pattern: dict[str, regex.Pattern[str]]) -> None:
    text = block.text
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        at = block.start + start
        minutes = pattern["minutes"].search(sentence)
        if minutes is not None:
            collector.add(_kind(minutes), sentence, at, at + len(sentence))
            continue
        decision = pattern["decision"].search(sentence)
        if decision is not None and not regex.search(r"(?:^|[,;]|\band)\s*$", sentence[: decision.start("subject")]):
            decision = None
        if decision is not None:
            begin = decision.start("subject")
            collector.add(_kind(decision), sentence[begin:], at + begin, at + len(sentence))
            continue
        it_was = pattern["it_was"].search(sentence)
        if it_was is not None:
            collector.add(_kind(it_was), sentence[it_was.start() :], at + it_was.start(), at + len(sentence))
            continue
        if pattern["motion"].search(sentence):
            moved = pattern["moved"].search(text[: end])
            if moved is not None:
                what = moved.group("what")
                collector.add("approved", what, block.start + moved.start("what"), block.start + moved.end("what"))


def _result(collector: _Collector, blocks: Sequence[Block], index: int, votes: dict[str, Any]) -> None:
    """A passed "RESULT:" line: the motion it decides is the one moved just before, the proposals
    listed since the item began, or else the item's own title."""
    pattern = _patterns()
    before: list[Block] = []
    item_start = collector.items.start_at(blocks[index].start)
    for block in reversed(blocks[:index]):
        if pattern["result"].match(clean_line(block.text)) or _VOTE_LABEL.match(clean_line(block.text)) or block.kind == "table":
            break
        before.insert(0, block)
        if block.start <= item_start:
            break
    for block in reversed(before):
        moved = pattern["moved"].search(block.text)
        if moved is not None:
            collector.add("approved", moved.group("what"), block.start + moved.start("what"), block.start + moved.end("what"), votes=votes)
            return
    proposals = [b for b in before if b.kind != "heading" and pattern["proposal"].match(b.text)]
    for block in proposals:
        collector.add("approved", block.text, block.start, block.end, votes=votes)
    if not proposals and before:
        title = before[0]
        text = regex.sub(r"^\d+\.\s*", "", title.text)
        collector.add("approved", text.capitalize() if text.isupper() else text, title.start, title.end, votes=votes)
