"""Password hashing: Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).

Django's own Argon2 settings (100 MiB, 2 passes, 8 lanes) run eight threads per login: on a 2-core
server a morning's burst of logins then holds every core for seconds and every page queues behind
it (benchmarks/production_load.py). One lane of 19 MiB is OWASP's Password Storage Cheat Sheet
configuration for Argon2id and still memory-hard; the login rate limit (django-axes) does the rest.
Changing these numbers rehashes each password at its next login (Django compares the parameters).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    # The algorithm name stays Django's "argon2": hashes made with its parameters still verify.
    memory_cost = 19 * 1024  # KiB
    time_cost = 2
    parallelism = 1
