"""US states and territories, by USPS code and by name.

The letter says "in Illinois"; the address block says "IL". A visitor may type
either, in any case.
"""

from __future__ import annotations

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

_LOOKUP: dict[str, str] = {}
for _code, _name in STATES.items():
    _LOOKUP[_code.lower()] = _code
    _LOOKUP[_name.lower()] = _code
_LOOKUP["washington dc"] = _LOOKUP["washington d.c."] = _LOOKUP["d.c."] = "DC"
_LOOKUP["virgin islands"] = _LOOKUP["us virgin islands"] = "VI"


def state_code(text: str) -> str | None:
    """``"Illinois"``, ``"il"``, ``"IL"`` -> ``"IL"``; ``None`` when unknown."""
    return _LOOKUP.get(" ".join(text.replace(",", " ").split()).lower())


def state_name(code: str) -> str:
    """``"IL"`` -> ``"Illinois"``."""
    return STATES[code]
