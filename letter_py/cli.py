"""The ``letter-py`` command: example, render, batch, check-campaign, campaign-link and directory.

The command line is the only part that reads and writes files; it hands text
to the same pure functions the browser uses. Exit status 0 means success;
bad input gives a one-line reason on stderr and status 1 (usage errors 2).
"""

from __future__ import annotations

import argparse
import csv
import datetime as _dt
import json
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from . import __version__
from .batch import read_rows
from .campaign import Campaign, CampaignError, default_campaign, load_campaign
from .dates import parse_iso_date
from .formats import FORMATS
from .i18n import gettext_for, has_catalogue, ngettext_for
from .jsonapi import render_document
from .model import FieldError
from .render import render_letters
from .text import slugify
from .validate import parse_input

EXAMPLE: dict[str, object] = {
    "recipients": [
        {
            "role": "mayor",
            "name": "Maria Lopez",
            "email": "mayor@springfield.example.gov",
            "address": "Office of the Mayor\n300 S. Seventh Street\nSpringfield, IL 62701",
        },
        {"role": "police_chief", "name": "Ken Brown", "email": "chief@springfield.example.gov"},
    ],
    "sender": {
        "name": "Alex Doe",
        "street": "123 Main Street",
        "city": "Springfield",
        "state": "IL",
        "zip": "62704",
        "email": "alex@example.com",
        "phone": "217 555 0100",
    },
    "community": {"city": "Springfield", "state": "Illinois"},
    "articles": [
        {
            "title": "Police arrest 12 in sting targeting sex buyers",
            "outlet": "Springfield Gazette",
            "date": "2026-03-14",
            "url": "https://news.example.com/2026/03/14/sting",
        }
    ],
    "personal": "I have raised my children here, and I want every young person in our town to be safe.",
    "date": "2026-11-29",
}
# The same letter in Spanish: the salutations agree with the gender the visitor chose.
EXAMPLE_ES: dict[str, object] = {
    "lang": "es",
    **EXAMPLE,
    "recipients": [
        {**EXAMPLE["recipients"][0], "gender": "f", "name": "María López García"},  # type: ignore[index]
        {**EXAMPLE["recipients"][1], "gender": "m"},  # type: ignore[index]
    ],
    "personal": "He criado a mis hijos aquí y quiero que todos los jóvenes de nuestra ciudad estén seguros.",
}
# In Polish: names with the letters a file name must still spell (ł, ś), and greetings by gender.
EXAMPLE_PL: dict[str, object] = {
    "lang": "pl",
    **EXAMPLE,
    "recipients": [
        {**EXAMPLE["recipients"][0], "gender": "f", "name": "Małgorzata Wiśniewska"},  # type: ignore[index]
        {**EXAMPLE["recipients"][1], "gender": "m", "name": "Paweł Zając"},  # type: ignore[index]
    ],
    "sender": {**EXAMPLE["sender"], "name": "Łucja Dąbrowska"},  # type: ignore[dict-item]
    "personal": "Wychowuję tu dzieci i chcę, aby wszyscy młodzi ludzie w naszym mieście byli bezpieczni.",
}
EXAMPLES: dict[str, dict[str, object]] = {"en": EXAMPLE, "es": EXAMPLE_ES, "pl": EXAMPLE_PL}
LANGUAGES_HELP = "a letter language's code: en (the default), es, pl or another the campaign has"



