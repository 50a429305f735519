from django.utils.functional import SimpleLazyObject


def usul(request):
    """The viewer (who asks, with today's roles) and their school, for every template.

    The school is read only when a template asks for it (the menu does, once per page).
    """
    viewer = getattr(request, "viewer", None)

    def school():
        staff = getattr(viewer, "staff", None)
        return staff.school if staff is not None else None

    return {"viewer": viewer, "viewer_school": SimpleLazyObject(school)}
