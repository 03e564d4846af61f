"""One settings module for every environment, read from the environment.

DEBUG is off unless DEBUG=1; without DEBUG a SECRET_KEY must be given. DATABASE_URL picks the
database (a SQLite file by default, PostgreSQL in production).
"""

import os
import sys
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from workbench.release import release_key

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


DEBUG = env_flag("DEBUG")
# The test suite runs with production settings (DEBUG off); it needs no real key.
TESTING = "pytest" in sys.modules
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and TESTING:
    SECRET_KEY = "test-suite-only-not-secret"
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (set DEBUG=1 for local development).")
    SECRET_KEY = "local-development-only-not-secret"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "axes",
    "crispy_forms",
    "crispy_bootstrap5",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "rules.apps.AutodiscoverRulesConfig",
    "workbench.accounts",
    "workbench.teams",
    "workbench.canvases",
    "workbench.checker",
    "workbench.examples",
    "workbench.tocmap",
    "workbench.pdf",
    "workbench.operations",
    # Migrations only: the tables of the four apps below were made by it and keep its names.
    "workbench.review",
    "workbench.notifications",
    "workbench.comments",
    "workbench.workflow",
    "workbench.sharing",
    "workbench.progress",
    "workbench.mailing",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, so that it sees every failed sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "workbench.urls"
WSGI_APPLICATION = "workbench.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "workbench.notifications.context_processors.notifications",
            ],
            "builtins": ["rules.templatetags.rules"],
        },
    }
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'workbench.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several people saving at once: wait for the write lock instead of failing at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"timeout": 20, "transaction_mode": "IMMEDIATE"})
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# What the pages keep between visits (workbench/caching.py makes every key; README, "Shared cache", says what
# is kept and why). One process: memory, room for a few thousand entries; several app servers share one Redis
# (CACHE_URL=redis://host:6379/1, with the redis package installed). Every key starts with the release, so a
# release that changes any code, data or template file reads nothing an earlier release kept.
RELEASE = release_key(BASE_DIR)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "workbench",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
if os.environ.get("CACHE_URL", "").startswith(("redis://", "rediss://")):
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
CACHES["default"]["KEY_PREFIX"] = RELEASE

AUTHENTICATION_BACKENDS = [
    # First: refuses sign-ins from a person or address locked out after repeated failures.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "teams:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG and not TESTING
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Slow work runs in a task worker (`manage.py worker`), through the django-tasks backport of Django 6's
# django.tasks. The queue lives in the database by default (nothing to install); TASKS_BACKEND=rq puts it on
# Redis at REDIS_URL for several machines (README, "Deployment"). Tests run tasks at once (tests/settings.py).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
if TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {"default": {"URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0"), "DEFAULT_TIMEOUT": 300}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be database or rq, not {TASKS_BACKEND!r}.")

# Rendered one-pagers go through Django's storage API: files under PDF_DIR by default; several machines share
# one store when PDF_DIR is on shared storage or when this entry names another backend (S3, Azure, ...).
STORAGES["one_pagers"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": os.environ.get("PDF_DIR", str(BASE_DIR / "var" / "one-pagers"))},
}
# Each render runs in a process of its own with these limits; past either it is stopped and recorded as failed.
PDF_RENDER_TIMEOUT = float(os.environ.get("PDF_RENDER_TIMEOUT", "30"))
PDF_RENDER_MEMORY_MB = int(os.environ.get("PDF_RENDER_MEMORY_MB", "768"))
# Every save, restore, publish and import queues the new revision's one-pager (tests switch it off).
PDF_RENDER_AHEAD = True
# A render interrupted this many times (its worker killed or lost) is recorded as failed instead of retried.
PDF_RENDER_ATTEMPTS = 3
# A render still marked rendering this long after it started has lost its worker and is queued again.
PDF_RENDER_STALE_AFTER = float(os.environ.get("PDF_RENDER_STALE_AFTER", PDF_RENDER_TIMEOUT + 60))

# The address people reach the workbench at, for links in e-mails (invitations carry the request's own).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "")
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Mission Workbench <workbench@localhost>")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

from workbench.document.spec import DOCUMENT_MAX_BYTES  # noqa: E402  (pure Python, no Django)

# A canvas document file is small; anything much larger is not one. The canvas spec sets how large a canvas may be
# (DOCUMENT_MAX_BYTES, as compact JSON); an indented file up to three times that is read, so the refusal can
# say which part is too large.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
CANVAS_IMPORT_MAX_BYTES = 3 * DOCUMENT_MAX_BYTES
# The editor posts the whole canvas as one form: the largest canvas the spec allows (every list full, every link
# ticked) sends 6,728 fields (canvases.forms.largest_field_count; a test keeps this above it). Django's default of
# 1,000 refused a save of 160 root causes with "400 Bad Request" and lost the typing.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 7_000

# Strict Content-Security-Policy: only the app's own files; no inline scripts or styles anywhere.
# Bootstrap's stylesheet draws form controls with data: SVG images, hence img-src data:.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Sign-in attempts are rate-limited: after 5 failures for one username from one address, an hour's wait.
AXES_ENABLED = env_flag("AXES_ENABLED", not TESTING)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Behind the council's load balancer the client address comes from X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None

# Every page reads the session: from the shared cache, with the database behind it (a release or a restart loses
# no one's sign-in).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and not TESTING:
    SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
