"""Django settings for Usul. Everything a deployment changes comes from ``usul.config.env``."""

from __future__ import annotations

import os

from django.utils.translation import gettext_lazy as _

from usul.config import env

USUL_HOME = env.usul_home()
SECRET_KEY = env.secret_key(USUL_HOME)
DEBUG = env.flag("USUL_DEBUG", False)
ALLOWED_HOSTS = [h for h in os.environ.get("USUL_ALLOWED_HOSTS", "*").split(",") if h]
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
    "usul.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Before the CSRF check parses a POST: an oversized body is refused unread.
    "usul.lib.request_limits.RequestSizeLimitMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

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
