def usul(request):
    """The viewer (who asks, with today's roles) for every template."""
    return {"viewer": getattr(request, "viewer", None)}
