"""Every document made from the records, opened as a reader would open it: the PDF through
pdftotext and pdffonts, the DOCX through python-docx (DOC-1…DOC-12, Kyrgyz and Russian)."""

from __future__ import annotations

import pytest
from django.utils import translation

from usul.documents.contents import Refusal, document_content
from usul.documents.rendering import render
from usul.documents.tests.conftest import AS_OF, docx_text, pdf_fonts, pdf_text

TITLES = {
    "ky": {
        "DOC-1": "БУЙРУК",
        "DOC-2": "БУЙРУК",
        "DOC-3": "Усулдук бирикме жөнүндө жобо",
        "DOC-4": "Усулдук бирикменин мугалимдеринин функциялык милдеттери",
        "DOC-5": "УБнин өткөн жылдагы иштеринин анализи",
        "DOC-6": "Усулдук тема, максат, багыттар жана жылдын милдеттери",
        "DOC-7": "Иш планы жана ачык сабактардын графиги",
        "DOC-8": "Ар бир айга план сеткасы",
        "DOC-9": "УБнин мугалимдери тууралуу маалыматтар банкы",
        "DOC-10": "Мугалимдердин өзүн-өзү өнүктүрүү темалары",
        "DOC-11": "Календардык-тематикалык пландаштыруу",
        "DOC-12": "УБнин отурумдарынын токтомдору",
    },
    "ru": {
        "DOC-1": "ПРИКАЗ",
        "DOC-2": "ПРИКАЗ",
        "DOC-3": "Положение о МО",
        "DOC-4": "Функциональные обязанности учителей МО",
        "DOC-5": "Анализ работы МО за прошлый год",
        "DOC-6": "Методическая тема, цель, направления и задачи на год",
        "DOC-7": "План работы и график открытых уроков",
        "DOC-8": "План-сетка на каждый месяц",
        "DOC-9": "Банк данных об учителях МО",
        "DOC-10": "Темы самообразования учителей и творческие отчёты",
        "DOC-11": "Календарно-тематическое планирование",
        "DOC-12": "Решения заседаний МО",
    },
}
SIGNS = {"ky": "УБнин жетекчиси", "ru": "Руководитель МО"}
PAGE = {"ky": "Бет 1 / ", "ru": "Страница 1 из "}
TYPES = [f"DOC-{n}" for n in range(1, 13)]


def make(scene, doc_type, language, fmt, **kwargs):
    with translation.override(language):
        content = document_content(
            doc_type=doc_type,
            association=scene.stem,
            year=scene.ours.year,
            as_of=kwargs.pop("as_of", AS_OF),
            language=language,
            **kwargs,
        )
        return render(content, format=fmt)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("doc_type", TYPES)
def test_each_document_prints_as_a_pdf_with_its_school_title_pages_and_embedded_dejavu(
    documented, doc_type, language, tmp_path
):
    data = make(documented, doc_type, language, "pdf")
    assert data.startswith(b"%PDF-")
    text = flat(pdf_text(data, tmp_path))
    assert "№17 орто мектеби" in text
    assert TITLES[language][doc_type] in text
    assert PAGE[language] in text
    fonts = pdf_fonts(data, tmp_path)
    lines = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert lines and all("DejaVu" in line for line in lines)
    # pdffonts: the "emb" column says yes for every font.
    assert all(line.split()[-5] == "yes" for line in lines)


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("doc_type", TYPES)
def test_each_document_opens_as_a_docx_with_its_title_and_page_fields(
    documented, doc_type, language
):
    import io
    import zipfile

    data = make(documented, doc_type, language, "docx")
    text = docx_text(data)
    assert "№17 орто мектеби" in text
    assert TITLES[language][doc_type].split(" и ")[0] in text
    assert "{{" not in text and "{%" not in text
    footer = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode()
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert PAGE[language].split(" ")[0] in footer


def test_the_minutes_carry_every_resolution_with_its_number_and_the_signature_lines(
    documented, tmp_path
):
    text = flat(pdf_text(make(documented, "DOC-12", "ky", "pdf"), tmp_path))
    assert "29.08.2025 күнкү №2 протокол" in text
    assert "12.11.2025 күнкү №3 протокол" in text
    assert "1 Иш планы бекитилсин Асанова А." in text
    assert "2 Өмүрбеков Үсөн ачык сабак өткөрсүн Өмүрбеков Ү. 20.01.2026" in text
    assert "Жаңыл Бекованын тажрыйбасы жайылтылсын" in text
    assert "Катышкандар: 2 — Асанова А., Бекова Ж." in text
    assert "Катышпагандар: Өмүрбеков Ү." in text
    assert "ТОКТОМ КЫЛЫНДЫ:" in text
    assert "УБнин жетекчиси" in text and "Катчы" in text
    # The scheduled meeting m-1 was not held: it is not in the minutes.
    assert "14.10.2025" not in text
    docx = docx_text(make(documented, "DOC-12", "ru", "docx"))
    assert "Протокол №2 от 29.08.2025" in docx
    assert "1 | Иш планы бекитилсин | Асанова А. | " in docx
    assert "РЕШИЛИ:" in docx and "Секретарь" in docx


