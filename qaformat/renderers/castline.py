"""The cast line: who talks with whom, as a publication introduces an interview (``--cast``).

"Emily Carter, senior editor, talks with Dr. Alexander Petrov, senior fellow at the Institute."
Built from the speakers' names, roles and descriptions; role labels (``Q``, ``Speaker 2``) and
other voices are left out. Every renderer that shows the line takes its text from here, so all
formats say the same. Imports only the model.
"""

from __future__ import annotations

from qaformat.model import Role, Speaker, Transcript
from qaformat.renderers.labels import is_role_label

__all__ = ["cast_line", "named_speakers"]


def cast_line(transcript: Transcript) -> str | None:
    """The sentence naming the interviewers and the interviewees, or ``None`` when there are no
    named interviewees to introduce."""
    askers = named_speakers(transcript, Role.INTERVIEWER)
    guests = named_speakers(transcript, Role.INTERVIEWEE)
    if not guests:
        return None
    if not askers:
        return f"With {_people(guests)}."
    verb = "talks" if len(askers) == 1 else "talk"
    # An apposition that ends the subject closes with a comma before the verb.
    subject = _people(askers) + ("," if askers[-1].description else "")
    return f"{subject} {verb} with {_people(guests)}."


def named_speakers(transcript: Transcript, role: Role) -> list[Speaker]:
    """The speakers of a role who have a person's name (not ``Q`` or ``Speaker 2``)."""
    return [s for s in transcript.speakers if s.role is role and s.name.strip() and not is_role_label(s.name)]


def _people(speakers: list[Speaker]) -> str:
    """``A, desc, and B``: each name with its description as an apposition."""
    people = [_person(s) for s in speakers]
    described = any(s.description for s in speakers)
    if len(people) == 1:
        return people[0]
    # An apposition already holds commas; semicolons keep three described people apart.
    separator = "; " if described and len(people) > 2 else ", "
    last = ", and " if described else " and "
    return separator.join(people[:-1]) + last + people[-1]


def _person(speaker: Speaker) -> str:
    """``Name, description``, or the name alone."""
    description = " ".join((speaker.description or "").split()).strip(" ,.")
    return f"{speaker.name.strip()}, {description}" if description else speaker.name.strip()
