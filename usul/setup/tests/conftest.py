import pytest

from usul.setup import state


@pytest.fixture
def first_run(settings, db):
    """The first-run set-up switched on (the test settings switch it off), on a database that
    is asked afresh whether it holds a school."""
    settings.USUL_FIRST_RUN = True
    state.forget()
    yield
    state.forget()


@pytest.fixture
def client(client):
    """The set-up read in English, so that the tests read its messages as written."""
    client.cookies["usul_language"] = "en"
    return client
