"""The set-up walked with the test client, step by step, with good input unless told."""

from __future__ import annotations

import re

SCHOOL = {
    "district_name": "Ош шаардык усулдук бөлмөсү",
    "district_key": "osh-city",
    "school_name": "№17 орто мектеби",
    "school_key": "sch-17",
    "school_plan_deadline_days": "14",
    "school_young_specialist_years": "3",
    "school_newly_arrived_days": "365",
    "school_ktu_required": "on",
    "school_category_reminder_months": "6",
    "school_course_reminder_years": "5",
}
YEAR = {
    "year_start": "2025-09-01",
    "year_end": "2026-05-31",
    "year_theme": "Окуучулардын функционалдык сабаттуулугун өнүктүрүү",
}
SUBJECTS = {
    "subjects_subjects": ["kyrgyz-lang", "math", "physics"],
    "own0_name_ky": "Шахмат",
    "own0_name_ru": "Шахматы",
    "own0_area": "arts_social",
}
ACCOUNT = {
    "account_last_name": "Осмонова",
    "account_first_name": "Гүлнара",
    "account_username": "g.osmonova",
    "account_password": "жашыл тоо 2025",
    "account_password_again": "жашыл тоо 2025",
}
TOKEN = re.compile(r'name="once" value="([^"]+)"')


def send(client, step: str, data: dict):
    return client.post(f"/setup/{step}/", data)


def walk_to_account(client, *, school: dict = SCHOOL) -> str:
    """The first three steps sent; the one-time token of the account step's form."""
    for step, data in (("school", school), ("year", YEAR), ("subjects", SUBJECTS)):
        response = send(client, step, data)
        assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get("/setup/account/").content.decode()
    return TOKEN.search(page).group(1)
