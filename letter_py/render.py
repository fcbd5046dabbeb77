"""The rendering core: a validated input and a campaign in, letters out.

Pure functions of their arguments, no I/O. User values reach the templates
only as variables, never as template source, so ``{{ 7*7 }}`` typed by a
visitor stays ``{{ 7*7 }}``. Each output of a :class:`Draft` is computed on
first use, so the command line pays only for the format it writes.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import cached_property
from types import SimpleNamespace

from markupsafe import Markup, escape

from .campaign import Campaign
from .dates import format_date, parse_iso_date
from .eml import build_eml
from .i18n import N_, gettext_for
from .ics import reminder_ics, reminder_uid
from .mailto import mailto_url
from .model import Article, LetterInput, Recipient
from .names import full_name, surname
from .phone import parse_phone
from .states import state_name
from .text import clean_line, slugify
from .webmail import webmail_links

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_HTML_PARAGRAPH_BREAK = re.compile(r"<br>\n(?:<br>\n)+")
SUBJECT_LIMIT = 200
# A typed title longer than this is left out of the greeting ("Dear Jo Park,"): the hint says so.
SHORT_TITLE_LIMIT, SHORT_TITLE_WORDS = 25, 3
FOLLOW_UP_DAYS = 14  # when to follow up if no answer has come


def tidy(text: str) -> str:
    """Trim trailing spaces and outer blank lines; end with exactly one newline."""
    if " \n" in text or "\t\n" in text:
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.rstrip().lstrip("\n") + "\n"


# Translators: a news article cited in a letter. US English puts the comma inside
# the quotation marks; Spanish puts it after them: "{title}", {details}.
_CITATION = N_('"{title}," {details}')
# Translators: a cited news article with no outlet or date: its title in the language's quotation marks.
_TITLE_ONLY = N_('"{title}"')


def _citation(article: Article, title_placeholder: str, lang: str = "en") -> str:
    """``"Title," Outlet, March 14, 2026`` (US style: the comma inside the quotes)."""
    title = article.title or title_placeholder
    rest = [part for part in (article.outlet, _article_date(article.date, lang)) if part]
    if not rest:
        return gettext_for(lang)(_TITLE_ONLY).format(title=title)
    if lang == "en":
        return f'"{title}," ' + ", ".join(rest)
    return gettext_for(lang)(_CITATION).format(title=title, details=", ".join(rest))


def _article_date(text: str, lang: str = "en") -> str:
    day = parse_iso_date(text) if text else None
    return format_date(day, lang) if day else text


class Letter:
    """What one call shares between its letters: sender, community, articles, date."""

    def __init__(self, data: LetterInput, campaign: Campaign, today: _dt.date) -> None:
        self.campaign = campaign
        languages = campaign.config.languages
        self.language = languages.get(data.lang) or languages["en"]
        lang = self.lang = self.language.code
        self.names = campaign.names[lang]  # the templates' file names in this language
        self.gettext = gettext_for(lang)
        ph = self.placeholders = self.language.placeholders
        sender = data.sender
        if any((sender.street, sender.city, sender.state, sender.zip)):
            address_lines = [
                sender.street or ph["street"],
                f"{sender.city or ph['city']}, {sender.state or ph['state']} {sender.zip or ph['zip']}",
            ]
        else:
            address_lines = ph["sender_address"].split("\n")
        self.sender = SimpleNamespace(
            name=sender.name or ph["sender_name"],
            street=sender.street,
            city=sender.city,
            state=sender.state,
            state_name=state_name(sender.state, lang) if sender.state else "",
            zip=sender.zip,
            email=sender.email,
            phone=sender.phone,
            address_lines=address_lines,
            contact_lines=[line for line in (sender.email, sender.phone) if line],
        )
        state = data.community.state or sender.state or campaign.default_state
        self.community = SimpleNamespace(
            city=data.community.city or sender.city or campaign.default_city,
            state=state,
            state_name=state_name(state, lang) if state else ph["state"],
            is_home_state=bool(state) and state == campaign.home_state,
        )
        articles = campaign.articles if data.articles is None else data.articles
        self.articles = [
            SimpleNamespace(
                title=a.title, outlet=a.outlet, date=_article_date(a.date, lang),
                citation=_citation(a, ph["article_title"], lang),
                url=a.url or ph["article_url"], link=a.url,
            )
            for a in articles
        ]
        self.today = today
        self.day = data.date or today  # the letter's date; today's when left blank
        if data.date_blank:
            self.date = ph["date"]
        else:
            self.date = format_date(self.day, lang)
        self.personal = data.personal
        self.subject = data.subject  # the visitor's own, or "" for the campaign's
        self.recipients = data.recipients or (Recipient(),)
        self.shared: dict[str, str] = {}  # see Draft._render_shared

    def drafts(self) -> list[Draft]:
        """One draft per recipient, with file names made unique."""
        drafts = [Draft(self, recipient) for recipient in self.recipients]
        seen: dict[str, int] = {}
        for draft in drafts:
            count = seen.get(draft.filename, 0) + 1
            seen[draft.filename] = count
            if count > 1:
                draft.filename = f"{draft.filename}-{count}"
        return drafts


class Draft:
    """The letter to one recipient, in every format."""

    def __init__(self, letter: Letter, recipient: Recipient) -> None:
        self.letter = letter
        self.recipient = recipient
        campaign = letter.campaign
        language = letter.language
        ph = letter.placeholders
        role = campaign.roles_by_id.get(recipient.role)
        dear = language.dear_for(recipient.gender) if recipient.gender else language.dear[0]
        end = language.salutation_end
        role_label = ""
        family = recipient.family_name
        full = language.salutation_name == "full"
        word = ""
        if role is None:
            title = ""
            name = recipient.name or ph["recipient"]
            label = short = name
        else:
            words = role.translations.get(letter.lang) or role.words(letter.lang)
            role_label, role_word = words.for_gender(recipient.gender) if recipient.gender else (
                words.label, words.salutation)
            title = (capitalised(recipient.title) or ph["recipient_title"]) if role.free_title else role_label
            name = recipient.name or ph["recipient_name"]
            if not recipient.gender and words.label_f != words.label_m and not role.free_title:
                label = language.neutral_label.format(title=title, name=name)
            else:
                label = f"{title} {name}"
            word = role_word if not role.free_title else _short_title(recipient.title, language.salutation_title)
            if not recipient.name and not family and recipient.organization:
                # To an office, not a person: whoever holds the role there ("Dear Chief of Police,").
                office = (word or recipient.title or ph["recipient_title"]) if role.free_title else (
                    words.office or words.label)
                name, label, short = "", office[:1].upper() + office[1:], office
            elif recipient.name or family:
                # A surname stands after a title ("Dear Mayor Van Dusen,"); without
                # one, and where the language greets by the whole name, the whole name.
                greeted = surname(recipient.name, family) if word and not full else full_name(recipient.name, family)
                short = f"{word} {greeted}" if word else greeted
            else:
                short = f"{word + ' ' if word else ''}{name}"
        greeting = short
        if language.salutation_name == "none":
            # The title alone, in the vocative, and no name (Polish: "Szanowny Panie Burmistrzu,";
            # neutral "Szanowni Państwo,"); the reminder names them as the address block does.
            greeting = word
            short = uncapitalised(title) + label[len(title):] if title and label.startswith(title) else label
        salutation = f"{dear} {greeting}{end}" if greeting else f"{dear}{end}"
        self.view = SimpleNamespace(
            role=recipient.role,
            role_label=role_label,
            name=name,
            title=title,
            email=recipient.email,
            label=label,
            short=short,
            salutation=salutation,
            address_lines=[*filter(None, [recipient.organization]),
                           *(recipient.address or ph["recipient_address"]).split("\n")],
        )
        _ = letter.gettext
        # Translators: the start of a letter's file name: lower case ASCII letters and hyphens.
        self.filename = _("letter-to-") + (slugify(label) or _("recipient"))

    def _context(self, **extra: object) -> dict[str, object]:
        letter = self.letter
        return {
            "recipient": self.view,
            "sender": letter.sender,
            "community": letter.community,
            "articles": letter.articles,
            "personal": letter.personal,
            "date": letter.date,
            "campaign": letter.campaign,
            **extra,
        }

    def _render(self, name: str, **extra: object) -> str:
        return self.letter.campaign.render(self.letter.names[name], self._context(**extra))

    @cached_property
    def subject(self) -> str:
        """The visitor's own subject line, or the campaign's (which may name the town)."""
        return self.letter.subject or self.campaign_subject

    @cached_property
    def campaign_subject(self) -> str:
        return clean_line(self._render_shared("subject.txt.j2"))[:SUBJECT_LIMIT]

    def _render_shared(self, name: str) -> str:
        """Render once per call a template that does not use ``recipient``."""
        letter = self.letter
        if letter.campaign.per_recipient[letter.names[name]]:
            return self._render(name)
        text = letter.shared.get(name)
        if text is None:
            text = letter.shared[name] = self._render(name)
        return text

    @cached_property
    def body(self) -> str:
        return tidy(self._render_shared("body.txt.j2")).rstrip("\n")

    @cached_property
    def paragraphs(self) -> list[str]:
        return _PARAGRAPH_BREAK.split(self.body)

    @cached_property
    def email_text(self) -> str:
        return tidy(self._render("email.txt.j2", body=self.body, paragraphs=self.paragraphs))

    @cached_property
    def email_copy(self) -> str:
        """The email as a visitor copies or saves it: the subject line above the
        body, in the letter's language (whatever the page's language is)."""
        _ = self.letter.gettext
        # Translators: the first line of a copied email, above its text.
        return _("Subject: {subject}").format(subject=self.subject) + "\n\n" + self.email_text

    @cached_property
    def letter_text(self) -> str:
        return tidy(self._render("letter.txt.j2", body=self.body, paragraphs=self.paragraphs))

    @cached_property
    def paragraphs_html(self) -> list[Markup]:
        """The body's paragraphs escaped once, line breaks as ``<br>``."""
        escaped = str(escape(self.body)).replace("\n", "<br>\n")
        return [Markup(p) for p in _HTML_PARAGRAPH_BREAK.split(escaped)]

    @cached_property
    def letter_html(self) -> str:
        html = self._render("letter.html.j2", body=self.body, paragraphs=self.paragraphs_html)
        return html.strip("\n") + "\n"

    @cached_property
    def _mailto(self) -> tuple[str, bool]:
        return mailto_url(self.recipient.email, self.subject, self.email_text, self.letter.campaign.mailto_max_length)

    @cached_property
    def _mailto_phone(self) -> tuple[str, bool]:
        """The link for a phone's mail app, which takes far longer links (see ``campaign.toml``)."""
        campaign = self.letter.campaign
        return mailto_url(self.recipient.email, self.subject, self.email_text, campaign.mailto_phone_max_length)

    @property
    def mailto(self) -> str:
        return self._mailto[0]

    @property
    def mailto_complete(self) -> bool:
        return self._mailto[1]

    @cached_property
    def eml(self) -> str:
        return build_eml(self.recipient.name, self.recipient.email, self.subject, self.email_text)

    @cached_property
    def webmail(self) -> list[dict[str, object]]:
        """Compose links for Gmail and Outlook (see :mod:`letter_py.webmail`)."""
        links = webmail_links(self.recipient.email, self.subject, self.email_text)
        return [link.to_dict() for link in links]

    @cached_property
    def reminder_day(self) -> _dt.date:
        # Clamped so that a letter dated 9999-12-31 still gets a calendar day.
        latest = _dt.date.max - _dt.timedelta(days=FOLLOW_UP_DAYS + 1)
        return min(self.letter.day, latest) + _dt.timedelta(days=FOLLOW_UP_DAYS)

    @cached_property
    def ics(self) -> str:
        """A follow-up reminder: the official's contact details and the subject, nothing else."""
        view, letter = self.view, self.letter
        _ = letter.gettext
        summary = _("Follow up on your letter to {name}").format(name=view.short)
        lines = [_('You wrote to {recipient} on {date}: "{subject}"').format(
                     recipient=view.label, date=format_date(letter.day, letter.lang), subject=self.subject),
                 _("If you have had no answer, call their office or write again.")]
        if self.recipient.email:
            lines.append(_("Email: {email}").format(email=self.recipient.email))
        if self.recipient.address:
            lines.append(_("Address: {address}").format(address=", ".join(self.recipient.address.split("\n"))))
        uid = reminder_uid(view.label, self.recipient.email, self.subject, letter.day.isoformat())
        return reminder_ics(uid=uid, stamp=letter.today, day=self.reminder_day,
                            summary=summary, description="\n".join(lines))

    @property
    def reminder_filename(self) -> str:
        """``follow-up-to-mayor-maria-lopez.ics`` beside ``letter-to-mayor-maria-lopez``."""
        _ = self.letter.gettext
        # Translators: the start of the reminder's file name, in place of "letter-to-".
        return _("follow-up-to-") + self.filename.removeprefix(_("letter-to-")) + ".ics"

    @cached_property
    def call(self) -> dict[str, str] | None:
        """The call to the recipient's office, when their phone is known; else ``None``.

        ``tel`` is the link, ``number`` the number as shown, ``script`` what to
        say, from the campaign's ``call.txt.j2`` in the letter's language: the
        campaign's own words, like the letter's, so a folder without one (forked
        before calls existed) gets the link and no script rather than the
        default campaign's ask under another campaign's name.
        """
        phone = parse_phone(self.recipient.phone) if self.recipient.phone else None
        if phone is None:
            return None
        script = ""
        if "call.txt.j2" in self.letter.names:
            script = tidy(self._render("call.txt.j2", subject=self.subject)).rstrip("\n")
        return {"tel": phone.tel, "number": phone.display, "script": script}

    def to_dict(self) -> dict[str, object]:
        """The letter as the JSON entry point returns it (``call`` only with a phone)."""
        answer = {
            "recipient": {"role": self.recipient.role, "name": self.recipient.name, "email": self.recipient.email,
                          "label": self.view.label, "salutation": self.view.salutation},
            "subject": self.subject,
            "email_text": self.email_text,
            "email_copy": self.email_copy,
            "letter_text": self.letter_text,
            "letter_html": self.letter_html,
            "mailto": self.mailto,
            "mailto_complete": self.mailto_complete,
            "mailto_phone": self._mailto_phone[0],
            "mailto_phone_complete": self._mailto_phone[1],
            "eml": self.eml,
            "webmail": self.webmail,
            "reminder": {"ics": self.ics, "date": self.reminder_day.isoformat(),
                         "filename": self.reminder_filename},
            "filename": self.filename,
        }
        if self.call is not None:
            answer["call"] = self.call
        return answer