class Failure(Exception):
    """A reason to stop, shown to the person as one line."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _words(args: argparse.Namespace) -> Callable[[str], str]:
    """``_`` for the command's own lines: ``--lang``'s language where letter_py has its messages."""
    lang = (getattr(args, "lang", None) or "en").strip().replace("_", "-").split("-", 1)[0].lower()
    return gettext_for(lang if has_catalogue(lang) else "en")


def _campaign(args: argparse.Namespace) -> Campaign:
    try:
        return load_campaign(args.campaign) if args.campaign else default_campaign()
    except CampaignError as exc:
        _ = _words(args)
        raise Failure(_("broken campaign: {reason}").format(reason=exc)) from None


def _today(args: argparse.Namespace) -> _dt.date:
    if not args.today:
        return _dt.date.today()
    day = parse_iso_date(args.today)
    if day is None:
        raise Failure(f"--today must be a date like 2026-11-29, not {args.today!r}", 2)
    return day


def _read_text(path: str) -> str:
    try:
        if path == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise Failure(f"cannot read {path}: {exc}") from None


def _read_json_object(path: str) -> dict[str, object]:
    text = _read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Failure(f"{path}: not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(data, dict):
        raise Failure(f"{path}: the input must be a JSON object (run `letter-py example` for one)")
    return data


def _plural(args: argparse.Namespace) -> Callable[[str, str, int], str]:
    """``ngettext`` for the command's own lines, in ``--lang``'s language (see :func:`_words`)."""
    lang = (getattr(args, "lang", None) or "en").strip().replace("_", "-").split("-", 1)[0].lower()
    return ngettext_for(lang if has_catalogue(lang) else "en")


def _errors_line(errors: Sequence[FieldError], _: Callable[[str], str], ngettext: Callable[[str, str, int], str]) -> str:
    """The input's problems on one line, worded by ``_`` and ``ngettext`` (the messages are the input's own)."""
    shown = "; ".join(f"{e.field or _('input')}: {e.message}" for e in errors[:5])
    if len(errors) > 5:
        more = len(errors) - 5
        shown += ngettext(" (and {count} more)", " (and {count} more)", more).format(count=more)
    line = ngettext("{count} problem in the input: {shown}", "{count} problems in the input: {shown}", len(errors))
    return line.format(count=len(errors), shown=shown)


def _write(path: Path, text: str, make_folder: bool = True) -> None:
    try:
        if make_folder:
            path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        raise Failure(f"cannot write {path}: {exc}") from None


def cmd_example(args: argparse.Namespace) -> int:
    example = EXAMPLES.get(args.lang or "en")
    if example is None:
        raise Failure(f"--lang: there is an example in {', '.join(EXAMPLES)}, not {args.lang!r}", 2)
    if args.town:
        from .directory.cli import example as town_example

        example = town_example(example, args.town, Failure)
    sys.stdout.write(json.dumps(example, indent=2, ensure_ascii=False) + "\n")
    return 0


def _with_lang(data: dict[str, object], lang: str | None) -> dict[str, object]:
    """The document with ``--lang`` as its letter's and its messages' language, where it names none."""
    if not lang:
        return data
    named = {key: lang for key in ("lang", "messages_lang") if data.get(key) in (None, "")}
    return {**data, **named} if named else data


def cmd_render(args: argparse.Namespace) -> int:
    campaign = _campaign(args)
    today = _today(args)
    if args.format == "json":
        text = _read_text(args.input)
        if args.lang:
            try:
                decoded = json.loads(text)
            except (json.JSONDecodeError, RecursionError):
                decoded = None  # render_document reports it
            if isinstance(decoded, dict):
                text = json.dumps(_with_lang(decoded, args.lang))
        document = render_document(text, campaign, today)
        _emit(args, json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0 if document["ok"] else 1
    data = _with_lang(_read_json_object(args.input), args.lang)
    letter_input, errors = parse_input(data, campaign)
    _ = _words(args)
    if errors and not args.draft:
        raise Failure(_errors_line(errors, _, _plural(args)) + _(" (use --draft to render with placeholders)"))
    for error in errors:
        print(f"letter-py: warning: {error.field}: {error.message}", file=sys.stderr)
    drafts = render_letters(letter_input, campaign, today)
    fmt = FORMATS[args.format]
    if args.out:
        for draft in drafts:
            _write(Path(args.out) / f"{draft.filename}.{fmt.extension}", fmt.render(draft))
        return 0
    whole_file = args.format in ("eml", "ics")  # CRLF documents, written as they are
    if len(drafts) > 1 and (whole_file or args.format == "html"):
        raise Failure(f"{len(drafts)} letters cannot share one .{fmt.extension} file: use --out DIR", 2)
    separator = "\n" if args.format == "mailto" else "\n\f\n"
    _emit(args, separator.join(fmt.render(draft).rstrip("\n") for draft in drafts) + "\n"
          if not whole_file else fmt.render(drafts[0]))
    return 0


def _emit(args: argparse.Namespace, text: str) -> None:
    if args.output and args.output != "-":
        _write(Path(args.output), text)
    else:
        sys.stdout.write(text)


def cmd_batch(args: argparse.Namespace) -> int:
    campaign = _campaign(args)
    today = _today(args)
    base = _with_lang(_read_json_object(args.base) if args.base else {}, args.lang)  # a row's lang column wins
    fmt = FORMATS[args.format]
    out = Path(args.out)
    _, ngettext = _words(args), _plural(args)
    try:
        handle = open(args.senders, encoding="utf-8-sig", newline="")  # noqa: SIM115
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise Failure(f"cannot read {args.senders} or make {out}: {exc}") from None
    summary: list[tuple[int, str, str]] = []
    written = bad = 0
    with handle:
        for row in read_rows(handle, base):
            if isinstance(row, tuple):
                line, error = row
                errors = [error]
            else:
                line = row.line
                letter_input, errors = parse_input(row.data, campaign)
            if errors:
                bad += 1
                print(_("{file}, line {line}: {problems}").format(
                    file=args.senders, line=line, problems=_errors_line(errors, _, ngettext)), file=sys.stderr)
                summary.append((line, "error", " | ".join(f"{e.field}: {e.message}" for e in errors)))
                continue
            names = []
            sender = slugify(letter_input.sender.name, 30)
            for draft in render_letters(letter_input, campaign, today):
                name = f"line{line:04d}-{sender}-{draft.filename}.{fmt.extension}"
                _write(out / name, fmt.render(draft), make_folder=False)
                names.append(name)
                written += 1
            summary.append((line, "ok", " ".join(names)))
    _write_summary(out / "summary.csv", summary)
    rows = len(summary)
    # Each number with its own noun, each phrase a whole message: the number chooses the form.
    print(_("{rows}: {ok} written as {files} in {out}, {bad} with errors; summary in {summary}").format(
        rows=ngettext("{count} row", "{count} rows", rows).format(count=rows), ok=rows - bad,
        files=ngettext("{count} file", "{count} files", written).format(count=written), out=out, bad=bad,
        summary=out / "summary.csv"))
    if bad:
        raise Failure(ngettext("{bad} of {rows} row had errors (see above); the other rows were written",
                         "{bad} of {rows} rows had errors (see above); the other rows were written", rows).format(
            bad=bad, rows=rows))
    return 0


def _write_summary(path: Path, rows: list[tuple[int, str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["line", "status", "detail"])
        writer.writerows(rows)


def _template_line(exc: BaseException) -> str:
    """``body.txt.j2, line 4`` from a Jinja2 runtime error's traceback, if any."""
    for frame, lineno in reversed(list(traceback.walk_tb(exc.__traceback__))):
        name = frame.f_code.co_filename
        if name.endswith(".j2") or name.endswith(".html"):
            return f"{name}, line {lineno}: "
    return ""


