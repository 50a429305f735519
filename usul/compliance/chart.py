"""The month-by-month chart of findings, drawn on the server as plain SVG geometry.

No JavaScript library and no CDN: a school's weak computer and slow line get a few rectangles.
"""

from __future__ import annotations

from dataclasses import dataclass

from usul.compliance.services import MonthCount

BAR_WIDTH = 28
GAP = 12
PLOT_HEIGHT = 100
TOP = 16  # room for the count above the tallest bar
BOTTOM = 18  # room for the month under the bars


@dataclass(frozen=True)
class Bar:
    month: str
    label: str  # "09.25"
    x: int
    violations: int
    warnings: int
    violation_y: float
    violation_height: float
    warning_y: float
    warning_height: float
    total: int
    text_x: float
    total_y: float


def bars(counts: list[MonthCount]) -> tuple[list[Bar], int, int]:
    """Bars stacked violations under warnings, scaled to the tallest month; returns the bars
    and the SVG's width and height."""
    tallest = max((c.total for c in counts), default=0) or 1
    result = []
    base = TOP + PLOT_HEIGHT
    for index, count in enumerate(counts):
        x = GAP + index * (BAR_WIDTH + GAP)
        v_height = PLOT_HEIGHT * count.violations / tallest
        w_height = PLOT_HEIGHT * count.warnings / tallest
        result.append(
            Bar(
                month=count.month,
                label=f"{count.month[5:]}.{count.month[2:4]}",
                x=x,
                violations=count.violations,
                warnings=count.warnings,
                violation_y=base - v_height,
                violation_height=v_height,
                warning_y=base - v_height - w_height,
                warning_height=w_height,
                total=count.total,
                text_x=x + BAR_WIDTH / 2,
                total_y=base - v_height - w_height - 4,
            )
        )
    width = GAP + len(counts) * (BAR_WIDTH + GAP)
    return result, width, TOP + PLOT_HEIGHT + BOTTOM
