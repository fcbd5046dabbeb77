"""The typed input of a letter, after validation.

Every string here is already cleaned (see :mod:`letter_py.text`) and within its
length limit; an empty string means "missing or invalid", which the renderer
shows as a placeholder. Keeping the model this plain lets the renderer stay a
pure function of it.

The records are ``typing.NamedTuple`` classes: typed and immutable, like
frozen dataclasses, but about ten times cheaper to create. A dataclass
compiles its methods from generated source at import, and under Pyodide that
cost ~10 ms of every start of the letter engine (measured under Node). (A record also
compares equal to a plain tuple of the same values; nothing here relies on it.)
Without ``from __future__ import annotations``: before Python 3.14 ``NamedTuple``
compiles every field annotation that is a string (see :mod:`letter_py.config`).
"""

import datetime as _dt
from typing import NamedTuple


class Recipient(NamedTuple):
    """One person the letter goes to; ``title`` is only used for role ``other``.

    ``gender`` is how the visitor chose to greet them where the language marks
    it (Spanish *Estimada alcaldesa* / *Estimado alcalde*): ``"f"``, ``"m"``, or
    ``""`` for the neutral form. Never guessed from the name. ``phone`` is a
    North American number a ``tel:`` link can dial (:mod:`letter_py.phone`):
    a letter to someone with one also gets a call and its script.
    ``organization`` is the office they work in ("Evanston Police
    Department"), the address block's first line; with no ``name``, the
    letter is to whoever holds the role there ("Dear Chief of Police,").
    ``family_name`` is the surname they go by, where the data or the visitor
    knows it ("Van Dusen"); ``""`` leaves the greeting to :mod:`letter_py.names`.
    """

    role: str = ""
    name: str = ""
    title: str = ""
    email: str = ""
    address: str = ""
    gender: str = ""
    phone: str = ""
    organization: str = ""
    family_name: str = ""


class Sender(NamedTuple):
    """The person signing the letter; ``state`` is a USPS code."""

    name: str = ""
    street: str = ""
    city: str = ""
    state: str = ""
    zip: str = ""
    email: str = ""
    phone: str = ""


class Community(NamedTuple):
    """Where the letter is about; empty values fall back to the sender, then the campaign."""

    city: str = ""
    state: str = ""


class Article(NamedTuple):
    """A local news article, cited by link because an email cannot carry attachments."""

    title: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""


class LetterInput(NamedTuple):
    """Everything one call renders: one letter per recipient.

    ``articles`` is ``None`` when the input did not mention articles, in which
    case the campaign's own articles are cited. ``date`` is ``None`` for today;
    ``date_blank`` leaves a placeholder for a date written by hand. ``lang``
    is the letter's language, one of the campaign's (``"en"``, ``"es"``).
    ``subject`` is the visitor's own subject line; ``""`` gives the campaign's.
    """

    recipients: tuple[Recipient, ...] = ()
    sender: Sender = Sender()
    community: Community = Community()
    articles: tuple[Article, ...] | None = None
    personal: str = ""
    date: _dt.date | None = None
    date_blank: bool = False
    lang: str = "en"
    subject: str = ""


class FieldError(NamedTuple):
    """A problem a person can fix: where (dotted path), what (code), and how (message).

    ``needed_for`` is ``"letter"`` when only the printed letter needs the
    field (the sender's street and ZIP code: an email is signed with the
    name alone), so the page lets an email go without it.
    """

    field: str
    code: str
    message: str
    needed_for: str = ""

    def to_dict(self) -> dict[str, str]:
        found = {"field": self.field, "code": self.code, "message": self.message}
        if self.needed_for:
            found["needed_for"] = self.needed_for
        return found