def cmd_check_campaign(args: argparse.Namespace) -> int:
    _, ngettext = _words(args), _plural(args)
    try:
        campaign = load_campaign(args.folder)
    except CampaignError as exc:
        raise Failure(_("broken campaign: {reason}").format(reason=exc)) from None
    today = _dt.date(2026, 1, 1)
    samples: dict[str, dict[str, object]] = {"the example input": EXAMPLE}
    for lang in campaign.languages:
        if lang in EXAMPLES and lang != "en":
            samples[f"the {lang!r} example input"] = EXAMPLES[lang]
    samples.update(campaign.sample_inputs())
    for label, data in samples.items():
        letter_input, _errors = parse_input(data, campaign)
        try:
            for draft in render_letters(letter_input, campaign, today):
                draft.to_dict()
        except Exception as exc:  # a template error at render time
            reason = (f"{args.folder}/{_template_line(exc)}{type(exc).__name__}: {exc}"
                      + _(" (while rendering {sample})").format(sample=label))
            raise Failure(_("broken campaign: {reason}").format(reason=reason)) from None
    problems = campaign.translation_problems()
    if problems:
        shown = "; ".join(problems[:5])
        if len(problems) > 5:
            more = len(problems) - 5
            shown += ngettext(" (and {count} more)", " (and {count} more)", more).format(count=more)
        raise Failure(_("broken campaign: {reason}").format(reason=f"{args.folder}: {shown}"))
    roles, officials, articles = len(campaign.roles), len(campaign.officials), len(campaign.articles)
    print(_("ok: {name} in {folder}: {roles}, {officials}, {articles}, letters in {languages}").format(
        name=repr(campaign.name), folder=args.folder,
        roles=ngettext("{count} role", "{count} roles", roles).format(count=roles),
        officials=ngettext("{count} official", "{count} officials", officials).format(count=officials),
        articles=ngettext("{count} article", "{count} articles", articles).format(count=articles),
        languages=", ".join(campaign.languages)))
    return 0


