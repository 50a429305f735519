"""Reads of the bank of methodological ideas, through the policy (``visible``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.safestring import SafeString

from usul.accounts.policy import Viewer, visible
from usul.ideas import search
from usul.ideas.models import LAST_GRADE, Material, MaterialKind, MaterialStatus

LIST_LIMIT = 200  # rows shown at once; a search or a filter narrows a longer bank


@dataclass
class Filters:
    """What the list is narrowed to, from the page's query string; unknown values are ignored
    (a stale bookmark shows more, never an error)."""

    q: str = ""
    subject: str = ""  # a subject's key (school list) or its name in Kyrgyz (district list)
    kind: str = ""
    grade: int | None = None
    ma: str = ""
    status: str = ""
    school: str = ""
    terms: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query) -> Filters:
        grade_text = (query.get("grade") or "").strip()
        grade = (
            int(grade_text) if grade_text.isdigit() and 1 <= int(grade_text) <= LAST_GRADE else None
        )
        q = (query.get("q") or "").strip()[:200]
        kind = query.get("kind") or ""
        status = query.get("status") or ""
        return cls(
            q=q,
            subject=(query.get("subject") or "")[:100],
            kind=kind if kind in MaterialKind.values else "",
            grade=grade,
            ma=(query.get("ma") or "")[:100],
            status=status if status in MaterialStatus.values else "",
            school=(query.get("school") or "")[:100],
            terms=search.query_words(q),
        )


@dataclass
class Found:
    material: Material
    title: SafeString
    snippet: SafeString


def _narrowed(queryset: QuerySet, filters: Filters) -> QuerySet:
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.grade is not None:
        # Within the material's grades, or a material for any grade.
        queryset = queryset.filter(
            Q(grade_from__isnull=True)
            | Q(grade_from__lte=filters.grade, grade_to__gte=filters.grade)
        )
    if filters.ma:
        queryset = queryset.filter(association__key=filters.ma)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.school:
        queryset = queryset.filter(school__key=filters.school)
    if filters.terms:
        queryset = queryset.filter(pk__in=search.matching_ids(filters.terms))
    return queryset.select_related("school", "association", "subject", "author")


def _snippet_source(material: Material, terms: list[str]) -> str:
    """The text a row quotes: the description, or the tags when only they hold a word found."""
    if (
        terms
        and not search.holds(material.description, terms)
        and search.holds(material.tags, terms)
    ):
        return material.tags
    return material.description or material.tags


def _found(materials, terms: list[str]) -> list[Found]:
    return [
        Found(
            material=material,
            title=search.highlight(material.title, terms),
            snippet=search.highlight(
                _snippet_source(material, terms), terms, limit=search.SNIPPET_CHARS
            ),
        )
        for material in materials
    ]


def bank_of(viewer: Viewer, school, filters: Filters) -> list[Found]:
    """The school's bank as the viewer reads it (BankRule), narrowed by ``filters``."""
    queryset = visible(viewer, Material.objects.filter(school=school))
    if filters.subject:
        queryset = queryset.filter(subject__key=filters.subject)
    return _found(_narrowed(queryset, filters)[:LIST_LIMIT], filters.terms)


def published_in_district(viewer: Viewer, district, filters: Filters) -> list[Found]:
    """The published materials of every school of the district (SVC-T2, for its methodologist)."""
    queryset = visible(
        viewer,
        Material.objects.filter(school__district=district, status=MaterialStatus.PUBLISHED),
    )
    if filters.subject:
        queryset = queryset.filter(subject__name_ky=filters.subject)
    return _found(_narrowed(queryset, filters)[:LIST_LIMIT], filters.terms)
