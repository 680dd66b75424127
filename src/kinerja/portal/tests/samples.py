"""URL samples for the access matrix: content belonging to the given Puskesmas."""

from kinerja.portal.tests.helpers import make_announcement, make_article, make_programme

URL_SAMPLES = {
    "district_code": lambda world, puskesmas: puskesmas.district.code,
    "article_id": lambda world, puskesmas: make_article(puskesmas=puskesmas).pk,
    "programme_id": lambda world, puskesmas: make_programme(puskesmas=puskesmas).pk,
    "announcement_id": lambda world, puskesmas: make_announcement(puskesmas=puskesmas).pk,
}
