"""The wording of a synthetic series: minutes and action logs as blocks, and every action sighting.

Each writer turns the plan (``_series_plan``) into the blocks of one paper and
records, for every action it mentions, the exact text it wrote, so the
ground truth is taken from the papers themselves rather than re-derived.
House style drifts in periods (a new clerk, a new template every 5–10
meetings): log column names, how owners are written (full names, "P. Light",
"Riverside Police, Paula Light", or initials with a key), status words
("Complete" or "Green – complete"), date formats and minute headings.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from _series_people import Owner, Person, Team
from _series_plan import Meeting, PlannedAction, Series
from _series_render import PaperBlock
from _series_vocab import ACTION_LOG_ITEMS, DISCUSSION, LOG_COLUMNS, LOG_TITLES, STATUS_WORDS, UPDATES

__all__ = ["Sighting", "Style", "Writer"]

PERIOD_LENGTH = (5, 10)
OWNER_FORMS = ("full", "honorific", "initial", "org", "initials", "title")
PROSE_FORMS = ("honorific", "full", "long_title", "title")  # how minutes name a person in a sentence
ACTION_FORMS = ("full", "title", "honorific")  # after "ACTION:"
LOG_NOTED = ("The Board noted the action log.", "The action log was noted and updates were given as set out in the log.")
LOG_DATE_LINES = ("Meeting held on ", "Meeting of ", "Action log for the meeting on ")
RAISE_FORMS = (("agreed", 0.34), ("action", 0.18), ("would", 0.16), ("it_agreed", 0.16), ("pronoun", 0.08), ("mark_apart", 0.08))


def long_date(day: dt.date, weekday: bool = False, year: bool = True) -> str:
    text = f"{day.day} {day:%B}" + (f" {day.year}" if year else "")
    return f"{day:%A} {text}" if weekday else text


def dotted(day: dt.date) -> str:
    return f"{day:%d.%m.%Y}"


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass(frozen=True)
class Style:
    """The house style of one period."""

    period: int
    caps_headings: bool
    attendance: str  # "list", "inline" or "lines"
    bold_mark: float  # chance an "(Action)" mark is bold
    title: str
    columns: tuple[tuple[str, str], ...]  # (field, heading) in order
    owner_form: str
    status_words: dict[str, str]
    due_format: str  # "dotted", "long", "short"
    key_first: bool
    log_item: str

    @property
    def owner_in_action(self) -> bool:
        return dict(self.columns)["action"] == "Action/Team"


def _style(rng: random.Random, period: int) -> Style:
    headings = {name: rng.choice(choices) for name, choices in LOG_COLUMNS.items()}
    vocab = "rag" if headings["status"] == "RAG" else "plain"
    fields = ["raised", "action", "owner", "due", "status", "update"]
    if headings["action"] == "Action/Team":
        fields.remove("owner")
    return Style(
        period=period,
        caps_headings=rng.random() < 0.4,
        attendance=rng.choice(("list", "inline", "lines")),
        bold_mark=rng.choice((0.0, 0.5, 1.0)),
        title=rng.choice(LOG_TITLES),
        columns=tuple((name, headings[name]) for name in fields),
        owner_form=rng.choice(OWNER_FORMS),
        status_words={status: rng.choice(words) for status, words in STATUS_WORDS[vocab].items()},
        due_format=rng.choice(("dotted", "long", "short")),
        key_first=rng.random() < 0.5,
        log_item=rng.choice(ACTION_LOG_ITEMS),
    )


@dataclass(frozen=True)
class Sighting:
    """One place a paper mentions an action, as written there."""

    action: str
    meeting: dt.date
    file: str
    kind: str  # "raised", "action_log", "minutes"
    text: str
    status_text: str | None
    status: str  # raised, open, ongoing, carried_forward, done, dropped
    owner_text: str | None = None
    due_text: str | None = None
    update: str | None = None
    mark: str | None = None  # "(Action)", "**(Action)**" (bold), "ACTION:" or None

    def to_dict(self) -> dict:
        out = {
            "meeting": self.meeting.isoformat(),
            "file": self.file,
            "kind": self.kind,
            "text": self.text,
            "status_text": self.status_text,
            "status": self.status,
            "owner_text": self.owner_text,
            "due_text": self.due_text,
        }
        if self.kind == "action_log":
            out["update"] = self.update
        if self.kind == "raised":
            out["mark"] = self.mark
        return out


def _task_words(action: PlannedAction) -> dict[str, str]:
    full, short = action.obj
    org, org_short = action.partner or ("", "")
    return {"full": full, "short": short, "Short": _capitalise(short), "org": org, "org_short": org_short,
            "Org_short": _capitalise(org_short)}


class Writer:
    """Writes the papers of one series in order, keeping house style and each action's log wording."""

    def __init__(self, series: Series, seed: int) -> None:
        self.series = series
        self.rng = random.Random(f"boardpapers-series-text-{seed}")
        self.sightings: list[Sighting] = []
        self.due_texts: dict[str, str | None] = {}  # action id -> deadline as the raising minute wrote it
        self._row_words: dict[tuple[str, int], tuple[str, str]] = {}  # (action, period) -> (text, due)
        self._last_row_text: dict[str, str] = {}  # action id -> the wording its latest log row used
        self._notes_at: dict[int, list[PlannedAction]] = {}  # meeting index -> actions its minutes mention
        self._rows_at: dict[int, list[PlannedAction]] = {}  # meeting index -> actions its log carries
        for action in series.actions:
            for index in action.minutes_status:
                self._notes_at.setdefault(index, []).append(action)
            for index in action.log_status:
                self._rows_at.setdefault(index, []).append(action)
        self._team_words: dict[tuple[str, int], str] = {}
        self._styles: list[Style] = []
        self._next_period = 0

    # -- house style -------------------------------------------------------------------------

    def style_for(self, meeting: Meeting) -> Style:
        if meeting.index >= self._next_period:
            self._styles.append(_style(self.rng, len(self._styles)))
            self._next_period = meeting.index + self.rng.randint(*PERIOD_LENGTH)
        return self._styles[-1]

    def _heading(self, style: Style, number: int, title: str) -> PaperBlock:
        return PaperBlock("heading", f"{number}. {title.upper() if style.caps_headings else title}", level=2)

    # -- names ----------------------------------------------------------------------------------

    def _prose_name(self, owner: Owner, meeting: Meeting, start: bool) -> str:
        if isinstance(owner, Team):
            text = owner.write("prose")
        elif owner.is_chair() and owner is meeting.chair and self.rng.random() < 0.5:
            text = owner.write("chair")
        else:
            text = owner.write(self.rng.choice(PROSE_FORMS))
        return _capitalise(text) if start else text

    def _log_owner(self, owner: Owner, style: Style) -> str:
        if isinstance(owner, Person):
            return owner.write(style.owner_form)
        if style.owner_form == "initials":
            return owner.write("initials")
        key = (owner.id, style.period)
        if key not in self._team_words:
            self._team_words[key] = owner.write("any", self.rng)
        return self._team_words[key]

    # -- deadlines ------------------------------------------------------------------------------

    def _due_clause(self, action: PlannedAction) -> str:
        rng, due = self.rng, action.due
        if action.due_kind == "date" and due is not None:
            return rng.choice((f"by {long_date(due, weekday=True, year=False)}", f"by {long_date(due, year=False)}",
                               f"by {long_date(due)}"))
        if action.due_kind == "month_end" and due is not None:
            return f"by the end of {due:%B}"
        if action.due_kind == "year_end":
            return rng.choice(("by the end of the year", "before the end of the year"))
        if action.due_kind == "next_meeting":
            if action.task["key"] == "update":
                return "at the next meeting"
            return rng.choice(("at the next meeting", "for the next meeting", "before the next meeting"))
        if action.due_kind == "asap":
            return rng.choice(("as soon as possible", "asap"))
        return ""

    def _log_due(self, action: PlannedAction, style: Style) -> str:
        rng, due = self.rng, action.due
        if due is not None and action.due_kind in {"date", "month_end", "year_end"}:
            if action.due_kind == "year_end" and rng.random() < 0.5:
                return "End of year"
            if action.due_kind == "month_end" and rng.random() < 0.5:
                return f"End of {due:%B}"
            return {"dotted": dotted(due), "long": long_date(due), "short": f"{due.day} {due:%b %Y}"}[style.due_format]
        return {
            "next_meeting": rng.choice(("Next meeting", "Next Board")),
            "asap": rng.choice(("ASAP", "Immediate")),
        }.get(action.due_kind, rng.choice(("", "TBC")))

    # -- minutes --------------------------------------------------------------------------------

    def minutes(self, meeting: Meeting, file: str) -> list[PaperBlock]:
        series, style = self.series, self.style_for(meeting)
        previous = series.meetings[meeting.index - 1].date if meeting.index else series.previous_date
        following = series.meetings[meeting.index + 1].date if meeting.index + 1 < len(series.meetings) else None
        blocks = [
            PaperBlock("heading", series.body, level=1),
            PaperBlock("paragraph", f"Minutes of the meeting held on {long_date(meeting.date, weekday=True)} at 2.00 pm"),
            PaperBlock("paragraph", series.venue),
        ]
        blocks += self._attendance(meeting, style)
        blocks.append(self._heading(style, 1, "Apologies"))
        if meeting.apologies:
            names = [person.write("honorific") for person in meeting.apologies]
            blocks.append(PaperBlock("paragraph", f"Apologies for absence were received from {_join(names)}."))
        else:
            blocks.append(PaperBlock("paragraph", "There were no apologies for absence."))
        blocks.append(self._heading(style, 2, "Minutes of the previous meeting"))
        previous_minutes = f"The minutes of the meeting held on {long_date(previous)} were agreed as a correct record."
        blocks.append(PaperBlock("paragraph", previous_minutes))
        blocks.append(self._heading(style, 3, style.log_item))
        blocks.append(PaperBlock("paragraph", self.rng.choice(LOG_NOTED)))
        for action in self._notes_at.get(meeting.index, []):
            blocks.append(PaperBlock("paragraph", self._note(action, action.minutes_status[meeting.index], meeting, file)))
        number = 4
        raised_by_topic = {id(topic): [a for a in meeting.raised if a.topic is topic] for topic in meeting.topics}
        for topic in meeting.topics:
            blocks.append(self._heading(style, number, topic["title"]))
            presenter = self.rng.choice(meeting.present[1:] + meeting.in_attendance or meeting.present)
            opening = f"{self._prose_name(presenter, meeting, start=True)} introduced the report. {self.rng.choice(DISCUSSION)}"
            blocks.append(PaperBlock("paragraph", opening))
            for action in raised_by_topic[id(topic)]:
                blocks += self._raise(action, meeting, style, file)
            number += 1
        blocks.append(self._heading(style, number, "Any other business"))
        blocks.append(PaperBlock("paragraph", "There was no other business."))
        blocks.append(self._heading(style, number + 1, "Date of next meeting"))
        when = f"will be held on {long_date(following)}" if following else "is to be confirmed"
        blocks.append(PaperBlock("paragraph", f"The next meeting {when}."))
        blocks.append(PaperBlock("paragraph", f"The meeting finished at {self.rng.choice(('3.55', '4.10', '4.25', '4.35'))} pm."))
        return blocks

    def _entry(self, person: Person, meeting: Meeting, style: Style) -> str:
        name = person.write("honorific")
        spell = person.spell
        if person is meeting.chair:
            return f"{name} (Chairman)"
        if style.attendance == "inline":
            return f"{name} ({spell.organisation})"
        return f"{name} – {spell.role}, {spell.organisation}"

    def _attendance(self, meeting: Meeting, style: Style) -> list[PaperBlock]:
        groups = (("Present", meeting.present), ("Also in attendance", meeting.in_attendance), ("Apologies", meeting.apologies))
        blocks: list[PaperBlock] = []
        for label, people in groups:
            if not people:
                continue
            entries = [self._entry(person, meeting, style) for person in people]
            if style.attendance == "inline":
                blocks.append(PaperBlock("paragraph", f"{label}: " + "; ".join(entries)))
                continue
            blocks.append(PaperBlock("paragraph", f"{label}:"))
            kind = "list_item" if style.attendance == "list" else "paragraph"
            blocks += [PaperBlock(kind, entry) for entry in entries]
        return blocks

    def _raise(self, action: PlannedAction, meeting: Meeting, style: Style, file: str) -> list[PaperBlock]:
        rng = self.rng
        words = _task_words(action)
        infinitive = rng.choice(action.task["minutes"]).format(**words)
        due = self._due_clause(action)
        self.due_texts[action.id] = due or None
        task = f"{infinitive} {due}".strip()
        form = rng.choices([f for f, _ in RAISE_FORMS], weights=[w for _, w in RAISE_FORMS])[0]
        single_person = len(action.owners) == 1 and isinstance(action.owners[0], Person)
        if form == "pronoun" and not single_person:
            form = "agreed"
        if form == "action":
            owners = [
                self._log_owner(owner, style) if isinstance(owner, Team) else owner.write(rng.choice(ACTION_FORMS))
                for owner in action.owners
            ]
            owner_text = _join(owners)
            sentence = f"ACTION: {owner_text} to {task}."
            mark = "ACTION:"
        else:
            starts = form != "it_agreed"
            owners = [self._prose_name(owner, meeting, start=starts and not index) for index, owner in enumerate(action.owners)]
            owner_text = _join(owners)
            if form == "it_agreed":
                sentence = f"It was agreed that {owner_text} would {task}."
            else:
                sentence = f"{owner_text} {'would' if form == 'would' else 'agreed to'} {task}."
            mark = "(Action)" if form != "would" or rng.random() < 0.5 else None
        bold = mark == "(Action)" and rng.random() < style.bold_mark
        lead = ""
        if form == "pronoun":
            person = action.owners[0]
            assert isinstance(person, Person)
            lead = f"{owner_text} outlined the current position on {action.obj[0]}. "
            owner_text = "She" if person.female else "He"
            sentence = f"{owner_text} agreed to {task}."
        self.sightings.append(
            Sighting(action.id, meeting.date, file, "raised", sentence, None, "raised", owner_text, due or None, None,
                     "**(Action)**" if bold else mark)
        )
        if form == "mark_apart":
            return [PaperBlock("paragraph", lead + sentence), PaperBlock("paragraph", "", bold_tail="(Action)") if bold
                    else PaperBlock("paragraph", "(Action)")]
        if mark == "(Action)":
            return [PaperBlock("paragraph", lead + sentence, bold_tail="(Action)") if bold
                    else PaperBlock("paragraph", f"{lead}{sentence} (Action)")]
        return [PaperBlock("paragraph", lead + sentence)]

    def _speaker(self, action: PlannedAction, meeting: Meeting) -> Owner | None:
        """The owner who can report on ``action`` at ``meeting``: one who is there, else an owning team."""
        for owner in action.owners:
            if isinstance(owner, Person) and (owner in meeting.present or owner in meeting.in_attendance):
                return owner
        for owner in action.owners:
            if isinstance(owner, Team) and owner.initials != "ALL":  # "All Board members confirmed" is no speaker
                return owner
        return None

    def _note(self, action: PlannedAction, status: str, meeting: Meeting, file: str) -> str:
        """A minute on an action raised earlier: progress, completion or dropping."""
        words = _task_words(action)
        speaker = self._speaker(action, meeting)
        if status == "done":
            options = [("It was noted that {done} and the action was complete.", "the action was complete")]
            if speaker:
                options += [("{speaker} confirmed that {done}; action completed.", "action completed"),
                            ("{speaker} reported that {done}, so the action was closed.", "the action was closed")]
        elif status == "dropped":
            options = [("The Board agreed that the action to {infinitive} was no longer required.", "no longer required")]
        elif status == "carried_forward":
            options = [("The action on {short} was carried forward to the next meeting.", "carried forward")]
        elif status == "ongoing" and speaker:
            options = [("{speaker} reported that work on {full} was ongoing.", "ongoing")]
        elif speaker:
            options = [("{speaker} updated the Board on {full}; the action remained open.", "the action remained open")]
        else:
            options = [("Officers updated the Board on {full}; the action remained open.", "the action remained open")]
        template, status_text = self.rng.choice(options)
        said_by = self._prose_name(speaker, meeting, start=True) if speaker and "{speaker}" in template else None
        text = template.format(
            speaker=said_by,
            done=action.task["done"].format(**words),
            infinitive=action.task["minutes"][0].format(**words),
            **words,
        )
        self.sightings.append(Sighting(action.id, meeting.date, file, "minutes", text, status_text, status, said_by))
        return text

    # -- action log -----------------------------------------------------------------------------

    def action_log(self, meeting: Meeting, file: str) -> list[PaperBlock] | None:
        """The log presented at ``meeting``: every action with a row there; None when there is none."""
        style = self.style_for(meeting)
        tracked = self._rows_at.get(meeting.index, [])
        if not tracked:
            return None
        header = tuple(heading for _, heading in style.columns)
        rows = [header] + [self._row(action, meeting, style, file) for action in tracked]
        blocks = [
            PaperBlock("heading", style.title, level=1),
            PaperBlock("paragraph", self.series.body),
            PaperBlock("paragraph", self.rng.choice(LOG_DATE_LINES) + long_date(meeting.date)),
        ]
        table = PaperBlock("table", rows=tuple(rows))
        key = self._key(tracked, style)
        if key and style.key_first:
            blocks.append(key)
        blocks.append(table)
        if key and not style.key_first:
            blocks.append(key)
        return blocks

    def _key(self, tracked: list[PlannedAction], style: Style) -> PaperBlock | None:
        if style.owner_form != "initials":
            return None
        owners: dict[str, Owner] = {}
        for action in tracked:
            for owner in action.owners:
                owners.setdefault(owner.initials, owner)
        parts = [f"{initials} – {owner.write('honorific') if isinstance(owner, Person) else owner.write('name')}"
                 for initials, owner in sorted(owners.items())]
        return PaperBlock("paragraph", "Key: " + "; ".join(parts))

    def _row_text(self, action: PlannedAction, style: Style) -> tuple[str, str]:
        key = (action.id, style.period)
        if key not in self._row_words:
            earlier = self._last_row_text.get(action.id)
            if earlier and self.rng.random() < 0.7:
                text = earlier  # a template change usually carries the row's wording over
            elif self.rng.random() < 0.1:
                text = "To " + action.task["minutes"][0].format(**_task_words(action))
            else:
                text = self.rng.choice(action.task["log"]).format(**_task_words(action))
            self._row_words[key] = (text, self._log_due(action, style))
            self._last_row_text[action.id] = text
        return self._row_words[key]

    def _row(self, action: PlannedAction, meeting: Meeting, style: Style, file: str) -> tuple[str, ...]:
        status = action.log_status[meeting.index]
        text, due = self._row_text(action, style)
        owner_text = " / ".join(self._log_owner(owner, style) for owner in action.owners)
        status_text = style.status_words[status]
        update = self._update(action, status, meeting)
        self.sightings.append(
            Sighting(action.id, meeting.date, file, "action_log", text, status_text, status, owner_text, due or None, update)
        )
        cells = {
            "raised": dotted(action.raised_date),
            "action": f"{text} – {owner_text}" if style.owner_in_action else text,
            "owner": owner_text,
            "due": due,
            "status": status_text,
            "update": update,
        }
        return tuple(cells[name] for name, _ in style.columns)

    def _update(self, action: PlannedAction, status: str, meeting: Meeting) -> str:
        if status == "done":
            previous = self.series.meetings[meeting.index - 1].date if meeting.index else self.series.previous_date
            span = max(1, (meeting.date - previous).days - 2)
            when = previous + dt.timedelta(days=self.rng.randint(1, span))
            return f"{_capitalise(action.task['done_short'])} on {long_date(when)}."
        return self.rng.choice(UPDATES[status])
