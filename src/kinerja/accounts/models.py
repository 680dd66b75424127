from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinerja.facilities.models import Puskesmas
from kinerja.regions.models import Region


class User(AbstractUser):
    """A person who works in the system. Role and scope decide what they may see and change."""

    class Role(models.TextChoices):
        DISTRICT_ADMIN = "district_admin", _("Administrator Dinas Kesehatan")
        PROGRAM_MANAGER = "program_manager", _("Pengelola program Dinas Kesehatan")
        SUPERVISOR = "supervisor", _("Supervisor Dinas Kesehatan")
        PUSKESMAS_HEAD = "puskesmas_head", _("Kepala Puskesmas")
        PUSKESMAS_OPERATOR = "puskesmas_operator", _("Operator Puskesmas")

    DISTRICT_ROLES = (Role.DISTRICT_ADMIN, Role.PROGRAM_MANAGER, Role.SUPERVISOR)
    PUSKESMAS_ROLES = (Role.PUSKESMAS_HEAD, Role.PUSKESMAS_OPERATOR)

    role = models.CharField(_("peran"), max_length=24, choices=Role.choices, blank=True)
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Untuk peran Dinas Kesehatan: kabupaten/kota (atau provinsi) yang menjadi wewenangnya."),
    )
    puskesmas = models.ForeignKey(
        Puskesmas,
        verbose_name=_("Puskesmas"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("Untuk peran Puskesmas: Puskesmas tempat bertugas."),
    )
    program = models.CharField(
        _("program"),
        max_length=40,
        blank=True,
        help_text=_("Untuk pengelola program: kode program yang dikelola."),
    )
    phone = models.CharField(_("telepon"), max_length=30, blank=True)

    objects = UserManager()

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        ordering = ["username"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role__in=["puskesmas_head", "puskesmas_operator"])
                | models.Q(puskesmas__isnull=False),
                name="puskesmas_role_has_puskesmas",
            ),
            models.CheckConstraint(
                condition=~models.Q(role__in=["district_admin", "program_manager", "supervisor"])
                | models.Q(region__isnull=False),
                name="district_role_has_region",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_district_staff(self) -> bool:
        return self.role in self.DISTRICT_ROLES

    @property
    def is_puskesmas_staff(self) -> bool:
        return self.role in self.PUSKESMAS_ROLES
