from kinerja.core.testing import make_facility
from kinerja.portal import demo
from kinerja.portal.models import Announcement, Article, Programme, ScreenSettings


def _snapshot():
    rows = []
    for model in (Article, Programme, Announcement, ScreenSettings):
        rows += [tuple(sorted(r.items())) for r in model.objects.values()]
    return sorted(rows, key=repr)


def test_demo_is_deterministic_and_idempotent(world):
    make_facility(puskesmas=world.a1, name="Posyandu Anggrek")
    messages = []
    demo.load(district=world.district_a, log=messages.append)
    first = _snapshot()
    assert Article.objects.published().count() == len(demo.ARTICLES)
    assert Article.objects.filter(status="draft").count() == 1
    assert Programme.objects.filter(puskesmas=world.a1, kind="posyandu").get().place == "Posyandu Anggrek"
    assert Programme.objects.filter(puskesmas=world.a2).count() == 4
    assert not Programme.objects.filter(puskesmas=world.b1).exists()
    assert ScreenSettings.objects.count() == 2
    assert "artikel" in messages[0]

    demo.load(district=world.district_a, log=messages.append)
    assert _snapshot() == first
    assert "0 artikel baru" in messages[1]
