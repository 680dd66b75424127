import pytest

from kinerja.core.testing import make_world


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture(autouse=True)
def _fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_configure(config):
    from django.conf import settings

    # Tests create many users: a fast hasher keeps the suite quick (production keeps PBKDF2).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def browser():
    """A headless Chromium for browser tests, closed with all its pages afterwards."""
    import time

    from kinerja.core.testing import launch_chromium, playwright_session

    with playwright_session() as p:
        chromium = launch_chromium(p)
        yield chromium
        for context in chromium.contexts:
            context.close()
        chromium.close()
        time.sleep(0.5)  # let the live server's request threads finish and close their connections
