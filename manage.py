#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samensterk.settings")
    from django.core.management import execute_from_command_line

    if sys.argv[1:2] == ["runserver"]:
        # The development server refuses the published key too, unless DEBUG is on.
        import django

        django.setup()
        from samensterk.core.checks import refuse_to_serve_insecurely

        refuse_to_serve_insecurely()
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
