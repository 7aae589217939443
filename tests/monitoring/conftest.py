from tests.monitoring.fixtures import crafted  # noqa: F401 - a fixture shared with the browser test
