"""A corpus of hostile inputs, run through letter_py and through the real page.

Each entry is something a careless paste or a deliberate attack could put in a
field: template syntax (user text must never be a template), markup and
script, header injection, sizes far over every limit, and Unicode that
confuses renderers. Lone surrogates cannot be typed into a Python ``str`` test
literally; the page tests make them in JavaScript and the JSON tests send them
as ``\\ud800`` escapes.
"""

TEMPLATE_SYNTAX = [
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "{# hidden #}",
    "{{ self.__init__.__globals__ }}",
    "${7*7} #{7*7} {0.__class__}",
]

MARKUP = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "</textarea><script>alert(2)</script>",
    "</pre><b>bold</b><!--",
    '"><svg onload=alert(3)>',
    "&lt;escaped&gt; &amp; &#60;b&#62;",
    "javascript:alert(4)",
]

HEADER_INJECTION = [
    "Maria\r\nBcc: everyone@example.com",
    "Lopez\nSubject: injected",
    "mayor@example.gov\r\nCc: x@example.com",
    "a%0D%0ABcc:%20b@example.com",
    "x?bcc=spy@example.com&body=replaced",
]

UNICODE = [
    "\u202eevil\u202c backwards",  # right-to-left override
    "zero\u200bwidth\u200djoin\ufeff",
    "e\u0301\u0301\u0301\u0301 combining",
    "👩🏽‍⚖️ 🇺🇸 emoji",
    "nul\x00byte",
    "bell\x07 escape\x1b[31m red\x7f delete",
    "tab\tand\u2028line separator\u2029paragraph",
]

HUGE = "x" * 100_000

HOSTILE_STRINGS = TEMPLATE_SYNTAX + MARKUP + HEADER_INJECTION + UNICODE + [HUGE]
