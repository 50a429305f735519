"""Log-in, the language switch, and the home page of each role."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from usul.accounts.forms import LoginForm
from usul.accounts.policy import viewer_for
from usul.accounts.services import user_set_language


class LoginView(auth_views.LoginView):
    """Django's log-in, keeping the language the person chose on the log-in page."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        chosen = self.request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if not user.language and chosen in dict(settings.LANGUAGES):
            # Chosen before logging in: remember it on the user from now on.
            user_set_language(actor=viewer_for(user), language=chosen)
        if user.language:
            _remember_in_cookie(response, user.language)
        return response


def _remember_in_cookie(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
    )


def _is_page(target: str) -> bool:
    """The switch returns the user to a page of Usul, never to an address that does not exist."""
    try:
        resolve(urlsplit(target).path)
    except Resolver404:
        return False
    return True


@require_POST
def set_language(request):
    """Switch the language and remember it on the user (and in a cookie before log-in)."""
    language = request.POST.get("language", "")
    target = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ) or not _is_page(target):
        target = "/"
    response = HttpResponseRedirect(target)
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            user_set_language(actor=request.viewer, language=language)
        translation.activate(language)
        _remember_in_cookie(response, language)
    return response
