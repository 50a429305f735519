"""The school's log-ins page, the log-in slips (page and real PDF) and ``usul accounts``."""

from __future__ import annotations

import re
import subprocess

from django.core import signing
from django.test import Client
from django.urls import reverse

from usul.accounts.logins import SLIPS_SALT
from usul.accounts.models import User
from usul.testing import factories as f

LOGIN = reverse("accounts:login")
ACCOUNT = reverse("accounts:account")
HOME = reverse("home:home")


def slips_of(page: str) -> list[tuple[str, str]]:
    """(user name, password) of every slip on a slips page."""
    usernames = re.findall(r'<dd class="slip-username">([^<]+)</dd>', page)
    passwords = re.findall(r'<dd class="slip-password">([^<]+)</dd>', page)
    return list(zip(usernames, passwords, strict=True))


def signed_of(page: str) -> str:
    return re.search(r'name="slips" value="([^"]+)"', page).group(1)


def test_the_list_shows_every_staff_member_with_log_in_state_and_last_log_in(as_user, scene):
    newcomer = f.make_staff(scene.school, last_name="Жаңыбаева", first_name="Үмүт")
    page = as_user("deputy").get(reverse("accounts:school", args=[scene.school.key]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Жаңыбаева Үмүт" in text and f'value="{newcomer.key}"' in text
    assert "<code>teacher</code>" in text
    assert "no-store" in page["Cache-Control"]


def test_log_ins_for_the_ticked_staff_print_slips_and_the_first_log_in_sets_a_password(
    as_user, scene, settings
):
    settings.USUL_BASE_URL = "https://usul.school17.kg"
    one = f.make_staff(scene.school, last_name="Жаңыбаева", first_name="Үмүт")
    two = f.make_staff(scene.school, last_name="Өмүрова", first_name="Ыңкар")
    f.make_staff(scene.school, last_name="Калган", first_name="Адам")  # not ticked
    client = as_user("deputy")
    list_page = client.get(reverse("accounts:school", args=[scene.school.key])).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', list_page).group(1)
    create = reverse("accounts:create", args=[scene.school.key])
    page = client.post(create, {"staff": [one.key, two.key], "once": once})
    text = page.content.decode()
    assert page.status_code == 200
    slips = slips_of(text)
    assert [u for u, _ in slips] == ["umut.jangybaeva", "yngkar.omurova"]
    assert text.count("https://usul.school17.kg") == 2
    assert "Жаңыбаева Үмүт" in text and "Бир жолку сырсөз" in text and "Одноразовый пароль" in text
    # The second press of the same form creates nothing more.
    again = client.post(create, {"staff": [one.key, two.key], "once": once})
    assert again.status_code == 302
    assert User.objects.filter(staff__in=[one, two]).count() == 2
    # The teacher logs in with her slip and is asked for her own password first.
    username, password = slips[0]
    teacher = Client()
    assert teacher.post(LOGIN, {"username": username, "password": password})["Location"] == HOME
    assert teacher.get(HOME)["Location"] == ACCOUNT
    teacher.post(
        ACCOUNT,
        {
            "old_password": password,
            "new_password1": "менин өз сырсөзүм",
            "new_password2": "менин өз сырсөзүм",
        },
    )
    assert teacher.get(HOME).status_code == 200


def test_everyone_without_a_log_in_at_once(as_user, scene):
    people = [f.make_staff(scene.school, last_name=f"Жаңы{i}") for i in range(3)]
    page = as_user("director").post(
        reverse("accounts:create", args=[scene.school.key]), {"all": "1"}
    )
    assert len(slips_of(page.content.decode())) == 3
    assert all(User.objects.filter(staff=p).exists() for p in people)
    nothing = as_user("director").post(
        reverse("accounts:create", args=[scene.school.key]), {"all": "1"}, follow=True
    )
    assert "Мектептеги бардык кызматкерлердин кирүүсү бар" in nothing.content.decode()


def test_the_slips_download_as_a_real_pdf_in_kyrgyz_and_russian(as_user, scene, tmp_path):
    f.make_staff(scene.school, last_name="Өмүрова", first_name="Ыңкар")
    client = as_user("deputy")
    page = client.post(reverse("accounts:create", args=[scene.school.key]), {"all": "1"})
    (username, password), *_ = slips_of(page.content.decode())
    pdf = client.post(
        reverse("accounts:slips_pdf", args=[scene.school.key]),
        {"slips": signed_of(page.content.decode())},
    )
    assert pdf["Content-Type"] == "application/pdf"
    path = tmp_path / "slips.pdf"
    path.write_bytes(pdf.content)
    text = subprocess.run(  # noqa: S603 - a fixed tool on our own file
        ["/usr/bin/pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Өмүрова Ыңкар" in text
    assert username in text and password in text
    assert "Бир жолку сырсөз" in text and "Одноразовый пароль" in text
    fonts = subprocess.run(  # noqa: S603
        ["/usr/bin/pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout
    assert "DejaVu" in fonts


def test_slips_changed_or_of_another_school_are_not_printed(as_user, scene):
    forged = signing.dumps(
        {"school": scene.school.key, "slips": [{"username": "x", "password": "y"}]}, salt="other"
    )
    response = as_user("deputy").post(
        reverse("accounts:slips_pdf", args=[scene.school.key]), {"slips": forged}
    )
    assert response.status_code == 302
    theirs = signing.dumps({"school": "sch-99", "slips": []}, salt=SLIPS_SALT)
    response = as_user("deputy").post(
        reverse("accounts:slips_pdf", args=[scene.school.key]), {"slips": theirs}
    )
    assert response.status_code == 302


def test_a_deputy_resets_a_password_and_never_learns_the_chosen_one(as_user, scene):
    client = as_user("deputy")
    page = client.post(reverse("accounts:reset", args=[scene.school.key, scene.teacher.key]))
    [(username, password)] = slips_of(page.content.decode())
    assert username == "teacher"
    user = User.objects.get(username="teacher")
    assert user.has_one_time_password and user.check_password(password)
    assert not user.check_password("test-pass-123")


def test_another_schools_user_is_not_found_for_a_reset(as_user, scene):
    url = reverse("accounts:reset", args=[scene.outsider.key, scene.outsider_staff.key])
    assert as_user("deputy").post(url).status_code == 404
    # Nor by naming their key under our school.
    ours = reverse("accounts:reset", args=[scene.school.key, scene.outsider_staff.key])
    assert as_user("deputy").post(ours).status_code == 404
    assert User.objects.get(username="orozova").check_password("test-pass-123")


def test_switched_off_by_hand_then_on_again_with_a_new_one_time_password(as_user, scene):
    client = as_user("director")
    client.post(reverse("accounts:switch_off", args=[scene.school.key, scene.teacher.key]))
    assert not User.objects.get(username="teacher").is_active
    response = Client().post(LOGIN, {"username": "teacher", "password": "test-pass-123"})
    assert response.status_code == 200
    page = client.post(reverse("accounts:switch_on", args=[scene.school.key, scene.teacher.key]))
    [(username, password)] = slips_of(page.content.decode())
    assert Client().post(LOGIN, {"username": username, "password": password}).status_code == 302


def test_a_teacher_and_the_district_do_not_manage_log_ins(as_user, scene):
    url = reverse("accounts:school", args=[scene.school.key])
    assert as_user("teacher").get(url).status_code == 403
    assert as_user("district").get(url).status_code == 403
    assert as_user("outsider").get(url).status_code == 404
