"""Django's own messages that Usul says in its own words.

Django's Kyrgyz catalogue glues a number to its word ("эң көп 300символ камтыганын
текшериңиз") and its Russian one says "не более 1 символ". A form shows these messages when a
text is too long or a number has too many digits, so Usul's catalogue (``usul/lib/locale``,
the first of ``LOCALE_PATHS``, read before Django's) carries them in full sentences. They are
named here, word for word as Django writes them, so that ``makemessages`` keeps them in the
catalogue; nothing calls this tuple but the test that reads every one of them.
"""

from __future__ import annotations

from django.utils.translation import ngettext_lazy

# (singular, plural, the placeholder that chooses the plural form)
LENGTHS = (
    (
        ngettext_lazy(
            "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
            "limit_value",
        ),
        {"limit_value": 300, "show_value": 301},
    ),
    (
        ngettext_lazy(
            "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
            "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
            "limit_value",
        ),
        {"limit_value": 3, "show_value": 2},
    ),
    (
        ngettext_lazy(
            "Ensure this filename has at most %(max)d character (it has %(length)d).",
            "Ensure this filename has at most %(max)d characters (it has %(length)d).",
            "max",
        ),
        {"max": 100, "length": 120},
    ),
    (
        ngettext_lazy(
            "Ensure that there are no more than %(max)s digit in total.",
            "Ensure that there are no more than %(max)s digits in total.",
            "max",
        ),
        {"max": 5},
    ),
    (
        ngettext_lazy(
            "Ensure that there are no more than %(max)s decimal place.",
            "Ensure that there are no more than %(max)s decimal places.",
            "max",
        ),
        {"max": 1},
    ),
    (
        ngettext_lazy(
            "Ensure that there are no more than %(max)s digit before the decimal point.",
            "Ensure that there are no more than %(max)s digits before the decimal point.",
            "max",
        ),
        {"max": 4},
    ),
    (
        ngettext_lazy("%(size)d byte", "%(size)d bytes", "size"),
        {"size": 512},
    ),
)
