"""Small charts drawn on the server as plain SVG text: no JavaScript, no library, no CDN.

``bar_groups`` draws groups of horizontal bars — the composition of an MA's teachers by
category, education, age and experience (DOC-9) — as one SVG document that a page can inline,
WeasyPrint can print and a DOCX can carry as a picture. Every label is escaped; the fonts are
named, so that ң ө ү never fall to a font without them.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

FONT = "DejaVu Sans"
LABEL_WIDTH = 190  # room for a label like "жогорку категория"
BAR_MAX = 260
ROW = 18
GAP = 10
TITLE = 20
COLOURS = ("#2f6f8f", "#5a9e6f", "#c08a2e", "#8a5a9e", "#9e5a5a")


@dataclass(frozen=True)
class Group:
    title: str
    bars: list[tuple[str, int]]  # (label, count)


def bar_groups(groups: list[Group], *, width: int = LABEL_WIDTH + BAR_MAX + 60) -> str:
    """One SVG of ``groups``, each a title and its bars, scaled to the largest count."""
    largest = max((count for g in groups for _, count in g.bars), default=0) or 1
    parts: list[str] = []
    y = 0
    for index, group in enumerate(groups):
        colour = COLOURS[index % len(COLOURS)]
        y += TITLE
        parts.append(
            f'<text x="0" y="{y - 6}" font-weight="bold" font-size="12">'
            f"{escape(group.title)}</text>"
        )
        for label, count in group.bars:
            length = round(BAR_MAX * count / largest, 1)
            parts.append(
                f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end" font-size="11">'
                f"{escape(label)}</text>"
                f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length}" height="{ROW - 6}" '
                f'fill="{colour}"/>'
                f'<text x="{LABEL_WIDTH + length + 4}" y="{y + 13}" font-size="11">{count}</text>'
            )
            y += ROW
        y += GAP
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y}" '
        f'viewBox="0 0 {width} {y}" font-family="{FONT}" role="img">' + "".join(parts) + "</svg>"
    )
