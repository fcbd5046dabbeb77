"""Compose links for webmail: Gmail, Outlook.com and Outlook for work or school.

Most visitors write from a webmail tab and have no mail app for ``mailto:``,
so each letter also gets a link that opens the provider's compose window with
the address, subject and body filled in. The page shows them as plain links:
nothing reaches a provider until the visitor clicks one, exactly as if they
had pasted the letter there themselves.

Where the parameters come from: none of the providers documents them, so
they are the ones Gmail's and Outlook's own web apps use, as found in widely
used public implementations (share buttons, contact forms and mail-link
helpers all build these same three URLs):

* Gmail: ``https://mail.google.com/mail/?view=cm&fs=1&to=…&su=…&body=…``,
  the URL Gmail's ``mailto:`` handler opens (``view=cm`` is the compose
  view, ``fs=1`` the full window; the subject is ``su``).
* Outlook.com: ``https://outlook.live.com/mail/0/deeplink/compose?to=…&subject=…&body=…``,
  and for work or school (Microsoft 365) accounts the same deep link on
  ``https://outlook.office.com/mail/deeplink/compose``.

Limits: none is published either, and a failure is silent, so each
provider's is kept well under what has been seen to work:

* Gmail: 6,000 characters of link. Its compose is reported to fail above
  roughly that (the figure the project's field notes give; defund12 issue
  893 saw "Request too large (413)" with a 6,410-character message).
* Outlook: a body of at most 8,000 characters before encoding, in a link of
  at most 16,000. Outlook's compose deep links were measured on 2026-08-19
  (InteractionDesignFoundation/add-event-to-calendar-docs, pull request 65
  and issue 19) to show an 8,000-character ``body`` intact, and to be
  refused by the server (HTTP 400 from IIS) only between 31,145 and 31,161
  characters of URL. That ceiling counts the request's headers too, so a
  signed-in visitor's large cookies lower it: half of it leaves them room.
  The measurement was of ``outlook.live.com``'s calendar deep link; the
  mail one is served by the same front end, and ``outlook.office.com`` is
  given the same limits. The 2,000 characters these links were held to
  before came from ``mailto:`` folklore (a 2,056 figure from 2020 that does
  not hold) and left every default letter without its body.

Percent-encoding makes English text about 1.4 times longer (the default
letter: 2,200 characters, a 3,200-character link), and text in other scripts
up to nine times. When the whole link does not fit it carries only the
address and subject, and the page copies the body for the visitor to paste
(as it does for ``mailto:``).

Every character outside RFC 3986's unreserved set is percent-encoded, line
breaks as ``%0A``, so nothing a visitor types can add a parameter (``&cc=``)
or end the query (``#``).
"""

from __future__ import annotations

from typing import NamedTuple

from . import mailto

# mailto's tables, but a line break is a plain "%0A" in an https URL.
_TABLE = dict(mailto._TABLE)
_TABLE[ord("\n")] = "%0A"
_ADDRESS_TABLE = dict(_TABLE)
_ADDRESS_TABLE[ord("@")] = "@"


class Provider(NamedTuple):
    """One webmail service: where its compose window is and what it calls things."""

    id: str
    base: str  # up to and including the "?" and any fixed parameters
    to: str
    subject: str
    body: str
    max_length: int  # the longest link that carries the body
    max_body: int  # the longest body carried, in characters before encoding


PROVIDERS: tuple[Provider, ...] = (
    Provider("gmail", "https://mail.google.com/mail/?view=cm&fs=1", "to", "su", "body", 6000, 6000),
    Provider("outlook", "https://outlook.live.com/mail/0/deeplink/compose?", "to", "subject", "body", 16000, 8000),
    Provider("office", "https://outlook.office.com/mail/deeplink/compose?", "to", "subject", "body", 16000, 8000),
)


def encode(text: str, table: dict[int, str] = _TABLE) -> str:
    """Percent-encode UTF-8 text for a query value; line breaks become ``%0A``."""
    return mailto.encode(text, table)


class WebmailLink(NamedTuple):
    """A compose link and whether it carries the body (else: paste it)."""

    provider: str
    url: str
    complete: bool

    def to_dict(self) -> dict[str, object]:
        return {"provider": self.provider, "url": self.url, "complete": self.complete}


def compose_url(provider: Provider, to: str, subject: str, encoded_body: str, body_length: int) -> WebmailLink:
    """The link for one provider; ``encoded_body`` is :func:`encode`'s output of ``body_length`` characters."""
    params = []
    if to:
        params.append(f"{provider.to}={encode(to, _ADDRESS_TABLE)}")
    params.append(f"{provider.subject}={encode(subject)}")
    sep = "&" if not provider.base.endswith("?") else ""
    head = provider.base + sep + "&".join(params)
    full = f"{head}&{provider.body}={encoded_body}"
    if body_length <= provider.max_body and len(full) <= provider.max_length:
        return WebmailLink(provider.id, full, True)
    return WebmailLink(provider.id, head, False)


def webmail_links(to: str, subject: str, body: str) -> list[WebmailLink]:
    """One link per provider, in :data:`PROVIDERS` order; the body is encoded once.

    Trailing line breaks are dropped, whichever kind (a lone ``\r`` is one too).
    """
    body = body.rstrip("\r\n")
    encoded = encode(body)
    return [compose_url(provider, to, subject, encoded, len(body)) for provider in PROVIDERS]
