"""Settings for Samen Sterk met Werk.

Read top to bottom. With no environment variables at all this runs on SQLite in ./db.sqlite3,
which is what `make run` and the first test pass use. Production sets the DJANGO_* variables and
DATABASE_URL (PostgreSQL); see the README.
"""

import datetime as dt
import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)
# A published key, for a laptop only. With DEBUG off the app refuses to serve on it: gunicorn
# (wsgi.py) and runserver stop with ImproperlyConfigured, `check --deploy` fails (core/checks.py).
# Tools that serve nothing (pytest, makemessages, makemigrations) still run without a key.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-set-DJANGO_SECRET_KEY-in-production"  # noqa: S105
SECRET_KEY = env_str("DJANGO_SECRET_KEY") or DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "samensterk.accounts",
    "samensterk.core",
    "samensterk.toolkit",
    "samensterk.calculator",
    "samensterk.programme",
    "samensterk.companion",
    "samensterk.monitoring",
    "samensterk.portal",  # composes the apps above: the home page and the demo data
]

# Reverse proxies whose X-Forwarded-For we believe (addresses or networks, comma-separated, e.g.
# "127.0.0.1,10.0.0.0/24"). Empty: the connecting address is the client, as without a proxy.
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", "")

MIDDLEWARE = [
    # First, so rate limits and login lockouts count the client, not the proxy (core/proxy.py).
    "samensterk.core.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # HEAD runs the GET view without the body; OPTIONS gets the view's Allow header (core/methods.py).
    "samensterk.core.methods.HeadAndOptionsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Each user's roles are read once per request, however many access checks ask (access.py).
    "samensterk.accounts.roles.RolesPerRequestMiddleware",
    # Script requests (htmx, fetch, JSON) get 401 where a page would be sent to log in (accounts/unauthorized.py).
    "samensterk.accounts.unauthorized.UnauthorizedForScriptsMiddleware",
    # request.user.is_verified(); then coordinators and staff must pass the second factor (accounts/twofactor.py).
    "django_otp.middleware.OTPMiddleware",
    "samensterk.accounts.twofactor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Turns a blocked django-ratelimit request into our 429 page (RATELIMIT_VIEW), not a 403.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Turns a locked-out login into our 429 page; django-axes wants to be last.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samensterk.urls"
WSGI_APPLICATION = "samensterk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samensterk" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samensterk.core.context_processors.languages",
                "samensterk.core.context_processors.offline",
                "samensterk.portal.context_processors.navigation",
            ],
        },
    },
]

# DATABASE_URL, e.g. postgres://user:pass@127.0.0.1:5432/samensterk; SQLite when unset.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0),
        # A kept connection is checked before a request uses it, so a restarted database costs
        # one reconnect instead of an error page.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a small server's database: write-ahead logging lets pages read while a report or a
    # rate-limit count is written, and synchronous=NORMAL syncs at checkpoints instead of every
    # commit (safe against corruption; a power cut may lose the last commits). IMMEDIATE takes
    # the write lock at the start of a transaction, so two workers wait their turn instead of
    # failing with "database is locked". (Django 5.1+ SQLite options.)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

