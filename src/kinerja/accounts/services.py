from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from kinerja.accounts.models import User
from kinerja.core.services import audit_log


@transaction.atomic
def user_set_password(*, actor: User, user: User, password: str) -> User:
    """A district administrator sets a new password for a user in their scope (validated, audited)."""
    validate_password(password, user=user)
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_log(actor=actor, action="accounts.user.password_reset", obj=user)
    return user
