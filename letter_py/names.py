"""The name a greeting uses: the surname a person goes by, as people write it.

A typed name says little about its parts, so the default is careful rather
than clever: the surname is the last word, with the particles before it kept
in their own case ("Van Dusen", "de la Cruz", "St. John"), a suffix or a
trailing initial is never taken for it ("O'Brien Jr." -> "O'Brien"), and a
one-word name is used as it is. Where the data or the visitor knows better,
a ``family_name`` is used as given. Pure functions of strings, no I/O.
"""

from __future__ import annotations

# Words after a name that are not part of it (compared lower case, without dots).
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th", "phd", "esq", "md", "dds", "dmd",
                      "jd", "edd", "mba", "cpa", "ret"})
# Words that belong to the surname after them (lower case). A given name that
# looks like one ("Van Morrison", "Di Nguyen") is safe: the first word of a
# name is taken as a particle only when more particles follow it.
PARTICLES = frozenset({
    "van", "von", "der", "den", "ter", "ten", "te", "vom", "zu", "zum", "zur", "het", "'t",
    "de", "del", "della", "delle", "dei", "degli", "di", "da", "das", "dos", "do", "du", "des",
    "la", "le", "les", "lo", "los", "las", "st", "st.", "ste", "ste.", "saint", "sainte", "san", "santa",
    "bin", "ibn", "bint", "al", "el", "af", "av",
})
# Words that join two surnames into one ("Ortega y Gasset", "Silva e Santos"), in lower case.
CONJUNCTIONS = frozenset({"y", "e", "i"})


def _key(word: str) -> str:
    return word.lower().replace(".", "").rstrip(",")


def is_suffix(word: str) -> bool:
    """``Jr.``, ``III``, ``PhD``: a word after a name that is not part of it."""
    return _key(word) in SUFFIXES


def is_initial(word: str) -> bool:
    """``J``, ``J.``, ``J.R.``: initials, never a surname."""
    letters = word.rstrip(",").replace(".", "")
    return 0 < len(letters) <= 3 and letters.isalpha() and (len(letters) == 1 or word.count(".") >= len(letters))


def _particle(word: str) -> bool:
    return word.lower().rstrip(",") in PARTICLES


def name_words(name: str) -> list[str]:
    """The name's words before any comma, without the suffixes after them (Jr., PhD)."""
    words = name.split(",")[0].split()
    while len(words) > 1 and is_suffix(words[-1]):
        words.pop()
    return words


def _surname_start(words: list[str]) -> int:
    """Where the surname starts in ``words`` (which end with it)."""
    start = len(words) - 1
    while start > 1:
        before = words[start - 1]
        if _particle(before):
            start -= 1
        elif before in CONJUNCTIONS and start > 2:  # lower case only: "E" is an initial
            start -= 2  # "y Gasset" takes "Ortega" with it
        else:
            break
    # "de la Cruz" on its own: the first word too, when it is one of several particles.
    if start == 1 < len(words) - 1 and _particle(words[0]):
        start = 0
    return start


def _greeting_words(name: str) -> tuple[list[str], int]:
    """The name's words as a greeting reads them (trailing initials left out) and where the surname starts."""
    words = name_words(name)
    while len(words) > 1 and is_initial(words[-1]):
        words.pop()
    return words, (_surname_start(words) if words else 0)


def surname(name: str, family_name: str = "") -> str:
    """The surname for "Dear Mayor …": ``family_name`` when given, else a careful reading of ``name``.

    ``"George Van Dusen"`` -> ``"Van Dusen"``; ``"Maria de la Cruz"`` ->
    ``"de la Cruz"``; ``"Martin O'Brien Jr."`` -> ``"O'Brien"``; ``"Cher"`` -> ``"Cher"``.
    """
    family = " ".join(family_name.split())
    if family:
        return family
    words, start = _greeting_words(name)
    return " ".join(words[start:]) if words else name.strip()


def full_name(name: str, family_name: str = "") -> str:
    """The name for a greeting that uses the whole name (Spanish): given names and surname.

    Without ``family_name``, the name as typed without its suffixes
    (``"María López García, PhD"`` -> ``"María López García"``): the last word
    of many Hispanic names is the second surname, which a careful default
    must not drop. With one, the given names before it, then it:
    ``("María López García", "López")`` -> ``"María López"``;
    ``("Juan Pérez", "Pérez Gómez")`` -> ``"Juan Pérez Gómez"``.
    """
    words = name_words(name)
    family = family_name.split()
    if not family:
        return " ".join(words) if words else name.strip()
    folded = [word.casefold() for word in words]
    wanted = [word.casefold() for word in family]
    for at in range(len(words) - len(family), -1, -1):
        if folded[at:at + len(family)] == wanted:
            return " ".join(words[:at] + family)
    given, start = _greeting_words(name)
    return " ".join(given[:start] + family)