def cmd_campaign_link(args: argparse.Namespace) -> int:
    from .campaign_link_cli import run

    return run(args, _campaign(args), _read_text, _write, Failure)


def cmd_directory(args: argparse.Namespace) -> int:
    from .directory.cli import run

    return run(args, _write, Failure)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="letter-py",
        description="Write a personal letter to local leaders asking them to hold buyers of sex accountable.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--campaign", metavar="DIR", help="campaign folder (default: the packaged Illinois letter)")
        sub.add_argument("--today", metavar="YYYY-MM-DD",
                         help="the date used when the input gives none (default: today)")
        sub.add_argument("--lang", metavar="LANG",
                         help="the language of the messages and of these lines, and the letter's when the "
                              f"input gives none: {LANGUAGES_HELP}")

    formats = ", ".join(f"{f.name} ({f.help})" for f in FORMATS.values())

    sub = commands.add_parser("example", help="print a complete, valid input document (JSON)",
                              description="Print a complete, valid input document (JSON) that render accepts; "
                                          "--lang gives the same letter in another language (es, pl).")
    sub.add_argument("--lang", metavar="LANG", help=f"the example's letter language: {', '.join(EXAMPLES)}")
    sub.add_argument("--town", metavar="NAME",
                     help="an Illinois town (name or Census place ID): its known officials become the recipients")
    sub.set_defaults(run=cmd_example)

    sub = commands.add_parser("render", help="render the letters of one input document",
                              description=f"Render the letters of one JSON input document. Formats: {formats}.")
    sub.add_argument("--input", "-i", required=True, metavar="FILE", help="input JSON file, or - for stdin")
    sub.add_argument("--format", "-f", choices=list(FORMATS), default="email", help="output format (default: email)")
    sub.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    sub.add_argument("--out", metavar="DIR", help="write one file per letter into DIR")
    sub.add_argument("--draft", action="store_true",
                     help="render even when the input has problems, with placeholders")
    common(sub)
    sub.set_defaults(run=cmd_render)

    sub = commands.add_parser(
        "batch", help="one letter file per row of a CSV file of senders",
        description="Write one letter file per recipient for each row of a CSV file. Columns are field paths "
                    "(sender.name, recipients.0.name, recipients.0.family_name, recipients.0.gender, personal, lang, ...) or the aliases name, "
                    "street, city, state, zip, email, phone; a row's lang column overrides --lang. Rows with problems are reported with their line number; the others "
                    "are still written. A summary.csv is written beside the letters.")
    sub.add_argument("senders", metavar="SENDERS.csv", help="CSV file with a header row")
    sub.add_argument("--out", required=True, metavar="DIR", help="folder for the letter files")
    sub.add_argument("--base", metavar="FILE",
                     help="JSON input shared by every row, e.g. the recipients and articles")
    sub.add_argument("--format", "-f", choices=list(FORMATS), default="letter", help="file format (default: letter)")
    common(sub)
    sub.set_defaults(run=cmd_batch)

    sub = commands.add_parser("check-campaign", help="check a campaign folder",
                              description="Load a campaign folder, compile its templates and render sample "
                                          "letters; report the file and line of the first problem.")
    sub.add_argument("folder", metavar="DIR", help="campaign folder")
    sub.add_argument("--lang", metavar="LANG", help=f"the language of these lines: {LANGUAGES_HELP}")
    sub.set_defaults(run=cmd_check_campaign)

    from .campaign_link_cli import add_parser

    add_parser(commands, common, cmd_campaign_link)

    from .directory.cli import add_parser as add_directory_parser

    add_directory_parser(commands, cmd_directory)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except Failure as exc:
        print(f"letter-py: error: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
