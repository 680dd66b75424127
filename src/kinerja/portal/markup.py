"""Markdown to safe HTML, and plain text from Markdown: pure functions, no ORM, no settings."""

import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "strong", "em", "b", "i", "ul", "ol", "li",
    "blockquote", "code", "pre", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
}
HEADING = re.compile(r"<(/?)h1>")


def render_markdown(text: str, *, media_url: str) -> str:
    """Render Markdown and keep only safe HTML. Images must come from our own `media_url`, so a page
    never loads anything from another server (offline intranets, privacy of readers)."""
    html = markdown.markdown(text, extensions=["sane_lists", "tables"], output_format="html")
    html = HEADING.sub(r"<\1h2>", html)

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src" and not value.startswith(media_url):
            return None
        return value

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(text: str, *, limit: int = 400) -> str:
    """Markdown or HTML reduced to plain text (for the TV screen and summaries), cut at a word."""
    html = markdown.markdown(text)
    flat = nh3.clean(html, tags=set(), clean_content_tags={"script", "style"})
    flat = re.sub(r"\s+", " ", flat).strip()
    flat = flat.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"
