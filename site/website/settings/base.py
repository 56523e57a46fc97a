"""Settings shared by every environment; each value that varies comes from the environment."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_float, env_int, env_list, env_str

SITE_DIR = Path(__file__).resolve().parents[2]  # site/
BASE_DIR = SITE_DIR.parent  # the repository root

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # The shell, lowest layer first.
    "website.core",
    "website.emails",
    "website.staff",
    "website.navigation",
    "website.standard_pages",
    "website.home",
    "website.search",
    "website.contact",
    "website.demo",
    # Domain apps.
    "consultations",
    "volunteering",
    "directory",
    # Wagtail and its add-ons.
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Staff security, background jobs, headers.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "two_factor",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "website.staff.middleware.StaffSessionTimeoutMiddleware",
    "website.staff.middleware.StaffTwoFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "website.core.middleware.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes asks
]

ROOT_URLCONF = "website.urls"
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the checkout unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every process), else per-process memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "engagement"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 15},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in: django-axes counts failures before the password check; two-factor sign-in
# (TOTP with backup codes) is required for every admin account unless a development setting
# turns it off. See website/staff/.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = WAGTAILADMIN_LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"
STAFF_TWO_FACTOR_REQUIRED = True
TWO_FACTOR_PATCH_ADMIN = False
OTP_TOTP_ISSUER = "Plymouth Community Engagement Hub"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
# Lock the username from that address: a wrong guess elsewhere cannot lock a colleague out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "staff/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "website.core.client_ip.client_ip_for_axes"
AXES_VERBOSE = False
# Failed attempts are kept only until their cool-off ends; successful sign-ins are not logged.
AXES_DISABLE_ACCESS_LOG = True
# Sessions end after 30 minutes without a request or 12 hours after sign-in, whichever is first.
STAFF_SESSION_IDLE_SECONDS = env_int("STAFF_SESSION_IDLE_SECONDS", 30 * 60)
STAFF_SESSION_MAX_SECONDS = env_int("STAFF_SESSION_MAX_SECONDS", 12 * 60 * 60)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_SECONDS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# The client address: REMOTE_ADDR, unless the site sits behind this many trusted proxies that
# each append to X-Forwarded-For (never trust the header blindly: anyone can send one).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Public forms (website/core/public_forms): posts sooner than this after the form was shown, or
# with a token older than the maximum, are kept but held for review. Per address and form, posts
# over HOLD_AFTER in the window are held and over BLOCK_AFTER refused with a 429 page.
PUBLIC_FORM_MIN_SECONDS = env_float("PUBLIC_FORM_MIN_SECONDS", 3.0)
PUBLIC_FORM_MAX_AGE_SECONDS = env_int("PUBLIC_FORM_MAX_AGE_SECONDS", 2 * 24 * 60 * 60)
PUBLIC_FORM_RATE_WINDOW_SECONDS = env_int("PUBLIC_FORM_RATE_WINDOW_SECONDS", 10 * 60)
PUBLIC_FORM_RATE_HOLD_AFTER = env_int("PUBLIC_FORM_RATE_HOLD_AFTER", 5)
PUBLIC_FORM_RATE_BLOCK_AFTER = env_int("PUBLIC_FORM_RATE_BLOCK_AFTER", 30)

# Security headers on every response; HTTPS-only ones are in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)
# Content Security Policy with nonces for the public site: no inline script or style. The
# Wagtail admin uses inline script and is excluded; it is behind two-factor sign-in.
EMBED_FRAME_SOURCES = env_list(
    "EMBED_FRAME_SOURCES",
    ["https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
)
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Background jobs: Wagtail's own tasks keep Wagtail's default (run straight after the commit);
# ours (email) go to the "database" backend, written in the same transaction as the change
# that caused them and run by `manage.py db_worker --backend database --queue-name "*"`.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]},
}

# Staff uploads: an allow-list of document types, no SVG images (they can carry script), sizes.
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods", "ppt", "pptx", "odp",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)

# Languages: English is the default and has no URL prefix; Polish and Arabic (right-to-left).
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("pl", "Polski"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [SITE_DIR / "website" / "locale"]
USE_I18N = True
WAGTAIL_I18N_ENABLED = True
# Translated copies stay drafts until an editor publishes them, so untranslated text is never live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Europe/London"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# The compiled front end (frontend/build.sh writes it here).
STATICFILES_DIRS = [SITE_DIR / "website" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: console output unless an SMTP host is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "engagement-hub@example.org")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Days after a consultation closes without published results before its officer is reminded.
CONSULTATION_RESULTS_REMINDER_DAYS = env_int("CONSULTATION_RESULTS_REMINDER_DAYS", 42)
# Where contact-form messages go when site settings have no contact email.
CONTACT_FORM_RECIPIENTS = env_list("CONTACT_FORM_RECIPIENTS", ["engagement@example.org"])

# Volunteering: the council's volunteering team (approves partner opportunities, and is told of
# sign-ups nobody has contacted), and the timings residents and coordinators rely on.
VOLUNTEERING_TEAM_EMAILS = env_list("VOLUNTEERING_TEAM_EMAILS", ["volunteering@example.org"])
# Hours a resident offered a place from the waiting list has to accept it.
VOLUNTEERING_OFFER_HOURS = env_int("VOLUNTEERING_OFFER_HOURS", 48)
# Days the private sign-up link works after the last session (or after signing up, if none).
VOLUNTEERING_LINK_DAYS = env_int("VOLUNTEERING_LINK_DAYS", 30)
# Hours before a session that its volunteers are reminded.
VOLUNTEERING_REMINDER_HOURS = env_int("VOLUNTEERING_REMINDER_HOURS", 24)
# Working days (England, Europe/London) a new sign-up may wait for contact before the
# coordinators are reminded, and before the volunteering team is told.
VOLUNTEERING_CONTACT_WORKING_DAYS = env_int("VOLUNTEERING_CONTACT_WORKING_DAYS", 5)
VOLUNTEERING_ESCALATE_WORKING_DAYS = env_int("VOLUNTEERING_ESCALATE_WORKING_DAYS", 10)

# Directory: the council's directory team, emailed each resident's asset suggestion or correction.
DIRECTORY_TEAM_EMAILS = env_list("DIRECTORY_TEAM_EMAILS", ["directory@example.org"])

# Directory maps: the tile server (a Leaflet URL template) and the credit its licence asks for,
# shown on the map (HTML, set by the operator, never by residents). Leaflet itself is
# self-hosted; the tile server's origin, worked out here once at start-up, is the only other
# place the map loads from, so it is added to the CSP's img-src.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)


def _tile_origin(url: str) -> str:
    """The CSP source for a tile URL template: its scheme and host ("{s}." becomes "*."), or ""
    for tiles served by this site (a path such as /tiles/{z}/{x}/{y}.png, already 'self')."""
    parts = urlsplit(url)
    if not parts.scheme and not parts.netloc and url.startswith("/"):
        return ""
    host = parts.netloc.rpartition("@")[2].lower()
    if host.startswith("{s}."):  # Leaflet's rotating subdomains: a CSP host wildcard
        host = "*." + host.removeprefix("{s}.")
    if parts.scheme not in {"http", "https"} or not host or "{" in host or "}" in host:
        raise ImproperlyConfigured(f"MAP_TILE_URL must be an http(s) URL template, not {url!r}")
    return f"{parts.scheme}://{host}"


if _tile_origin(MAP_TILE_URL):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += [_tile_origin(MAP_TILE_URL)]

# reCAPTCHA v3 as a risk score, only when both keys are set (the form toolkit wraps it).
RECAPTCHA_PUBLIC_KEY = env_str("RECAPTCHA_PUBLIC_KEY")
RECAPTCHA_PRIVATE_KEY = env_str("RECAPTCHA_PRIVATE_KEY")
RECAPTCHA_REQUIRED_SCORE = env_float("RECAPTCHA_REQUIRED_SCORE", 0.5)
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = env_int("RECAPTCHA_VERIFY_REQUEST_TIMEOUT", 5)
if RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY:
    _directives = CONTENT_SECURITY_POLICY["DIRECTIVES"]
    _directives["script-src"] += [
        "https://www.google.com/recaptcha/",
        "https://www.gstatic.com/recaptcha/",
    ]
    _directives["frame-src"] += ["https://www.google.com/recaptcha/"]
    _directives["connect-src"] += ["https://www.google.com/recaptcha/"]

# Wagtail.
WAGTAIL_SITE_NAME = _("Plymouth Community Engagement Hub")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]  # never "svg"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private_tokens": {"()": "website.core.log_filters.PrivateTokenFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["private_tokens"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page action and background task at INFO: too chatty for a console.
    "loggers": {
        name: {"level": env_str("LOG_LEVEL_LIBRARIES", "WARNING")}
        for name in ("wagtail", "django_tasks", "modelsearch", "axes")
    },
}
