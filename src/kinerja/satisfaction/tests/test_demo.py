"""The demo loader: a year of answers, one weak element per Puskesmas, complaints in every status; idempotent."""

from datetime import timedelta

from django.utils import timezone

from kinerja.satisfaction import demo
from kinerja.satisfaction.formulas import period_containing, period_range
from kinerja.satisfaction.models import Answer, Complaint, IkmPublication, Response
from kinerja.satisfaction.selectors import ikm_latest, ikm_puskesmas


def test_demo_loads_a_year_and_is_idempotent(world):
    lines = []
    demo.load(district=world.district_a, log=lines.append)
    assert "SKM:" in lines[0]
    today = timezone.localdate()
    a1 = world.a1.survey_responses
    assert a1.count() > 300 and not world.b1.survey_responses.exists()
    first, last = (
        a1.order_by("answered_on").first().answered_on,
        a1.order_by("answered_on").last().answered_on,
    )
    assert (last - first).days > 330 and last <= today

    year = period_range(today - timedelta(days=364), today)
    for puskesmas in (world.a1, world.a2):
        whole, units = ikm_puskesmas(puskesmas=puskesmas, period=year)
        assert whole.result.band.grade in ("A", "B", "C")
        lowest = whole.result.lowest
        assert lowest[0].nrr < 3 and lowest[1].nrr - lowest[0].nrr > 0.2  # one clearly weak element
        assert sum(u.respondents for u in units) == whole.respondents
    statuses = set(Complaint.objects.filter(puskesmas=world.a1).values_list("status", flat=True))
    assert statuses == set(Complaint.Status.values)
    previous = period_containing(period_containing(today).start - timedelta(days=1))
    assert IkmPublication.objects.filter(puskesmas=world.a1, period_key=previous.key).exists()
    assert set(ikm_latest(puskesmas_ids=[world.a1.pk, world.a2.pk])) == {world.a1.pk, world.a2.pk}

    counts = (
        Response.objects.count(),
        Answer.objects.count(),
        Complaint.objects.count(),
        IkmPublication.objects.count(),
    )
    demo.load(district=world.district_a, log=lines.append)
    assert counts == (
        Response.objects.count(),
        Answer.objects.count(),
        Complaint.objects.count(),
        IkmPublication.objects.count(),
    )
