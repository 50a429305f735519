"""Activates the language each user chose; remembered on the user, not only in a cookie."""

from django.conf import settings
from django.utils import translation

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
