"""DOC-10 reads what the teachers recorded: the year's self-development topic, how it is
worked on and what it should give, and the creative reports on it (DUTY-1)."""

from __future__ import annotations

import datetime as dt

from django.utils import translation

from usul.documents.contents import document_content
from usul.documents.rendering import render
from usul.documents.tests.conftest import AS_OF, docx_text

D = dt.date


def _doc10(scene, language="ky", fmt="docx") -> str:
    with translation.override(language):
        content = document_content(
            doc_type="DOC-10",
            association=scene.stem,
            year=scene.ours.year,
            as_of=AS_OF,
            language=language,
        )
        return docx_text(render(content, format=fmt))


def test_the_recorded_plan_result_and_creative_reports_are_in_doc_10(documented):
    from usul.people.models import CreativeReport, SelfDevelopmentTopic

    topic = SelfDevelopmentTopic.objects.get(staff=documented.teacher, year=documented.ours.year)
    topic.plan = "Адабият окуу, семинарга катышуу"
    topic.expected_result = "Өз алдынча иштөөнүн көндүмдөрү"
    topic.save()
    CreativeReport.objects.create(
        topic=topic, date=D(2025, 12, 10), form="УБнин отурумунда баяндама", materials="слайддар"
    )
    CreativeReport.objects.create(topic=topic, date=D(2025, 10, 1), form="Мастер-класс «Оюн»")
    text = _doc10(documented)
    assert "Оюн аркылуу үйрөтүү" in text
    assert "Адабият окуу, семинарга катышуу" in text
    assert "күтүлгөн натыйжа: Өз алдынча иштөөнүн көндүмдөрү" in text
    # the creative reports, in date order, with their materials
    line = next(row for row in text.splitlines() if "Мастер-класс" in row)
    assert line.index("Мастер-класс «Оюн», 01.10.2025") < line.index(
        "УБнин отурумунда баяндама, 10.12.2025 (слайддар)"
    )
    russian = _doc10(documented, "ru")
    assert "ожидаемый результат: Өз алдынча иштөөнүн көндүмдөрү" in russian


def test_a_teacher_without_a_topic_has_dashes_not_a_gap(documented):
    text = _doc10(documented)
    colleague = next(row for row in text.splitlines() if documented.colleague.last_name in row)
    assert colleague.count("—") >= 2
