"""``letter-py directory build|check|show`` and ``letter-py example --town``.

Kept apart from :mod:`letter_py.cli` like ``campaign_link_cli``; it reuses
the CLI's own ``Failure`` and file writer, passed in.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path

from ..dates import format_date, parse_iso_date
from .records import TownIndex, describe
from .site import CORRECTIONS_FILE, DirectoryError, is_stale, load_corrections, load_snapshot, site_data

DESCRIPTION = (
    "The Illinois officials directory: every town (Census Gazetteer), its website (UScityURL, CC BY 4.0), its "
    "police department or sheriff (FBI and HIFLD, public domain), its known mayor (Open States, CC0), plus this "
    "project's corrections.toml. build rebuilds the snapshot from local copies of the sources; check validates "
    "a corrections file; show prints what is known about one town."
)


def add_parser(commands: argparse._SubParsersAction, run_command: Callable[[argparse.Namespace], int]) -> None:
    sub = commands.add_parser("directory", help="the Illinois officials directory: build, check, show",
                              description=DESCRIPTION)
    actions = sub.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="rebuild the snapshot from local copies of its sources",
                               description="Read the Census Gazetteer's Illinois towns, UScityURL's websites, Open "
                                           "States' mayors and the FBI's and HIFLD's police agencies, validate "
                                           "every value, match each to one town, and write the snapshot. Refused "
                                           "values and skipped rows are listed and never shipped.")
    build.add_argument("--geo", required=True, metavar="DIR",
                       help="a clone of bdurand/us_geo (the Census Gazetteer files and place-county relationships)")
    build.add_argument("--uscityurl", required=True, metavar="DIR", help="a clone of caimeng2/UScityURL")
    build.add_argument("--openstates", required=True, metavar="DIR",
                       help="a clone of openstates/people, with its history (when each official's values changed)")
    build.add_argument("--fbi", required=True, metavar="FILE",
                       help="the FBI Crime Data Explorer's agency list as CSV (ori, county, agency_name, agency_type)")
    build.add_argument("--hifld", required=True, metavar="FILE",
                       help="HIFLD's Local Law Enforcement Locations as CSV (its Illinois rows are enough)")
    build.add_argument("--https", metavar="FILE",
                       help="the https:// addresses of http:// websites that answered, one a line with the day "
                            "(address, a tab, YYYY-MM-DD): they ship instead of being refused")
    build.add_argument("--out", metavar="FILE", help="where to write the snapshot (default: the packaged il.json)")
    build.add_argument("--today", metavar="YYYY-MM-DD", help="the day for counting stale terms (default: today)")
    check = actions.add_parser("check", help="check a corrections file",
                               description="Validate a corrections file against the directory's towns and the "
                                           "default campaign's roles: one line per problem, exit status 1.")
    check.add_argument("file", nargs="?", metavar="FILE", help="corrections file (default: the packaged one)")
    show = actions.add_parser("show", help="what is known about one town, with sources and dates",
                              description="Print a town's website and officials, each with its source and the "
                                          "date it was checked; a term that has ended is marked.")
    show.add_argument("town", metavar="TOWN", help="the town's name or 7-digit Census place ID")
    show.add_argument("--today", metavar="YYYY-MM-DD", help="the day for marking ended terms (default: today)")
    sub.set_defaults(run=run_command)


def _today(text: str | None, failure: type[Exception]) -> _dt.date:
    if not text:
        return _dt.date.today()
    day = parse_iso_date(text)
    if day is None:
        raise failure(f"--today must be a date like 2026-11-29, not {text!r}", 2)
    return day


def _data(failure: type[Exception]) -> dict[str, object]:
    try:
        return site_data(snapshot := load_snapshot(), load_corrections(snapshot))
    except DirectoryError as exc:
        raise failure(f"broken directory: {exc}") from None


def find_town(data: Mapping[str, object], text: str, failure: type[Exception]) -> dict[str, object]:
    """The one town ``text`` names, or a failure that suggests close names."""
    towns = TownIndex(data["towns"])  # type: ignore[arg-type]
    found = towns.find(text)
    if len(found) == 1:
        return found[0]
    if found:
        raise failure(f"{text!r} names {len(found)} Illinois towns: {', '.join(map(describe, found))}; "
                      "give the Census place ID instead")
    close = towns.suggestions(text)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    raise failure(f"no Illinois town {text!r} in the directory{hint}")


def _ending(official: Mapping[str, object], today: _dt.date) -> str:
    end = parse_iso_date(str(official.get("term_end") or ""))
    if end is None:
        return ""
    if is_stale(official, today):
        return f"term listed as ending {format_date(end)}: check the town's website before you send"
    return f"term ends {format_date(end)}"


def _source_line(data: Mapping[str, object], official: Mapping[str, str]) -> str:
    source = data["sources"][official["source"]]  # type: ignore[index]
    parts = [f"{source['name']} ({source['licence']})"]
    if official.get("source_url"):
        parts.append(official["source_url"])
    if official.get("published"):
        parts.append(f"published {official['published']}")
    if official["source"] == "openstates":
        parts.append(f"values last changed there {official['checked']}")
    elif official["source"] in ("fbi", "hifld"):
        parts.append(f"list of {source['date']}")
    elif official.get("checked"):
        parts.append(f"read {official['checked']}")
    line = "source: " + ", ".join(parts)
    if official.get("contact_source"):
        where = data["sources"][official["contact_source"]]  # type: ignore[index]
        line += f"; contact details: {where['name']} ({where['licence']}), as of {official['contact_checked']}"
    return line


def _official_lines(data: Mapping[str, object], official: Mapping[str, str], today: _dt.date) -> list[str]:
    who = ", ".join(part for part in (official.get("name"), official.get("organization")) if part)
    lines = [f"  {official['role']}: {who}"]
    for key in ("email", "phone", "address"):
        if official.get(key):
            value = str(official[key]).replace("\n", ", ")
            lines.append(f"    {key}: {value}")
    ending = _ending(official, today)
    if ending:
        lines.append(f"    {ending}")
    lines.append("    " + _source_line(data, official))
    return lines


def show(args: argparse.Namespace, failure: type[Exception]) -> int:
    data = _data(failure)
    today = _today(args.today, failure)
    town = find_town(data, args.town, failure)
    lines = [f"{town['name']}, IL ({town['kind']}, Census place {town['id']})"]
    if town.get("website"):
        key = str(town["website_source"])
        source = data["sources"][key]  # type: ignore[index]
        when = f", collected {source['date']}" if key == "uscityurl" else ""
        if town.get("website_checked"):
            when += f"; its https:// address answered {town['website_checked']}"
        lines.append(f"  website: {town['website']}  (source: {source['name']}, {source['licence']}{when})")
    else:
        lines.append("  website: none known")
    officials = town.get("officials") or []
    if not officials:
        where = "website above" if town.get("website") else "own website"
        lines.append(f"  officials: none known; find the mayor's and police chief's details on the town's {where}")
    for official in officials:  # type: ignore[union-attr]
        lines += _official_lines(data, official, today)
    if town.get("sheriff"):
        lines.append(f"  police: no department of its own in the FBI's or HIFLD's lists; "
                     f"{town['sheriff']} County's sheriff serves it")
        lines += _official_lines(data, data["sheriffs"][town["sheriff"]], today)  # type: ignore[index]
    print("\n".join(lines))
    return 0


def check(args: argparse.Namespace, failure: type[Exception]) -> int:
    try:
        snapshot = load_snapshot()
        corrections = load_corrections(snapshot, args.file)
    except DirectoryError as exc:
        print(str(exc), file=sys.stderr)
        count = str(exc).count("\n") + 1
        raise failure(f"{args.file or CORRECTIONS_FILE}: {count} problem{'s' if count != 1 else ''}") from None
    officials = sum(len(found) for found in corrections.officials.values())
    print(f"ok: {args.file or CORRECTIONS_FILE}: {officials} official{'s' if officials != 1 else ''}, "
          f"{len(corrections.websites)} website{'s' if len(corrections.websites) != 1 else ''}")
    return 0


def summary(snapshot: Mapping[str, object], today: _dt.date) -> list[str]:
    """The build's report: counts, then every refused value and skipped entry."""
    towns = snapshot["towns"]
    officials = [o for t in towns for o in t.get("officials", ())]  # type: ignore[union-attr]
    mayors = [o for o in officials if o["source"] == "openstates"]
    police = [o for o in officials if o["role"] == "police_chief"]
    stale = sum(is_stale(o, today) for o in mayors)
    refused, skipped = snapshot["refused"], snapshot["skipped"]
    by_field = Counter(r["field"] for r in refused)  # type: ignore[union-attr]
    lines = [
        f"towns: {len(towns)}, with a website: {sum('website' in t for t in towns)}, "  # type: ignore[arg-type]
        f"mayors: {len(mayors)} ({stale} stale as of {today.isoformat()})",
        f"police departments: {len(police)}, with a postal address: {sum('address' in o for o in police)}; "
        f"towns a county's sheriff serves: {sum('sheriff' in t for t in towns)} "  # type: ignore[union-attr]
        f"(sheriffs: {len(snapshot['sheriffs'])})",  # type: ignore[arg-type]
        f"refused values: {len(refused)}"  # type: ignore[arg-type]
        + (f" ({', '.join(f'{field} {n}' for field, n in sorted(by_field.items()))})" if by_field else ""),
    ]
    lines += [f"  refused: {r['source']} {r['entry']}: {r['field']}: {r['reason']}" for r in refused]  # type: ignore[union-attr]
    lines.append(f"skipped entries: {len(skipped)}")  # type: ignore[arg-type]
    lines += [f"  skipped: {s['source']} {s['entry']}: {s['reason']}" for s in skipped]  # type: ignore[union-attr]
    return lines


