"""US states and territories, by USPS code and by name, in each letter language.

The letter says "in Illinois"; the address block says "IL". A visitor may type
either, in any case, in English or in any letter language ("Carolina del Norte",
"Karolina Północna", with or without accents). Spanish letters name a state as Spanish-language US usage
does (USAGov en Español, AP's Spanish style): a Spanish name where there is an
established one (*Carolina del Norte*, *Pensilvania*), the English name
otherwise (*Illinois*, *Texas*); the glossary (``locale/es/GLOSSARY.md``)
lists the choices. Addresses are never translated: they keep what the visitor
typed, or the code.
"""

from __future__ import annotations

from .text import SEPARATE_LETTERS

STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas",
    "CA": "California", "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware",
    "DC": "District of Columbia", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii",
    "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
    "AS": "American Samoa", "GU": "Guam", "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico", "VI": "U.S. Virgin Islands",
}

# Every code has its Spanish name here, even where it is the English one
# (a test checks that no state is missing).
STATES_ES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas",
    "CA": "California", "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware",
    "DC": "Distrito de Columbia", "FL": "Florida", "GA": "Georgia", "HI": "Hawái",
    "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Luisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Míchigan", "MN": "Minnesota", "MS": "Misisipi",
    "MO": "Misuri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "Nuevo Hampshire", "NJ": "Nueva Jersey", "NM": "Nuevo México", "NY": "Nueva York",
    "NC": "Carolina del Norte", "ND": "Dakota del Norte", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregón", "PA": "Pensilvania", "RI": "Rhode Island", "SC": "Carolina del Sur",
    "SD": "Dakota del Sur", "TN": "Tennessee", "TX": "Texas", "UT": "Utah",
    "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "Virginia Occidental",
    "WI": "Wisconsin", "WY": "Wyoming",
    "AS": "Samoa Americana", "GU": "Guam", "MP": "Islas Marianas del Norte",
    "PR": "Puerto Rico", "VI": "Islas Vírgenes de los Estados Unidos",
}

# Polish: a Polish name only where Polish usage has one (KSNG, the Polish press;
# locale/pl/GLOSSARY.md), the English one otherwise.
STATES_PL: dict[str, str] = {
    **STATES,
    "CA": "Kalifornia", "PA": "Pensylwania", "NC": "Karolina Północna", "SC": "Karolina Południowa",
    "ND": "Dakota Północna", "SD": "Dakota Południowa", "WV": "Wirginia Zachodnia", "VA": "Wirginia",
    "FL": "Floryda", "LA": "Luizjana", "HI": "Hawaje", "DC": "Dystrykt Kolumbii", "PR": "Portoryko",
    "AS": "Samoa Amerykańskie", "MP": "Mariany Północne", "VI": "Wyspy Dziewicze Stanów Zjednoczonych",
    "NY": "Nowy Jork", "NM": "Nowy Meksyk",
}

# Every language's table: a new language is a table here (every code, tested) and nothing else.
NAMES: dict[str, dict[str, str]] = {"en": STATES, "es": STATES_ES, "pl": STATES_PL}
TERRITORIES = ("AS", "GU", "MP", "PR", "VI")


def _key(text: str) -> str:
    """Lower case, single spaces, no accents: "Nuevo  México" and "nuevo mexico" meet ("Północna", "polnocna" too)."""
    text = " ".join(text.replace(",", " ").split()).lower()
    if not text.isascii():
        import unicodedata

        text = "".join(c for c in unicodedata.normalize("NFD", text.translate(SEPARATE_LETTERS))
                       if not unicodedata.combining(c))
    return text


_LOOKUP: dict[str, str] = {}
for _code, _name in STATES.items():
    _LOOKUP[_code.lower()] = _code
    _LOOKUP[_name.lower()] = _code
for _names in NAMES.values():
    for _code, _name in _names.items():
        _LOOKUP.setdefault(_key(_name), _code)
_LOOKUP["washington dc"] = _LOOKUP["washington d.c."] = _LOOKUP["d.c."] = "DC"
_LOOKUP["virgin islands"] = _LOOKUP["us virgin islands"] = "VI"


def state_code(text: str) -> str | None:
    """``"Illinois"``, ``"il"``, ``"IL"``, ``"Carolina del Norte"`` -> a USPS code; ``None`` when unknown."""
    code = _LOOKUP.get(" ".join(text.replace(",", " ").split()).lower())
    return code if code is not None or text.isascii() else _LOOKUP.get(_key(text))


def state_name(code: str, lang: str = "en") -> str:
    """``"IL"`` -> ``"Illinois"``; ``("NC", "es")`` -> ``"Carolina del Norte"``."""
    return NAMES.get(lang, STATES)[code]


def listed(lang: str = "en") -> list[tuple[str, str]]:
    """``(code, name)`` in the order a list shows them: by name in that language, territories last.

    English keeps the table's own order (which is that order).
    """
    names = NAMES.get(lang, STATES)
    if names is STATES:
        return list(STATES.items())
    states = sorted((item for item in names.items() if item[0] not in TERRITORIES), key=lambda item: _key(item[1]))
    return states + sorted(((code, names[code]) for code in TERRITORIES), key=lambda item: _key(item[1]))
