"""URL keyword samples for the access matrix: given the test world and a Puskesmas, a value that
points at an object belonging to that Puskesmas (or its district). Each app lists its own kwargs in
`<app>/tests/samples.py`; the matrix finds them all."""

URL_SAMPLES = {
    "slug": lambda world, puskesmas: puskesmas.slug,
    "user_id": lambda world, puskesmas: puskesmas.users.filter(role="puskesmas_operator").first().pk,
}
