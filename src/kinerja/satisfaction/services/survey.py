"""Survey versions, service units and recording one answered questionnaire (kiosk or phone)."""

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.facilities.models import Puskesmas
from kinerja.satisfaction.formulas import Band, equal_weights
from kinerja.satisfaction.models import Answer, Response, ServiceUnit, SurveyVersion

RATE_WINDOW_SECONDS = 600
RATE_LIMIT_PER_DEVICE = 30  # a kiosk answer takes about a minute: 30 in 10 minutes is a flood
RATE_LIMIT_PER_IP = 200  # several kiosks of one Puskesmas may share one address
DUPLICATE_SECONDS = 10

DEFAULT_UNITS = [
    ("pendaftaran", ServiceUnit.Kind.REGISTRATION, "Pendaftaran", 900),
    ("poli-umum", ServiceUnit.Kind.GENERAL, "Poli umum", 500),
    ("kia", ServiceUnit.Kind.MCH, "KIA/KB", 250),
    ("poli-gigi", ServiceUnit.Kind.DENTAL, "Poli gigi", 120),
    ("laboratorium", ServiceUnit.Kind.LABORATORY, "Laboratorium", 200),
    ("farmasi", ServiceUnit.Kind.PHARMACY, "Farmasi", 800),
]


class RateLimited(ApplicationError):
    pass


class DuplicateSubmission(ApplicationError):
    pass


def version_current(*, puskesmas: Puskesmas) -> SurveyVersion:
    """The questionnaire in force for a Puskesmas: its district's own active version, else the national one."""
    version = (
        SurveyVersion.objects.filter(
            Q(district=puskesmas.district_id) | Q(district__isnull=True), active=True
        )
        .order_by(F("district").asc(nulls_last=True), "-valid_from", "-id")
        .first()
    )
    if version is None and not SurveyVersion.objects.exists():
        versions_ensure_default()
        return version_current(puskesmas=puskesmas)
    if version is None:
        raise ApplicationError(
            _("Belum ada kuesioner SKM yang aktif. Minta admin Dinas mengaktifkan satu versi.")
        )
    return version


@transaction.atomic
def versions_ensure_default() -> None:
    """Seed the national questionnaires when none exist (normally done by migration 0002)."""
    from kinerja.satisfaction.instruments import seed
    from kinerja.satisfaction.models import GradeBand, SurveyElement

    seed(SurveyVersion, SurveyElement, GradeBand)


def version_weights(*, version: SurveyVersion) -> list[Fraction]:
    elements = list(version.elements.all())
    if version.weighting == SurveyVersion.Weighting.EQUAL:
        return equal_weights(len(elements))
    return [Fraction(e.weight or 0) for e in elements]


def version_bands(*, version: SurveyVersion) -> list[Band]:
    return [Band(b.minimum, b.grade, b.label) for b in version.bands.all()]


@transaction.atomic
def units_ensure_default(*, puskesmas: Puskesmas) -> list[ServiceUnit]:
    """Give a Puskesmas the usual service units when it has none yet (rawat inap when it has beds)."""
    if not puskesmas.survey_units.exists():
        defaults = list(DEFAULT_UNITS)
        if puskesmas.inpatient:
            defaults.append(("rawat-inap", ServiceUnit.Kind.INPATIENT, "Rawat inap", 60))
        ServiceUnit.objects.bulk_create(
            ServiceUnit(puskesmas=puskesmas, code=code, kind=kind, name=name, monthly_visits=visits)
            for code, kind, name, visits in defaults
        )
    return list(puskesmas.survey_units.filter(active=True))


@transaction.atomic
def unit_save(*, actor, puskesmas: Puskesmas, unit: ServiceUnit | None, data: dict) -> ServiceUnit:
    """Add or change a service unit (name, kind, monthly visits, active)."""
    creating = unit is None
    unit = unit or ServiceUnit(puskesmas=puskesmas)
    old = {k: getattr(unit, k) for k in data} if not creating else {}
    for key, value in data.items():
        setattr(unit, key, value)
    if creating and ServiceUnit.objects.filter(puskesmas=puskesmas, code=unit.code).exists():
        raise ApplicationError(_("Kode unit %(code)s sudah dipakai. Pilih kode lain.") % {"code": unit.code})
    unit.save()
    changes = {k: [str(old.get(k, "")), str(v)] for k, v in data.items() if creating or old.get(k) != v}
    audit_log(
        actor=actor, action="skm.unit.created" if creating else "skm.unit.changed", obj=unit, changes=changes
    )
    return unit


@dataclass
class Submission:
    """One filled questionnaire as it arrives from a form, the kiosk queue or a file row."""

    answers: dict[int, int]
    age_group: str = ""
    sex: str = ""
    education: str = ""
    occupation: str = ""
    comment: str = ""
    answered_on: date | None = None
    answered_at: datetime | None = None
    client_uuid: uuid.UUID | None = None
    errors: list[str] = field(default_factory=list)


PROFILE_FIELDS = {
    "age_group": Response.AgeGroup,
    "sex": Response.Sex,
    "education": Response.Education,
    "occupation": Response.Occupation,
}


