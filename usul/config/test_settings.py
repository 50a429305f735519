"""Settings for the test suite: the production settings, with static files found in place
(no collectstatic manifest needed) and fast password hashing."""

from usul.config.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The real hash costs about half a second per user created in a test.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Most tests look at pages, not at the second factor: they log in without it. The tests of
# two-factor log-in (usul/accounts/tests/test_two_factor.py) switch the requirement on.
USUL_REQUIRE_2FA = False
# Most tests build a database without a school and look at other pages than the first-run
# set-up; its own tests (usul/setup/tests) switch it on.
USUL_FIRST_RUN = False
