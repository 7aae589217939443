"""Test-only middleware: the live server answers one request at a time.

Browser tests run against an in-memory SQLite database whose one shared cache all of the live
server's threads use. Two requests that write at the same moment (a report sent by the page and
by its service worker, a page kept for offline use writing its audit row while a form is posted)
then fail with "database table is locked" instead of waiting, as they would on PostgreSQL or on
a SQLite file. Production does not run this; the threads still accept connections in parallel
(static files bypass it), only the views take turns, and so does the flush after a test.
"""

import threading
from contextlib import contextmanager

_ONE_AT_A_TIME = threading.Lock()
# A request that never ends (its client went) must not stop the test run: after this long the
# waiting side goes ahead anyway.
LONGEST_WAIT_SECONDS = 10


@contextmanager
def turn():
    """The test's own turn on the database (the flush after a live-server test, tests/conftest.py)."""
    got = _ONE_AT_A_TIME.acquire(timeout=LONGEST_WAIT_SECONDS)
    try:
        yield
    finally:
        if got:
            _ONE_AT_A_TIME.release()


def one_request_at_a_time(get_response):
    def middleware(request):
        # The test client answers in the test's own thread, which may hold the lock's turn already.
        if threading.current_thread() is threading.main_thread():
            return get_response(request)
        with _ONE_AT_A_TIME:
            return get_response(request)

    return middleware
