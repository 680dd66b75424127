import pytest

from kinerja.portal.markup import plain_text, render_markdown


@pytest.mark.parametrize(
    "markdown, must_contain, must_not_contain",
    [
        ("Halo <script>alert(1)</script> warga", "Halo", "<script"),
        ("Halo <script>alert(1)</script> warga", "warga", "alert(1)"),
        ('<img src="/media/x.png" onerror="alert(1)">', 'src="/media/x.png"', "onerror"),
        ("![foto](https://contoh.test/foto.jpg)", "<img", "contoh.test"),
        ("![foto](/media/portal/a.jpg)", 'src="/media/portal/a.jpg"', "http"),
        ("[klik](javascript:alert(1))", "klik", "javascript:"),
        ("[Kemenkes](https://kemkes.go.id)", 'rel="noopener noreferrer nofollow"', "target"),
        ("# Judul besar", "<h2>Judul besar</h2>", "<h1>"),
        ('<div style="position:fixed">x</div>', "x", "style"),
        ("<iframe src='https://x.test'></iframe>", "", "iframe"),
        ("* satu\n* dua", "<li>satu</li>", "<script"),
    ],
)
def test_render_markdown_keeps_only_safe_html(markdown, must_contain, must_not_contain):
    html = render_markdown(markdown, media_url="/media/")
    assert must_contain in html
    assert must_not_contain not in html


@pytest.mark.parametrize(
    "text, limit, expected",
    [
        ("**Tebal** dan _miring_", 100, "Tebal dan miring"),
        ("satu dua tiga empat", 9, "satu dua…"),
        ("A & B <script>x</script>", 100, "A & B"),
    ],
)
def test_plain_text(text, limit, expected):
    assert plain_text(text, limit=limit) == expected
