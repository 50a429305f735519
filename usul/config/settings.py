"""Django settings for Usul. Everything a deployment changes comes from ``usul.config.env``."""

from __future__ import annotations

import datetime as dt
import os

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from usul.config import env

USUL_HOME = env.usul_home()
SECRET_KEY = env.secret_key(USUL_HOME)
DEBUG = env.flag("USUL_DEBUG", False)
# Behind a reverse proxy that ends TLS (the production set-up in the README).
USUL_HTTPS = env.flag("USUL_HTTPS", False)
ALLOWED_HOSTS = env.allowed_hosts(USUL_HTTPS)
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("USUL_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "usul.accounts",
    "usul.schools",
    "usul.orders",
    "usul.people",
    "usul.associations",
    "usul.planning",
    "usul.meetings",
    "usul.lessons",
    "usul.assessment",
    "usul.analysis",
    "usul.documents",
    "usul.compliance",
    "usul.bundle",
    "usul.roster",
    "usul.notifications",
    "usul.calendars",
    "usul.home",
    "usul.rights",
    "usul.mentoring",
    "usul.thematic",
    "usul.ideas",
    "usul.setup",
    "usul.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages go out compressed: a village link pays for every kilobyte (WhiteNoise above serves
    # static files precompressed). BREACH: Django pads each compressed response with random
    # bytes (since 4.2) and masks the CSRF token per request, so a page's size tells nothing
    # of a secret in it.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "usul.accounts.middleware.UserLanguageMiddleware",
    # An installation with no school leads every page to its set-up (usul.setup).
    "usul.setup.middleware.FirstRunMiddleware",
    "usul.accounts.middleware.LoginCompleteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before the CSRF check parses a POST: an oversized body is refused unread.
    "usul.lib.request_limits.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Pages of a school's people are never kept by a browser or a proxy (ASVS V14).
    "usul.accounts.middleware.NoStoreMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "usul.config.urls"
WSGI_APPLICATION = "usul.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "usul.accounts.context_processors.usul",
            ],
        },
    },
]

DATABASES = {"default": env.database(USUL_HOME)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# ASVS 5.0 V6.2: at least 8 characters, up to 128 allowed (any character, spaces included),
# common and breached-looking passwords refused (Django's list of 20,000), nothing more: no
# rules of composition, no forced rotation, no similarity to the name (it refuses good
# passphrases and adds nothing the common list does not).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "usul.accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "usul.accounts.passwords.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "usul.accounts.passwords.CommonPasswordValidator"},
]
# Argon2id first (ASVS V11.4), tuned in usul.accounts.passwords; an older hash is re-made with
# it at the user's next log-in.
PASSWORD_HASHERS = [
    "usul.accounts.passwords.UsulArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
]
# django-axes first: it refuses a log-in that is locked out before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock-out (ASVS V6.3.1): 5 failed log-ins for one user name from one address lock that pair
# for 15 minutes. Never by address alone: a whole school reaches Usul from one address, and one
# pupil guessing must not lock out every teacher. An unknown user name is counted like a known
# one, so the answer never tells which user names exist.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "usul.accounts.views.locked_out"
AXES_CLIENT_IP_CALLABLE = "usul.accounts.passwords.client_address"
AXES_VERBOSE = False
# A one-time password handed out on a log-in slip is good for this many days (then the deputy
# makes a new one).
USUL_ONE_TIME_PASSWORD_DAYS = env.whole_number("USUL_ONE_TIME_PASSWORD_DAYS", 14)
# Two-factor log-in is required of the director, the deputies, district methodologists and
# administrators (ASVS V6.3.3); see the README for why the demo switches it off.
USUL_REQUIRE_2FA = env.flag("USUL_REQUIRE_2FA", True)
# An installation with no school sends every page to the first-run set-up (usul.setup).
USUL_FIRST_RUN = True
OTP_TOTP_ISSUER = "Usul"

# Kyrgyz first (the users' language), then Russian, then English.
# Apps keep their own catalogues (usul/<app>/locale); usul/lib is not an app, so the words of
# its shared mechanics (locking, history) have a catalogue of their own.
LOCALE_PATHS = [os.path.join(os.path.dirname(os.path.dirname(__file__)), "lib", "locale")]
LANGUAGE_CODE = "ky"
LANGUAGES = [("ky", _("Kyrgyz")), ("ru", _("Russian")), ("en", _("English"))]
LANGUAGE_COOKIE_NAME = "usul_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = "Asia/Bishkek"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = USUL_HOME / "static"
MEDIA_ROOT = USUL_HOME / "files"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Uploaded files: USUL_HOME/files, never served by URL (usul/lib/uploads.py).
    "uploads": {"BACKEND": "usul.lib.uploads.PrivateStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

# Request bodies. The largest thing anyone sends is a bundle file (20 MB); the form fields
# together stay far under 1 MB; larger uploads wait on disk, not in memory.
# An uploaded file (a scan, a material, a roster) is cut off at USUL_MAX_UPLOAD_MB while it
# streams (usul.lib.uploads.SizeLimitUploadHandler); the request may be a little larger.
USUL_MAX_UPLOAD_BYTES = env.megabytes("USUL_MAX_UPLOAD_MB", 20)
USUL_MAX_REQUEST_BYTES = env.megabytes(
    "USUL_MAX_REQUEST_MB", max(25, USUL_MAX_UPLOAD_BYTES // (1024 * 1024) + 5)
)
FILE_UPLOAD_HANDLERS = [
    "usul.lib.uploads.SizeLimitUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Uploaded files (scans, plan materials) and their folders: the service's user only.
FILE_UPLOAD_PERMISSIONS = env.PRIVATE_FILE
FILE_UPLOAD_DIRECTORY_PERMISSIONS = env.PRIVATE_FOLDER

SESSION_COOKIE_AGE = 14 * 24 * 3600
# The forms send the CSRF token from the page; no script needs to read the cookie.
CSRF_COOKIE_HTTPONLY = True
if USUL_HTTPS:
    # One reverse proxy in front ends TLS and says so in X-Forwarded-Proto (README).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# HSTS preload is a promise about a whole domain that its owner makes (a school's subdomain of
# a ministry's domain cannot), not a setting of one application.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

# Content security policy (django-csp 4): scripts and styles from Usul's own static files only,
# nothing inline, no other site (ASVS V3.4.3). The QR code of the two-factor enrolment is SVG
# markup in the page, which needs no image source.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
EMAIL_BACKEND = os.environ.get(
    "USUL_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("USUL_FROM_EMAIL", "usul@localhost")
# Where users reach Usul (e.g. https://usul.school17.kg), for the links in notification e-mails.
USUL_BASE_URL = os.environ.get("USUL_BASE_URL", "").rstrip("/")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