def submission_check(*, submission: Submission, version: SurveyVersion, require_all: bool) -> list[str]:
    """What is wrong with a submission, in words a respondent or operator can act on (empty when fine)."""
    errors = []
    numbers = list(version.elements.values_list("number", flat=True))
    for number, value in submission.answers.items():
        if number not in numbers:
            errors.append(_("Unsur U%(n)s tidak ada di kuesioner ini.") % {"n": number})
        elif not 1 <= value <= version.scale_max:
            errors.append(
                _("U%(n)s: nilai %(v)s tidak sah. Isi 1 sampai %(max)s.")
                % {"n": number, "v": value, "max": version.scale_max}
            )
    missing = [n for n in numbers if n not in submission.answers]
    if require_all and missing:
        errors.append(
            _("Mohon jawab semua pertanyaan (belum: %(list)s).")
            % {"list": ", ".join(f"U{n}" for n in missing)}
        )
    if not submission.answers:
        errors.append(_("Tidak ada jawaban satu pun."))
    for name, choices in PROFILE_FIELDS.items():
        value = getattr(submission, name)
        if value and value not in choices.values:
            errors.append(_("Pilihan %(field)s tidak dikenal: %(value)s.") % {"field": name, "value": value})
    return errors


def _digest(submission: Submission) -> str:
    key = "|".join(f"{n}:{v}" for n, v in sorted(submission.answers.items()))
    key += f"|{submission.age_group}|{submission.sex}|{submission.education}|{submission.occupation}|{submission.comment}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def device_fingerprint(raw: str) -> str:
    """A short one-way fingerprint of a device cookie: enough to spot floods, useless to identify a person."""
    return hashlib.sha256(f"skm-device:{raw}".encode()).hexdigest()[:16]


def rate_limit(*, key: str, limit: int, window: int = RATE_WINDOW_SECONDS) -> None:
    """Count one action under `key` in the cache; refuse with RateLimited once over `limit` per window."""
    cache_key = f"skm:rate:{key}"
    cache.add(cache_key, 0, window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, window)
        count = 1
    if count > limit:
        raise RateLimited(_("Terlalu banyak permintaan dari perangkat ini. Coba lagi beberapa menit lagi."))


def flood_check(*, device: str, ip: str) -> None:
    """Count a submission against the per-device and per-address limits; refuse when over."""
    rate_limit(key=f"dev:{device}", limit=RATE_LIMIT_PER_DEVICE)
    rate_limit(key=f"ip:{ip}", limit=RATE_LIMIT_PER_IP)


def _answered_at(submission: Submission, now: datetime) -> datetime:
    """The device's own time of answering, trusted only within the last week and not in the future."""
    at = submission.answered_at
    if at is None or at > now + timedelta(minutes=5) or at < now - timedelta(days=7):
        return now
    return at


def response_submit(
    *, unit: ServiceUnit, submission: Submission, source: str, device: str = "", ip: str = ""
) -> tuple[Response, bool]:
    """Record one answered questionnaire from the kiosk or a phone. Returns (response, created).

    Resending the same client UUID returns the stored response (never counts twice); the same
    answers from the same device within seconds are refused as a double tap.
    """
    if submission.client_uuid:
        existing = Response.objects.filter(client_uuid=submission.client_uuid).first()
        if existing is not None:
            return existing, False
    version = version_current(puskesmas=unit.puskesmas)
    errors = submission_check(submission=submission, version=version, require_all=True)
    if errors:
        raise ApplicationError(" ".join(errors))
    flood_check(device=device or "-", ip=ip or "-")
    now = timezone.now()
    at = _answered_at(submission, now)
    digest = _digest(submission)
    if (
        device
        and Response.objects.filter(
            device=device,
            digest=digest,
            received_at__range=(
                at - timedelta(seconds=DUPLICATE_SECONDS),
                at + timedelta(seconds=DUPLICATE_SECONDS),
            ),
        ).exists()
    ):
        raise DuplicateSubmission(_("Jawaban yang sama baru saja terkirim dari perangkat ini."))
    try:
        with transaction.atomic():
            response = _store(unit, version, submission, source=source, at=at, device=device, digest=digest)
    except IntegrityError:
        existing = Response.objects.filter(client_uuid=submission.client_uuid).first()
        if existing is None:
            raise
        return existing, False
    return response, True


def _store(unit, version, submission, *, source, at, device="", digest="", user=None) -> Response:
    response = Response.objects.create(
        puskesmas_id=unit.puskesmas_id,
        unit=unit,
        version=version,
        answered_on=submission.answered_on or timezone.localdate(at),
        received_at=at,
        source=source,
        client_uuid=submission.client_uuid,
        device=device,
        digest=digest,
        age_group=submission.age_group,
        sex=submission.sex,
        education=submission.education,
        occupation=submission.occupation,
        comment=submission.comment[:1000],
        entered_by=user,
    )
    Answer.objects.bulk_create(
        Answer(response=response, number=n, value=v) for n, v in submission.answers.items()
    )
    return response
