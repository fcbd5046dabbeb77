#!/usr/bin/env python3
"""Print how fast letter_py renders letters (figures, not a timed test).

Three ways to make N letters (default 10,000), each on one core:

* floor: a plain ``str.format`` of the same letter text, with no validation,
  escaping, templates or extra formats: what no engine can beat;
* JSON entry point: ``render_json`` as the browser calls it on each keystroke,
  one document per letter (each answer holds every format: email, printed
  letter, HTML, mailto:, .eml), the same in Spanish, and also ten
  recipients per document;
* batch: ``letter-py batch`` in this process, from a CSV file of N senders to
  N letter files (CSV reading and file writing included), beside the same
  rows rendered without writing files and the cost of writing N files of
  that size alone. Files go to a RAM disk (/dev/shm) when there is one: on
  a busy shared disk, creating 10,000 files alone can take seconds.

Target: 10,000 letters in under 2 s by each way. Run: ``python -m scripts.bench.letters``.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import io
import json
import platform
import statistics
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

import letter_py
from letter_py.batch import read_rows
from letter_py.cli import main as cli_main
from letter_py.formats import FORMATS

TODAY = dt.date(2026, 11, 29)
FIRST = ["Alex", "Sam", "Maria", "José", "Ken", "Aisha", "Wei", "Olga", "Tom", "Priya"]
LAST = ["Doe", "Lopez", "Brown", "Nguyen", "O'Neill", "Kowalski", "Okafor", "Smith", "Chen", "Garcia"]
CITIES = [("Springfield", "IL", "62704"), ("Peoria", "IL", "61602"), ("Madison", "WI", "53703"),
          ("Gary", "Indiana", "46402"), ("Joliet", "Illinois", "60432")]


def sender(i: int) -> dict[str, str]:
    city, state, zip_code = CITIES[i % len(CITIES)]
    return {
        "name": f"{FIRST[i % 10]} {LAST[(i // 10) % 10]} {i}",
        "street": f"{100 + i} Main Street",
        "city": city,
        "state": state,
        "zip": zip_code,
        "email": f"person{i}@example.com",
    }


def document(i: int, recipients: int = 1) -> dict[str, object]:
    return {
        "recipients": [{"role": "mayor", "name": f"Maria Lopez {r}", "email": "mayor@springfield.example.gov",
                        "address": "300 S. Seventh Street\nSpringfield, IL 62701"} for r in range(recipients)],
        "sender": sender(i),
        "articles": [{"title": "Police arrest 12 in sting targeting sex buyers", "outlet": "Springfield Gazette",
                      "date": "2026-03-14", "url": "https://news.example.com/2026/03/14/sting"}],
        "personal": f"I have lived here for {i % 40 + 1} years and I want our streets to be safe.",
        "date": "2026-11-29",
    }


def timed(label: str, letters: int, run, repeat: int) -> float:
    """Best of ``repeat`` runs, printed as a row.

    The figure is this process's CPU time (one core), which other work on a
    shared machine disturbs less than wall-clock time; the best wall-clock
    time is shown beside it.
    """
    cpu, wall = [], []
    for _ in range(repeat):
        gc.collect()
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        run()
        cpu.append(time.process_time() - start_cpu)
        wall.append(time.perf_counter() - start_wall)
    best = min(cpu)
    print(f"{label:<52} {letters:>6,} letters {best:6.2f} s CPU  {letters / best:>8,.0f}/s  "
          f"{best / letters * 1e6:6.1f} µs each  (wall best {min(wall):.2f} s, median {statistics.median(wall):.2f} s)")
    return best


def floor(n: int) -> None:
    """str.format of the finished letter text: the lower bound."""
    campaign = letter_py.default_campaign()
    data, _ = letter_py.parse_input(document(0), campaign)
    (draft,) = letter_py.render_letters(data, campaign, TODAY)
    template = draft.letter_text.replace("{", "{{").replace("}", "}}")
    for key, value in (("name", "Alex Doe 0"), ("street", "100 Main Street"), ("recipient", "Mayor Maria Lopez 0")):
        template = template.replace(value, "{" + key + "}")
    senders = [sender(i) for i in range(n)]

    def run() -> None:
        for s in senders:
            template.format(name=s["name"], street=s["street"], recipient="Mayor Maria Lopez 0")

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="letters per way (default 10,000)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per way; the best is shown (default 3)")
    parser.add_argument("--files-in", metavar="DIR", default="/dev/shm" if Path("/dev/shm").is_dir() else None,
                        help="where batch writes its files (default: /dev/shm if present, else a temporary folder)")
    args = parser.parse_args()
    n = args.n
    print(f"letter_py {letter_py.__version__} on {platform.python_implementation()} {platform.python_version()}, "
          f"{platform.machine()}, one core; best of {args.repeat}")

    campaign = letter_py.default_campaign()
    timed("floor: str.format of the letter text", n, floor(n), args.repeat)

    singles = [json.dumps(document(i)) for i in range(n)]
    timed("render_json, 1 recipient per call (all formats)", n,
          lambda: [letter_py.render_json(text, campaign, today=TODAY) for text in singles], args.repeat)

    spanish = [json.dumps({**document(i), "lang": "es"}) for i in range(n)]
    timed("render_json in Spanish, 1 recipient per call", n,
          lambda: [letter_py.render_json(text, campaign, today=TODAY) for text in spanish], args.repeat)

    tens = [json.dumps(document(i, 10)) for i in range(n // 10)]
    timed("render_json, 10 recipients per call (all formats)", n,
          lambda: [letter_py.render_json(text, campaign, today=TODAY) for text in tens], args.repeat)

    same = singles[0]
    letter_py.render_json(same, campaign, today=TODAY)
    timed("render_json, same document again (a keystroke)", n,
          lambda: [letter_py.render_json(same, campaign, today=TODAY) for _ in range(n)], args.repeat)

    with tempfile.TemporaryDirectory(dir=args.files_in) as tmp:
        folder = Path(tmp)
        print(f"batch files are written under {folder}")
        base = folder / "base.json"
        base.write_text(json.dumps({k: v for k, v in document(0).items() if k not in ("sender", "personal")}),
                        encoding="utf-8")
        senders = folder / "senders.csv"
        with senders.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["name", "street", "city", "state", "zip", "email", "personal"])
            for i in range(n):
                s = sender(i)
                writer.writerow([s["name"], s["street"], s["city"], s["state"], s["zip"], s["email"],
                                 document(i)["personal"]])
        runs = iter(range(1_000_000))
        sample = letter_py.render_letters(letter_py.parse_input(document(0), campaign)[0], campaign, TODAY)[0]

        def files_only() -> None:
            out = folder / f"out-{next(runs)}"
            out.mkdir()
            for i in range(n):
                with open(out / f"line{i:04d}-{sample.filename}.txt", "w", encoding="utf-8", newline="") as handle:
                    handle.write(sample.letter_text)

        def batch_core() -> None:
            """What batch does per row, minus the files: CSV, validation, rendering."""
            base_doc = json.loads(base.read_text(encoding="utf-8"))
            with senders.open(encoding="utf-8", newline="") as handle:
                for row in read_rows(handle, base_doc):
                    data, errors = letter_py.parse_input(row.data, campaign)
                    for draft in letter_py.render_letters(data, campaign, TODAY):
                        FORMATS["letter"].render(draft)

        timed("writing the files alone (no rendering)", n, files_only, args.repeat)
        timed("batch rows rendered, no files (--format letter)", n, batch_core, args.repeat)
        for fmt in ("letter", "eml"):

            def batch(fmt: str = fmt) -> None:
                out = folder / f"out-{next(runs)}"  # a fresh folder: no file is overwritten
                with redirect_stdout(io.StringIO()):
                    status = cli_main(["batch", str(senders), "--out", str(out), "--base", str(base),
                                       "--format", fmt, "--today", TODAY.isoformat()])
                assert status == 0

            timed(f"letter-py batch --format {fmt} (CSV in, files out)", n, batch, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