def build(args: argparse.Namespace, write: Callable[[Path, str], None], failure: type[Exception]) -> int:
    from .build import BuildError, build as build_snapshot
    from .snapshot import dumps

    today = _today(args.today, failure)
    try:
        snapshot = build_snapshot(args.geo, args.uscityurl, args.openstates, args.fbi, args.hifld, args.https)
    except BuildError as exc:
        raise failure(str(exc)) from None
    out = Path(args.out) if args.out else Path(__file__).with_name("il.json")
    write(out, dumps(snapshot))
    print("\n".join(summary(snapshot, today)))
    print(f"wrote {out}")
    return 0


def run(args: argparse.Namespace, write: Callable[[Path, str], None], failure: type[Exception]) -> int:
    if args.action == "build":
        return build(args, write, failure)
    if args.action == "check":
        return check(args, failure)
    return show(args, failure)


def example(base: Mapping[str, object], town_name: str, failure: type[Exception]) -> dict[str, object]:
    """The example input with the town's officials as recipients and the town as community."""
    data = _data(failure)
    town = find_town(data, town_name, failure)
    today = _dt.date.today()
    recipients = []
    officials = list(town.get("officials") or ())  # type: ignore[arg-type]
    if town.get("sheriff"):
        print(f"letter-py: note: {town['name']} has no police department of its own in the federal lists: "
              f"{town['sheriff']} County's sheriff serves it", file=sys.stderr)
        officials.append(data["sheriffs"][town["sheriff"]])  # type: ignore[index]
    for official in officials:
        recipients.append({key: official[key] for key in ("role", "name", "organization", "email", "phone",
                                                          "address") if official.get(key)})
        if is_stale(official, today):
            print(f"letter-py: note: {official['name']}: {_ending(official, today)}", file=sys.stderr)
    if not recipients:
        where = f" ({town['website']})" if town.get("website") else ""
        print(f"letter-py: note: no official is known for {town['name']}: find your mayor's and police chief's "
              f"details on the town's website{where} and fill in the recipients", file=sys.stderr)
        recipients = [{"role": "mayor", "name": ""}, {"role": "police_chief", "name": ""}]
    # No other town's news: the campaign's own articles are cited instead.
    sender = {**base["sender"], "city": town["name"], "state": "IL"}  # type: ignore[dict-item]
    document = {**base, "recipients": recipients, "sender": sender,
                "community": {"city": town["name"], "state": "Illinois"}}
    document.pop("articles", None)
    return document


def print_example(document: Mapping[str, object]) -> None:
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
