"""Activates the language each user chose; remembered on the user, not only in a cookie."""

from django.conf import settings
from django.utils import translation

from usul.accounts.policy import viewer_for


class UserLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            if user.language and user.language in dict(settings.LANGUAGES):
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
            request.viewer = viewer_for(user)
        else:
            request.viewer = viewer_for(None)
        return self.get_response(request)
