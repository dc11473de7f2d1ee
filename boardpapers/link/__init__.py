"""Linking across papers: one person per human, and every action followed from meeting to meeting.

Pure functions over records from many parsed papers (no files, no
database): the archive store calls them after an import and keeps what
they return.
"""

from __future__ import annotations

from .actions import Outstanding, Sighting, StatusChange, TrackedAction, next_meeting_date, outstanding, track_actions
from .people import AttendanceHistory, MeetingAttendance, People, Person, attendance_history, link_people

__all__ = [
    "AttendanceHistory",
    "MeetingAttendance",
    "Outstanding",
    "People",
    "Person",
    "Sighting",
    "StatusChange",
    "TrackedAction",
    "attendance_history",
    "link_people",
    "next_meeting_date",
    "outstanding",
    "track_actions",
]
