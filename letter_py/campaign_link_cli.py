"""``letter-py campaign-link``: a town's TOML file to a link (and QR code), and back.

Kept apart from :mod:`letter_py.cli` so that command stays one screen per
subcommand; it reuses the CLI's own file helpers and its ``Failure``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from .campaign import Campaign
from .campaign_link import decode, make_link, read_toml_campaign, to_toml
from .i18n import gettext_for, ngettext_for
from .model import FieldError

DESCRIPTION = (
    "Print the campaign link for a town: FILE.toml holds organizer, [defaults] city and state, "
    "[[officials]] (name, role, email, address) and [[articles]] (title, outlet, date, url), as in "
    "campaign.toml (a whole campaign.toml works too). The link is BASE#c1...: the part after # never "
    "reaches a server. With --decode LINK, print a link's campaign back as TOML. --lang words the problems "
    "found in another of the campaign's languages (es for Spanish, pl for Polish)."
)


def add_parser(commands: argparse._SubParsersAction, common: Callable[[argparse.ArgumentParser], None],
               run_command: Callable[[argparse.Namespace], int]) -> None:
    sub = commands.add_parser("campaign-link", help="make a campaign link (and its QR code) for a town, or read one",
                              description=DESCRIPTION)
    sub.add_argument("file", nargs="?", metavar="FILE.toml", help="the town's campaign, or - for stdin")
    sub.add_argument("--base", metavar="URL", help="the letter page's address, like https://example.org/write/")
    sub.add_argument("--qr", metavar="FILE.svg", help="also write the link's QR code as SVG")
    sub.add_argument("--decode", metavar="LINK", help="print the campaign a link carries, as TOML")
    common(sub)
    sub.set_defaults(run=run_command)


def _problems(errors: list[FieldError], what: str | None, lang: str) -> str:
    """The problems on one line in ``lang``, their number with its own form (ngettext); ``what`` None: the link."""
    _, ngettext = gettext_for(lang), ngettext_for(lang)
    shown = "; ".join(f"{e.field}: {e.message}" if e.field else e.message for e in errors[:5])
    if len(errors) > 5:
        more = len(errors) - 5
        shown += ngettext(" (and {count} more)", " (and {count} more)", more).format(count=more)
    line = ngettext("{count} problem in {what}: {shown}", "{count} problems in {what}: {shown}", len(errors))
    return line.format(count=len(errors), what=_("the link") if what is None else what, shown=shown)


def run(args: argparse.Namespace, campaign: Campaign, read_text: Callable[[str], str],
        write: Callable[[Path, str], None], failure: type[Exception]) -> int:
    lang = "en"
    if args.lang:
        lang = campaign.lang_code(args.lang) or ""
        if not lang:
            raise failure(f"--lang: the campaign's languages are {', '.join(campaign.languages)}, not {args.lang!r}", 2)
    if args.decode is not None:
        if args.file or args.base or args.qr:
            raise failure("--decode LINK takes no FILE, --base or --qr", 2)
        local, errors = decode(args.decode, campaign, lang)
        if errors:
            raise failure(_problems(errors, None, lang))
        sys.stdout.write(to_toml(local))
        return 0
    if not args.file or not args.base:
        raise failure("give FILE.toml and --base URL (or --decode LINK)", 2)
    local, errors = read_toml_campaign(read_text(args.file), campaign, origin=args.file, lang=lang)
    if errors:
        raise failure(_problems(errors, args.file, lang))
    link, errors = make_link(args.base, local, lang)
    if errors and errors[0].field == "base":
        raise failure(f"--base: {errors[0].message}", 2)
    if errors:
        raise failure(_problems(errors, None, lang))
    if args.qr:
        from .qr import QRError, qr_svg

        try:
            write(Path(args.qr), qr_svg(link) + "\n")
        except ImportError:
            raise failure("--qr needs the segno package: pip install segno") from None
        except QRError as exc:
            raise failure(str(exc)) from None
    print(link)
    return 0