def _short_title(title: str, case: str = "capital") -> str:
    """A free title short enough to stand before a surname ("Alderperson Smith").

    ``case`` is the language's ``salutation_title``: ``"lower"`` writes it as a
    Spanish greeting does, in lower case ("Estimada concejala Ana Dowell:"),
    ``"capital"`` as an English one does ("Dear Alderperson Dowell,"), however
    it was typed; the rest of the title stays as typed. ``"none"`` leaves it
    out (a Polish greeting would need its vocative: "Szanowna Pani,").
    """
    if case == "none" or not (title and len(title) <= SHORT_TITLE_LIMIT and len(title.split()) <= SHORT_TITLE_WORDS):
        return ""
    return uncapitalised(title) if case == "lower" else capitalised(title)


def capitalised(text: str) -> str:
    """The first letter in upper case, the rest as typed: a title at the start of an address line."""
    return text[:1].upper() + text[1:]


def uncapitalised(text: str) -> str:
    """The first letter in lower case, unless the first word is an acronym or has capitals inside ("DA", "McX")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and any(ch.isupper() for ch in first[1:]):
        return text
    return text[:1].lower() + text[1:]


def render_letters(data: LetterInput, campaign: Campaign, today: _dt.date) -> list[Draft]:
    """The drafts for a validated input: one per recipient, at least one."""
    return Letter(data, campaign, today).drafts()
