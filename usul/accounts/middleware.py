"""Activates the language each user chose; remembered on the user, not only in a cookie."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from usul.accounts.policy import viewer_for


class UserLanguageMiddleware:
    """Kyrgyz unless the person chose otherwise.

    The choice is the user's saved language, else the language cookie set by the switcher
    (before log-in). The browser's Accept-Language is not asked: many phones here are set to
    Russian or English, and the regulation's users work in Kyrgyz first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        languages = dict(settings.LANGUAGES)
        user = getattr(request, "user", None)
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        if user is not None and user.is_authenticated:
            if user.language in languages:
                chosen = user.language
            request.viewer = viewer_for(user)
        else:
            request.viewer = viewer_for(None)
        language = chosen if chosen in languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return self.get_response(request)


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every page Usul makes (ASVS V14.3.2).

    Nearly every page names people — staff cards, observations, log-in slips with passwords —
    and a school's computer is shared: a page must not stay in the browser's cache for the next
    person, nor in a proxy's. Static files are served before this (WhiteNoise) and stay
    cacheable; a response that set its own caching (the calendar feed) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response


# Pages a person reaches before their log-in is complete, besides the step that is missing:
# logging out and the language.
OPEN_BEFORE_COMPLETE = frozenset({"accounts:logout", "accounts:language", "set_language"})


class LoginCompleteMiddleware:
    """A log-in is complete when the person has chosen their own password (a one-time password
    is only for that) and, where they have or need one, given their second factor (ASVS
    V6.3.3): until then every other page sends them to the step that is missing, and only that
    step opens — not even their account page opens before the second factor is given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        from django.shortcuts import redirect

        from usul.accounts.two_factor import missing_step

        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        match = getattr(request, "resolver_match", None)
        if match is None or match.view_name in OPEN_BEFORE_COMPLETE:
            return None
        step = missing_step(request)
        if step is None or match.view_name == step:
            return None
        return redirect(step)
