"""The one display layer: everything the CLI prints goes through here, so untrusted text is inert.

Article text, titles, outlet names, file names and URLs come from the outside world. Printed as
they are, ``[/b]`` breaks rich's markup parser, ``[link=file:///etc/passwd]`` becomes a link and
``\\x1b]0;...`` or ``\\x1b[2J`` retitle or clear the terminal. So:

- the consoles made here never interpret markup, emoji codes or highlighting in strings, and
  every string they render is cleaned first (``safe_text``); the CLI's own styling is built as
  ``rich.text.Text`` with explicit styles (``styled``), never as markup;
- ``safe_text`` removes escape sequences (CSI, OSC, DCS, ...), C0/C1 control characters other
  than newline and tab, and bidirectional overrides, and replaces lone surrogates;
- JSON lines are lossless: the stored text is kept, but every character a terminal could act
  on is written as a ``\\uXXXX`` escape (``json_line``).

Nothing here changes what is stored; it only changes what reaches a terminal.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from typing import IO, Any

from rich.console import Console
from rich.style import Style
from rich.text import Text

# A whole escape sequence goes, not just its ESC: "[2J" left behind would still be noise.
# ESC [ ... final byte (CSI); ESC ] ... BEL or ST (OSC); ESC P/X/^/_ ... ST (DCS, SOS, PM, APC);
# ESC and one more byte (two-character sequences such as ESC c, which resets the terminal).
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[\x20-\x7e]?"
)
# C0 controls except tab and newline, DEL, C1 controls, bidirectional embeddings/overrides/isolates
# (they reorder what is shown: "Trojan source"), line/paragraph separators, and lone surrogates.
_UNSAFE_CHARS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]"
)
_REPLACE = {"\r": "", "\u2028": "\n", "\u2029": "\n"}


def safe_text(value: object) -> str:
    """``value`` as a string a terminal shows literally: no escape sequences or control characters."""
    text = value if isinstance(value, str) else str(value)
    if not _UNSAFE_CHARS.search(text):
        return text
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _UNSAFE_CHARS.sub(lambda m: _REPLACE.get(m.group(), "\ufffd" if "\ud800" <= m.group() <= "\udfff" else ""),
                             text)


def styled(value: object, style: str | Style = "") -> Text:
    """Untrusted ``value`` as a rich Text with the CLI's own ``style``; no markup is read from it."""
    return Text(safe_text(value), style=style)


def join(*parts: Text | str) -> Text:
    """Text made of styled parts (``Text``) and untrusted strings (cleaned, unstyled)."""
    return Text.assemble(*(p if isinstance(p, Text) else Text(safe_text(p)) for p in parts))


class SafeConsole(Console):
    """A rich Console for untrusted text: strings are cleaned and never read as markup or emoji."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.update(markup=False, emoji=False, highlight=False)
        super().__init__(**kwargs)

    def render_str(self, text: str, **kwargs: Any) -> Text:
        # Tables, rules, panels and print() all turn strings into Text here.
        kwargs.update(markup=False, emoji=False, highlight=False)
        return super().render_str(safe_text(text), **kwargs)


def console(stderr: bool = False, **kwargs: Any) -> SafeConsole:
    return SafeConsole(stderr=stderr, **kwargs)


# Characters JSON may leave raw that a terminal could act on, or that cannot be encoded.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff]")


def json_line(record: object) -> str:
    """One JSON line, lossless (``json.loads`` gives ``record`` back) and inert on a terminal."""
    text = json.dumps(record, ensure_ascii=False)  # C0 controls are already escaped by json
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write_json_line(record: object, stream: IO[str] | None = None) -> None:
    (stream or sys.stdout).write(json_line(record) + "\n")


class TerminalWriter:
    """A text stream that cleans what it writes when, and only when, it is a terminal.

    For exports printed to the screen; written to a file or a pipe, the data is unchanged.
    """

    def __init__(self, stream: IO[str]):
        self._stream = stream
        self._clean = bool(getattr(stream, "isatty", lambda: False)())

    def write(self, text: str) -> int:
        if self._clean:
            text = safe_text(text)
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()


class ConsoleLogHandler(logging.Handler):
    """Library warnings (``logging``) as one cleaned ``sitrep: warning: ...`` line on a console."""

    def __init__(self, target: Console):
        super().__init__(logging.WARNING)
        self.target = target

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.target.print(f"sitrep: {record.levelname.lower()}: {record.getMessage()}")
        except Exception:  # noqa: BLE001 - a warning must never stop the batch
            self.handleError(record)


def actor_text(actor: dict | None) -> str:
    """An actor for display: its canonical name, then the outlet's own words when they differ."""
    if not actor:
        return ""
    name, label = actor.get("name"), actor.get("label")
    if name and label and label.lower() != name.lower():
        return f"{name} “{label}”"
    return name or f"“{label}”"
