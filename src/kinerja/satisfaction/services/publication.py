"""Publishing a period's IKM: a snapshot with the version that produced it and the head's follow-up plan."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinerja.core.errors import ApplicationError
from kinerja.core.services import audit_log
from kinerja.facilities.models import Puskesmas
from kinerja.satisfaction.formulas import Period, round_half_up
from kinerja.satisfaction.models import IkmPublication


def _elements_json(summary) -> list[dict]:
    return [
        {
            "number": s.number,
            "name": s.name,
            "total": s.total,
            "answered": s.answered,
            "nrr": None if s.nrr is None else str(round_half_up(s.nrr, 4)),
            "weight": str(round_half_up(s.weight, 6)),
        }
        for s in summary.result.elements
    ]


@transaction.atomic
def ikm_publish(*, actor, puskesmas: Puskesmas, period: Period, follow_up_plan: str) -> IkmPublication:
    """Publish (or republish) the Puskesmas' IKM for a period; the previous snapshot is kept in the audit log."""
    from kinerja.satisfaction.selectors import ikm_puskesmas

    summary, _units = ikm_puskesmas(puskesmas=puskesmas, period=period)
    result = summary.result
    if not result.complete or result.band is None:
        raise ApplicationError(
            _("IKM belum bisa diterbitkan: ada unsur yang belum dijawab siapa pun pada %(period)s.")
            % {"period": period.label}
        )
    if period.end > timezone.localdate() and period.start > timezone.localdate():
        raise ApplicationError(_("Periode ini belum dimulai."))
    fields = {
        "version": summary.version,
        "period_start": period.start,
        "period_end": period.end,
        "respondents": result.respondents,
        "population": summary.population,
        "minimum_sample": summary.minimum_sample,
        "elements": _elements_json(summary),
        "ikm": round_half_up(result.ikm, 4),
        "converted": result.converted,
        "grade": result.band.grade,
        "label": result.band.label,
        "follow_up_plan": follow_up_plan.strip(),
        "published_by": actor,
        "published_at": timezone.now(),
    }
    existing = IkmPublication.objects.filter(
        puskesmas=puskesmas, unit__isnull=True, period_key=period.key
    ).first()
    old = (
        {}
        if existing is None
        else {"converted": str(existing.converted), "respondents": existing.respondents}
    )
    publication, _created = IkmPublication.objects.update_or_create(
        puskesmas=puskesmas, unit=None, period_key=period.key, defaults=fields
    )
    audit_log(
        actor=actor,
        action="skm.ikm.published",
        obj=publication,
        changes={
            "converted": [old.get("converted"), str(publication.converted)],
            "respondents": [old.get("respondents"), publication.respondents],
        },
    )
    return publication
