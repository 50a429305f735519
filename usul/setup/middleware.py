"""On an installation with no school, every page leads to the set-up.

A fresh installation has nobody to log in as and nothing to show: each page sends the visitor
to the first-run set-up (``usul.setup.views``). Static files are served before this
(WhiteNoise); the language switch stays open, so the set-up can be read in Russian or English.
Once a school exists this middleware asks nothing more of the database (``state.installed``)
and the set-up's own pages answer 404.

``USUL_FIRST_RUN = False`` switches it off: the test suite builds most of its databases
without a school and looks at other pages (the set-up's own tests switch it on).
"""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect

from usul.setup.state import installed

# Pages that open before the set-up: the set-up itself and the language switches.
OPEN_BEFORE_SET_UP = frozenset({"accounts:language", "set_language"})


class FirstRunMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not getattr(settings, "USUL_FIRST_RUN", True):
            return None
        match = request.resolver_match
        if match is None or match.namespace == "setup" or match.view_name in OPEN_BEFORE_SET_UP:
            return None
        if installed():
            return None
        return redirect("setup:start")