def test_the_data_bank_counts_experience_as_of_the_chosen_date_as_the_rules_do(
    documented, tmp_path
):
    # Асанова works in education from 01.09.2002: to 15.01.2026 that is 8538 days, 23.37
    # years (days / 365.25, rounded down); on 01.09.2025 it is 23.00 years (8402 days).
    text = flat(pdf_text(make(documented, "DOC-9", "ky", "pdf"), tmp_path))
    assert "Асанова" in text and "23,37" in text
    assert "12.03.1980 (45)" in text
    assert "Стажы жана жашы 15.01.2026 карата" in text
    assert "Жаңыл" in text and "13,37" in text
    assert "Өмүрбеков" in text and "Үсөн" in text
    assert "УБнин курамы: 3 мугалим" in text
    earlier = flat(
        pdf_text(make(documented, "DOC-9", "ru", "pdf", as_of=AS_OF.replace(2025, 9, 1)), tmp_path)
    )
    assert "23,00" in earlier and "Стаж и возраст на 01.09.2025" in earlier
    docx = docx_text(make(documented, "DOC-9", "ru", "docx"))
    assert "Асанова Айгүл" in docx and "23,37" in docx and "Өмүрбеков Үсөн" in docx
    assert "Педагогический стаж, лет" in docx
    # The row of the head, cell by cell (a PDF wraps them).
    assert "Асанова Айгүл | 12.03.1980 (45) | высшее | Математика | Математика (9, 10)" in docx
    assert "первая категория | 23,37 | 23,37" in docx


def test_the_data_bank_chart_is_in_the_pdf_and_a_picture_in_the_docx(documented, tmp_path):
    import io
    import zipfile

    text = flat(pdf_text(make(documented, "DOC-9", "ru", "pdf"), tmp_path))
    assert "По квалификационной категории" in text and "По педагогическому стажу, лет" in text
    names = zipfile.ZipFile(io.BytesIO(make(documented, "DOC-9", "ky", "docx"))).namelist()
    assert any(n.startswith("word/media/") and n.endswith(".png") for n in names)


def test_the_orders_carry_their_number_date_and_signers(documented, tmp_path):
    scene = documented
    order = scene.stem.created_by
    text = flat(pdf_text(make(scene, "DOC-1", "ru", "pdf"), tmp_path))
    assert f"№ {order.number}" in text and "28.08.2025" in text
    assert "Об открытии методического объединения «Табигый-математикалык цикл»" in text
    assert "ПРИКАЗЫВАЮ:" in text and "Осмонова Г." in text and "Токтогулов Б." in text
    assert "Бекова Жаңыл" in text
    text = flat(pdf_text(make(scene, "DOC-2", "ky", "pdf"), tmp_path))
    assert "Асанова Айгүл" in text and "жетекчиси (төрагасы) болуп бекитилсин" in text


def test_the_regulation_follows_the_clauses_in_kyrgyz_and_russian(documented, tmp_path):
    ky = flat(pdf_text(make(documented, "DOC-3", "ky", "pdf"), tmp_path))
    assert "БЕКИТЕМИН" in ky and "Токтогулов Б." in ky
    assert "үчтөн кем эмес мугалимден түзүлөт" in ky  # GEN-2
    assert "төрттөн кем эмес отуруму өткөрүлөт" in ky  # ORG-4
    ru = flat(pdf_text(make(documented, "DOC-3", "ru", "pdf"), tmp_path))
    assert "УТВЕРЖДАЮ" in ru
    assert "не менее четырёх заседаний методического объединения" in ru
    assert "хранится в школе три года" in ru  # ORG-6


@pytest.mark.parametrize(
    ("doc_type", "language", "message"),
    [
        ("DOC-12", "ky", "«Тил цикли» УБ 2025-2026 окуу жылында бир да отурум өткөргөн жок."),
        ("DOC-7", "ru", "План работы МО «Тил цикли» на 2025-2026 учебный год не записан."),
        ("DOC-2", "ky", "2025-2026 окуу жылына «Тил цикли» УБнин жетекчисин бекиткен"),
        ("DOC-11", "ru", "Ни у одного члена МО «Тил цикли» нет календарно-тематического плана"),
    ],
)
def test_a_document_with_nothing_recorded_is_refused_saying_what_is_missing(
    documented, doc_type, language, message
):
    with translation.override(language):
        with pytest.raises(Refusal) as refused:
            document_content(
                doc_type=doc_type,
                association=documented.lang,
                year=documented.ours.year,
                as_of=AS_OF,
                language=language,
            )
        # Read in the language of whoever reads it (the page's, the command line's).
        assert message in refused.value.message