# A custom user model from the first migration: organisations, roles and 2FA hang off it later.
AUTH_USER_MODEL = "accounts.User"
# Argon2id first, as Django's documentation recommends: memory-hard (costly to guess on GPUs), with
# OWASP's parameters (accounts/hashers.py) so that a burst of logins does not hold both cores for
# seconds. Older PBKDF2 hashes still work and are rehashed to Argon2 at the next login.
PASSWORD_HASHERS = [
    "samensterk.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "samensterk.accounts.validators.GuessablePasswordValidator"},
]
# django-axes first: it refuses a locked-out account or client before the password is checked.
AUTHENTICATION_BACKENDS = [
    "samensterk.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Password guessing (django-axes, on every login form, /admin/login/ included): 10 failures lock
# the combination of account and client for 15 minutes, so nobody can lock a coordinator out by
# typing wrong passwords for her name elsewhere; and LOGIN_CLIENT_FAILURE_LIMIT failures from one
# client, over all accounts, lock that client (accounts/backends.py). Attempts live in the
# database, which every worker shares; the address is the one core/proxy.py derived.
AXES_FAILURE_LIMIT = env_int("DJANGO_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = dt.timedelta(minutes=env_int("DJANGO_LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_CLIENT_FAILURE_LIMIT = env_int("DJANGO_LOGIN_CLIENT_FAILURE_LIMIT", 30)
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "samensterk.core.proxy.request_client_address"
AXES_LOCKOUT_CALLABLE = "samensterk.accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # keep failures only: no record of who logged in when
AXES_VERBOSE = False  # axes would log usernames and addresses; accounts/signals.py logs without them
# The second factor (django-otp TOTP) for coordinators and alliance staff.
OTP_TOTP_ISSUER = "Samen Sterk met Werk"


# E-mail: alerts to a trajectory's trainer and coordinator (programme/alerts.py). SMTP configured
# by DJANGO_EMAIL_URL (smtp://user:password@host:587?tls=1, smtps://... for implicit TLS) or by
# DJANGO_EMAIL_HOST, _PORT, _USER, _PASSWORD, _USE_TLS; under DEBUG (`make run`) the console.
def email_settings(url: str) -> dict:
    """The EMAIL_* settings from DJANGO_EMAIL_URL, or from the separate variables without it."""
    from urllib.parse import parse_qs, unquote, urlsplit

    if not url:
        return {
            "EMAIL_HOST": env_str("DJANGO_EMAIL_HOST", "localhost"),
            "EMAIL_PORT": env_int("DJANGO_EMAIL_PORT", 25),
            "EMAIL_HOST_USER": env_str("DJANGO_EMAIL_USER"),
            "EMAIL_HOST_PASSWORD": env_str("DJANGO_EMAIL_PASSWORD"),
            "EMAIL_USE_TLS": env_bool("DJANGO_EMAIL_USE_TLS", False),
            "EMAIL_USE_SSL": False,
        }
    parts = urlsplit(url)
    query = {key: values[-1].lower() for key, values in parse_qs(parts.query).items()}
    ssl = parts.scheme == "smtps" or query.get("ssl") in {"1", "true"}
    return {
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if ssl else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": not ssl and query.get("tls") in {"1", "true"},
        "EMAIL_USE_SSL": ssl,
    }


_email = email_settings(env_str("DJANGO_EMAIL_URL"))
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_BACKEND = (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_TIMEOUT = 10  # a slow mail server must not hold a facilitator's submit for long
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Samen Sterk met Werk <noreply@localhost>")
# The address in links of e-mails (no request to take the host from when the mail is sent).
SITE_URL = env_str("DJANGO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "programme:home"  # "my work"; funders are sent on to monitoring
LOGOUT_REDIRECT_URL = "home"

# Dutch first: the alliance works in Dutch; the families' languages follow. Arabic is right to left.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("tr", _("Turkish")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Amsterdam"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production runs collectstatic and sets DJANGO_MANIFEST_STATIC=1 for hashed, compressed files.
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("DJANGO_MANIFEST_STATIC", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not env_bool("DJANGO_MANIFEST_STATIC", False)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Where the toolkit content lives (YAML, loaded by `manage.py load_toolkit`).
CONTENT_DIR = BASE_DIR / "content"

# Content-Security-Policy: everything from our own host, no inline script, no other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Production hardening behind TLS. Off by default so the test live server can speak plain HTTP.
if env_bool("DJANGO_SECURE", False):
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Rate limits (django-ratelimit) count in the default cache, which every worker must share:
# otherwise each gunicorn worker keeps its own count and every limit multiplies. The database
# cache needs no extra server (its table is made by `migrate`, see core/apps.py);
# REDIS_URL (redis://host:6379/0) switches to Redis for busier or several app servers.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "samensterk_cache",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
RATELIMIT_VIEW = "samensterk.core.views.ratelimited"
# A failed CSRF check (an expired form, cookies off) explains itself in the site's layout and language.
CSRF_FAILURE_VIEW = "samensterk.core.errors.csrf_failure"

# One JSON object a line, without personal data (core/logging.py); plain text with tracebacks
# under DEBUG (or DJANGO_LOG_FORMAT=text). Security events (failed logins, lockouts) come from
# "samensterk.security" at INFO and WARNING.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "samensterk.core.logging.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env_str("DJANGO_LOG_FORMAT", "text" if DEBUG else "json"),
        },
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {"samensterk.security": {"level": env_str("DJANGO_SECURITY_LOG_LEVEL", "INFO")}},
}
