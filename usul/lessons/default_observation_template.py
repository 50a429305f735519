"""The observation form a school starts with (HEAD-D1, SVC-D4), in Kyrgyz, Russian and English.

It follows the usual school "analysis of a lesson" (сабакты талдоо / анализ урока): the goal,
the content, the methods, the students' work, time, assessment, aids and the result, each
scored 1–5, and four overall judgements. A school changes it on its observation-form page.
"""

from __future__ import annotations

DEFAULT_NAME = "Сабакты талдоо / Анализ урока"
DEFAULT_SCALE = (1, 5)

DEFAULT_CRITERIA = [
    {
        "key": "goal",
        "ky": "Сабактын максаты так коюлуп, окуучуларга жеткирилди",
        "ru": "Цель урока чётко поставлена и доведена до учащихся",
        "en": "The lesson's goal is clear and shared with the students",
    },
    {
        "key": "content",
        "ky": "Мазмуну программага жана окуучулардын жаш өзгөчөлүгүнө ылайык",
        "ru": "Содержание соответствует программе и возрасту учащихся",
        "en": "The content fits the programme and the students' age",
    },
    {
        "key": "methods",
        "ky": "Окутуунун усулдары жана ыкмалары",
        "ru": "Методы и приёмы обучения",
        "en": "Teaching methods and techniques",
    },
    {
        "key": "activity",
        "ky": "Окуучулардын активдүүлүгү жана өз ара аракеттенүүсү",
        "ru": "Активность и взаимодействие учащихся",
        "en": "The students' activity and interaction",
    },
    {
        "key": "time",
        "ky": "Сабактын убактысын пайдалануу",
        "ru": "Использование времени урока",
        "en": "Use of the lesson's time",
    },
    {
        "key": "assessment",
        "ky": "Баалоо жана кайтарым байланыш",
        "ru": "Оценивание и обратная связь",
        "en": "Assessment and feedback",
    },
    {
        "key": "aids",
        "ky": "Көрсөтмө куралдар жана МКТ",
        "ru": "Наглядность и ИКТ",
        "en": "Visual aids and ICT",
    },
    {
        "key": "result",
        "ky": "Сабактын натыйжасы (максатка жетүү)",
        "ru": "Результативность урока (достижение цели)",
        "en": "The lesson's result (the goal reached)",
    },
]

DEFAULT_JUDGEMENTS = [
    {"key": "excellent", "ky": "Эң жакшы", "ru": "Отлично", "en": "Excellent"},
    {"key": "good", "ky": "Жакшы", "ru": "Хорошо", "en": "Good"},
    {
        "key": "satisfactory",
        "ky": "Канааттандырарлык",
        "ru": "Удовлетворительно",
        "en": "Satisfactory",
    },
    {
        "key": "unsatisfactory",
        "ky": "Канааттандырарлык эмес",
        "ru": "Неудовлетворительно",
        "en": "Unsatisfactory",
    },
]
