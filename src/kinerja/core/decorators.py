from collections.abc import Callable


def public(view: Callable) -> Callable:
    """Mark a view as open to anyone, on purpose. The access-matrix test requires every view to be
    either `public` or wrapped in `accounts.access.role_required`."""
    view.access_public = True  # type: ignore[attr-defined]
    return view
