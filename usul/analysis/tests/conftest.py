"""The planning scene (an MA with a head, a member and a supervising deputy) serves the analysis."""

from usul.planning.tests.conftest import (  # noqa: F401
    english,
    head,
    ma,
    math,
    second_deputy,
    teacher,
    year,
)
