from typing import Any

from django.db import models

from kinerja.core.models import AuditEntry


def audit_log(
    *, actor: Any, action: str, obj: models.Model, changes: dict[str, Any] | None = None
) -> AuditEntry:
    """Record an attributable change. `changes` maps a field to [old, new] (or any JSON detail)."""
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        object_type=obj._meta.label_lower,
        object_id=str(obj.pk or ""),
        object_repr=str(obj)[:200],
        changes=changes or {},
    )


def model_changes(instance: models.Model, data: dict[str, Any]) -> dict[str, list[Any]]:
    """The fields of `data` whose value differs from `instance`'s, as {field: [old, new]} (JSON-safe)."""
    changed = {}
    for field, new in data.items():
        old = getattr(instance, field)
        if old != new:
            changed[field] = [_jsonable(old), _jsonable(new)]
    return changed


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, models.Model):
        return str(value)
    return str(value)
