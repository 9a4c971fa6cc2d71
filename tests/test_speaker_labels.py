"""Table tests for the label styles every renderer shares (qaformat.renderers.labels)."""

from __future__ import annotations

import pytest

from qaformat import Kind, LabelStyle, RenderError, Role, Speaker, Turn
from qaformat.renderers.labels import SpeakerLabels, clock_time, iso_duration, short_label, turn_time

# (name, surname style, initials style)
NAMES = [
    ("Tom Whitfield", "Whitfield", "TW"),
    ("Dr. Alexander Petrov", "Petrov", "AP"),
    ("Sen. Margaret Hollis", "Hollis", "MH"),
    ("Martin Luther King Jr.", "King", "MLK"),
    ("Jane Roe, PhD", "Roe", "JR"),
    ("J. Robert Oppenheimer", "Oppenheimer", "JRO"),
    ("Vincent van Gogh", "van Gogh", "VG"),
    ("Juan de la Cruz", "de la Cruz", "JC"),
    ("Tomasz Wiśniewski", "Wiśniewski", "TW"),
    ("Ms. Jean-Baptiste", "Jean-Baptiste", "Jean-Baptiste"),
    ("bell hooks", "hooks", "hooks"),
    ("د. كريم منصور", "منصور", "منصور"),
    ("佐藤恵子", "佐藤恵子", "佐藤恵子"),
    # Role labels are written as they are.
    ("Q", "Q", "Q"),
    ("Moderator", "Moderator", "Moderator"),
    ("Speaker 1", "Speaker 1", "Speaker 1"),
    ("Guest B", "Guest B", "Guest B"),
    ("Unknown Speaker", "Unknown Speaker", "Unknown Speaker"),
    ("Unidentified Male", "Unidentified Male", "Unidentified Male"),
    ("Audience Member", "Audience Member", "Audience Member"),
]


@pytest.mark.parametrize(("name", "surname", "initials"), NAMES, ids=[n[0] for n in NAMES])
def test_short_label(name: str, surname: str, initials: str) -> None:
    assert short_label(name, LabelStyle.SURNAME) == surname
    assert short_label(name, LabelStyle.INITIALS) == initials
    assert short_label(name, LabelStyle.FULL) == name


def test_first_turn_full_then_short() -> None:
    labels = SpeakerLabels([Speaker("tw", "Tom Whitfield", Role.INTERVIEWER)], LabelStyle.INITIALS)
    assert [labels.label("tw") for _ in range(3)] == ["Tom Whitfield", "TW", "TW"]


def test_ambiguous_short_forms_are_not_used() -> None:
    speakers = [
        Speaker("tom", "Tom Whitfield", Role.INTERVIEWER),
        Speaker("tina", "Tina Wu", Role.INTERVIEWEE),  # TW as well
        Speaker("ortega", "Raúl Ortega", Role.INTERVIEWEE),
        Speaker("o", "Ortega", Role.OTHER),  # another speaker's short form as a full name
    ]
    labels = SpeakerLabels(speakers, LabelStyle.INITIALS)
    for speaker in speakers:
        labels.label(speaker.id)
    assert [labels.label(s.id) for s in speakers] == ["Tom Whitfield", "Tina Wu", "RO", "Ortega"]
    labels = SpeakerLabels(speakers, LabelStyle.SURNAME)
    for speaker in speakers:
        labels.label(speaker.id)
    assert [labels.label(s.id) for s in speakers] == ["Whitfield", "Wu", "Raúl Ortega", "Ortega"]


def test_no_labels_and_unknown_speakers() -> None:
    labels = SpeakerLabels([Speaker("tw", "Tom Whitfield", Role.INTERVIEWER)], LabelStyle.NONE)
    assert labels.label("tw") is None
    with pytest.raises(RenderError, match="'nobody'"):
        labels.label("nobody")


@pytest.mark.parametrize(
    ("seconds", "clock", "duration"),
    [(0.0, "00:00:00", "PT0S"), (62.0, "00:01:02", "PT62S"), (62.4, "00:01:02", "PT62.4S"),
     (3723.25, "01:02:03", "PT3723.25S"), (0.001, "00:00:00", "PT0.001S"), (360000.0, "100:00:00", "PT360000S")],
)
def test_times(seconds: float, clock: str, duration: str) -> None:
    assert (clock_time(seconds), iso_duration(seconds)) == (clock, duration)


@pytest.mark.parametrize(("timestamp", "shown"), [(None, None), (5.0, 5.0), (-1.0, None), (float("inf"), None)])
def test_turn_time(timestamp: float | None, shown: float | None) -> None:
    assert turn_time(Turn(Kind.ANSWER, "a", ("x",), 1, timestamp=timestamp)) == shown
