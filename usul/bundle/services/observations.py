"""Extension sections (docs/bundle-extensions.md): the school's observation forms and the
observations outside open lessons (a head's visit, HEAD-D1, SVC-D4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from usul.bundle.services.reconciler import Row
from usul.bundle.services.values import _date, _given, _iso, _nonempty, _text
from usul.lessons.models import Observation, ObservationTemplate

if TYPE_CHECKING:
    from usul.bundle.services.importing import BundleImport


# -- import


def import_templates(run: BundleImport) -> None:
    """The school's observation forms (HEAD-D1, SVC-D4), named by version like a key: a
    form the bundle lacks is kept, and so are the observations filled in with it."""
    sources = run.data.get("observation_templates", [])
    forms = run.rows(
        "observation_templates",
        ObservationTemplate,
        "school_id",
        {"school": run.school},
        [
            Row(
                ["observation_templates", n],
                str(t["version"]),
                run.school.pk,
                {
                    "version": t["version"],
                    "name": t["name"],
                    "scale_min": t["scale_min"],
                    "scale_max": t["scale_max"],
                    "criteria": t["criteria"],
                    "judgements": t["judgements"],
                },
                identity=t["version"],
            )
            for n, t in enumerate(sources)
        ],
        run.school_rows("observation_templates"),
        identity=lambda obj: obj.version,
        keep=True,
    )
    run.templates = {t["version"]: form for t, form in zip(sources, forms, strict=True)}


def observation_values(run: BundleImport, row: dict) -> dict:
    """An observation's extension fields: strengths, scores, judgement and its form."""
    return _given(
        row,
        {
            "strengths": ("strengths", _text),
            "scores": ("scores", dict),
            "judgement": ("judgement", _text),
            "template": ("template_id", lambda v: None if v is None else run.templates[v].pk),
        },
    )


def import_visits(run: BundleImport) -> None:
    """Observations outside open lessons (a head's visit, HEAD-D1): rows of the school."""
    run.rows(
        "observations",
        Observation,
        "school_id",
        {"school": run.school, "open_lesson__isnull": True},
        [
            Row(
                ["observations", n],
                row["teacher"],
                run.school.pk,
                {
                    "teacher_id": run.staff[row["teacher"]].pk,
                    "observer_id": run.staff[row["observer"]].pk,
                    "date": _date(row["date"]),
                    "summary": _text(row["summary"]),
                    "recommendations": _text(row["recommendations"]),
                    # Written whole: an extension record has no BUNDLE.md fields to keep.
                    "strengths": "",
                    "scores": {},
                    "judgement": "",
                    "template_id": None,
                    **observation_values(run, row),
                },
            )
            for n, row in enumerate(run.data.get("observations", []))
        ],
        run.school_rows("observations"),
    )


# -- export


def observation_extension(v: Observation, templates: dict) -> dict:
    """An observation's extension fields; ``templates`` gives the school's forms by pk."""
    return {
        "strengths": v.strengths,
        "scores": v.scores,
        "judgement": v.judgement,
        "template": templates[v.template_id].version if v.template_id else None,
    }


def write_observations(templates: dict, visits: list[Observation], person: dict) -> dict:
    """``observation_templates`` and ``observations`` (visits), only when the school has
    some: extension records, written whole."""
    return _nonempty(
        observation_templates=[
            {
                "version": t.version,
                "name": t.name,
                "scale_min": t.scale_min,
                "scale_max": t.scale_max,
                "criteria": t.criteria,
                "judgements": t.judgements,
            }
            for t in templates.values()
        ],
        # Extension records, written whole.
        observations=[
            {
                "teacher": person[v.teacher_id],
                "observer": person[v.observer_id],
                "date": _iso(v.date),
                "summary": v.summary,
                "recommendations": v.recommendations,
                **observation_extension(v, templates),
            }
            for v in visits
        ],
    )
