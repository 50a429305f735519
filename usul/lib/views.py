"""The address of a form that was posted answers GET too.

A form posted to its own address (``…/new/``, ``…/minutes/``) re-renders there when the input
is refused, so the address bar keeps it. Reloading that page, or switching the language on it,
asks the address with GET — which used to answer "405 Method Not Allowed", a blank browser error
page. ``form_post`` lets such an address answer GET with the page the form lives on: the
nearest enclosing address (one level up, then the next) that is a page of its own. That page
applies its own checks, so a GET here answers exactly what the page would: 200, a log-in
redirect for the anonymous, or 404 for another school's record.
"""

from __future__ import annotations

from functools import wraps

from django.http import Http404, HttpResponseNotAllowed
from django.urls import Resolver404, resolve


def form_post(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            return view(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "POST"])
        path = request.path
        while path.rstrip("/"):
            path = path.rstrip("/").rsplit("/", 1)[0] + "/"
            try:
                match = resolve(path)
            except Resolver404:
                continue
            if getattr(match.func, "posts_only", False):
                continue
            return match.func(request, *match.args, **match.kwargs)
        raise Http404

    wrapper.posts_only = True  # type: ignore[attr-defined]
    return wrapper


def own_school_entry(
    request, url_name: str, *, title: str, explanation: str, own_staff_page: bool = False
):
    """The menu's entry of a part of Usul that is kept per school: the page ``url_name`` of the
    viewer's own school (with ``own_staff_page``, of their own staff card: school key, staff
    key). Whoever belongs to no school — a district methodologist, the administrator — is told
    where to find it instead (``title``, ``explanation``)."""
    from django.shortcuts import redirect, render

    from usul.schools.models import School

    viewer = request.viewer
    if own_staff_page:
        if viewer.staff is not None:
            return redirect(url_name, viewer.staff.school.key, viewer.staff.key)
    elif viewer.school_id is not None:
        return redirect(url_name, School.objects.only("key").get(pk=viewer.school_id).key)
    return render(request, "no_school.html", {"title": title, "explanation": explanation})
