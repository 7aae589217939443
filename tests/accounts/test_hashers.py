"""Password hashing: Argon2id with OWASP's parameters first; older hashes still log in and are rehashed."""

from django.conf import settings
from django.contrib.auth.hashers import (
    Argon2PasswordHasher,
    PBKDF2PasswordHasher,
    check_password,
    identify_hasher,
)

from samensterk.accounts.hashers import OwaspArgon2PasswordHasher


def test_the_production_hasher_is_argon2id_with_owasp_parameters():
    # Read from the settings module itself: the test settings swap in a fast hasher.
    import samensterk.settings as production

    assert production.PASSWORD_HASHERS[0] == "samensterk.accounts.hashers.OwaspArgon2PasswordHasher"
    encoded = OwaspArgon2PasswordHasher().encode("een-lang-wachtwoord", "abcdefghijklmnop")
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert settings.PASSWORD_HASHERS  # the settings load


def test_older_hashes_still_verify_and_are_rehashed(settings):
    import samensterk.settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS  # undo the tests' fast hasher here
    hasher = OwaspArgon2PasswordHasher()
    django_argon2 = Argon2PasswordHasher().encode("een-lang-wachtwoord", "abcdefghijklmnop")
    pbkdf2 = PBKDF2PasswordHasher().encode("een-lang-wachtwoord", "abcdefghijklmnop")
    assert hasher.verify("een-lang-wachtwoord", django_argon2)
    assert hasher.must_update(django_argon2)  # Django's 100 MiB, 8 lanes -> ours at the next login
    assert not hasher.must_update(hasher.encode("x" * 12, hasher.salt()))
    assert identify_hasher(pbkdf2).algorithm == "pbkdf2_sha256"
    rehashed = []
    assert check_password("een-lang-wachtwoord", pbkdf2, setter=rehashed.append)
    assert check_password("een-lang-wachtwoord", django_argon2, setter=rehashed.append)
    assert len(rehashed) == 2  # both were rehashed: the setter got the new password each time
