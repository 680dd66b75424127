"""The shared test helpers keep their promises."""

import pytest
from django.db import connection

from kinerja.core.testing import playwright_session


@pytest.mark.browser
@pytest.mark.django_db
def test_playwright_session_keeps_the_tests_database_connection():
    """Inside Playwright's sync API Django would otherwise open a second connection: outside the test's
    transaction, never closed, and on SQLite locked out while the live server writes."""
    connection.ensure_connection()
    outer = connection.connection
    with playwright_session():
        assert connection.connection is outer
        assert connection.in_atomic_block  # still inside the test's transaction
