"""The checks of RULES.md, one module per group of rules; importing this package registers
them all in ``usul.compliance.registry``."""

from usul.compliance.rules import (  # noqa: F401  (imported for their registrations)
    associations,
    documents,
    heads,
    meetings,
    plans,
    retention,
    school,
    staff,
    year_end,
)
