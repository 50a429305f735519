import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped:
        _skipped.append(report.nodeid)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    """No test may be skipped silently: a skip fails the run and says which test."""
    if _skipped:
        print("\nerror: skipped tests count as failures here:\n  " + "\n  ".join(_skipped))
        session.exitstatus = 1
