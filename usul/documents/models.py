"""The MA's documentation register: the twelve documents (DOC-1…DOC-12) and their keeping.

Every MA keeps twelve documents (DOC-1…DOC-12). The **register** lists each document with its
year and where it is kept: at the school for three years, then resolutions, plans and analyses
go to the archive for ten (ORG-6). Nothing is destroyed without a disposal act signed by the
director; a disposed entry stays in the register, marked ``disposed``.

The names below are stable; the archive, retention and disposal acts build on them:

- ``DocumentEntry`` — one document of one MA and school year in the register (its ``type``,
  ``title``, ``date``, ``location``). An entry made from a director's order recorded in Usul
  (DOC-1, DOC-2) names that ``order``.
- ``DocumentVersion`` — every file the entry has had, never deleted: ``generated`` by Usul from
  the records, ``uploaded`` (a file made elsewhere) or a ``signed_scan`` of the signed paper;
  who made it and when. The latest is the entry's current version.
- ``DocumentTemplate`` — a school's own template of one document type and format, versioned:
  the latest upload is in force, earlier ones stay. Without one the default template of
  ``usul/documents/default_templates`` is used.

What the register shows for an MA and year — and what the compliance rule ``DOCS`` counts — is
computed in one place, ``usul.documents.register``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from usul.lib.models import TimeStamped, key_field


class DocumentType(models.TextChoices):
    DOC_1 = "DOC-1", _("Order on opening the MA")
    DOC_2 = "DOC-2", _("Order on electing the MA head")
    DOC_3 = "DOC-3", _("Regulation on the MA")
    DOC_4 = "DOC-4", _("Functional duties of the MA's teachers")
    DOC_5 = "DOC-5", _("Analysis of the MA's work in the previous year")
    DOC_6 = "DOC-6", _("Methodological theme, goal, directions and tasks for the year")
    DOC_7 = "DOC-7", _("Work plan and the schedule of open lessons")
    DOC_8 = "DOC-8", _("Plan grid for each month")
    DOC_9 = "DOC-9", _("Data bank on the MA's teachers")
    DOC_10 = "DOC-10", _("Teachers' self-development topics and creative reports")
    DOC_11 = "DOC-11", _("Calendar-thematic planning")
    DOC_12 = "DOC-12", _("Resolutions of the MA's meetings")
    OTHER = "other", _("Other document")


REQUIRED_DOCUMENTS = [t for t in DocumentType if t != DocumentType.OTHER]
STANDING_DOCUMENTS = frozenset({"DOC-1", "DOC-2", "DOC-3", "DOC-4"})
ARCHIVAL_DOCUMENTS = frozenset({"DOC-5", "DOC-7", "DOC-8", "DOC-12"})


class DocumentLocation(models.TextChoices):
    SCHOOL = "school", _("at school")
    ARCHIVE = "archive", _("in the archive")
    DISPOSED = "disposed", _("disposed")


class DocumentEntry(TimeStamped):
    school = models.ForeignKey("schools.School", on_delete=models.CASCADE, related_name="+")
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("MA"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    key = key_field()
    year = models.ForeignKey(
        "schools.SchoolYear",
        verbose_name=_("school year"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    type = models.CharField(_("document"), max_length=10, choices=DocumentType.choices)
    title = models.TextField(_("title"), blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    location = models.CharField(
        _("kept"),
        max_length=10,
        choices=DocumentLocation.choices,
        default=DocumentLocation.SCHOOL,
    )
    # DOC-1, DOC-2: the director's order recorded in Usul that this entry is (nothing typed
    # twice: the order's number and date are the document's).
    order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("order"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # ORG-6: the signed disposal act that disposed of the entry (its location is then
    # ``disposed``); the row stays in the register, only its files are gone.
    disposal_act = models.ForeignKey(
        "DisposalAct",
        verbose_name=_("disposal act"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disposed_entries",
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["association", "year", "type", "key"]
        verbose_name = _("register entry")
        verbose_name_plural = _("documentation register")
        constraints = [
            models.UniqueConstraint(fields=["school", "key"], name="document_key_per_school"),
        ]

    def __str__(self) -> str:
        return self.title or self.get_type_display()


class VersionKind(models.TextChoices):
    GENERATED = "generated", _("generated")
    UPLOADED = "uploaded", _("uploaded")
    SIGNED_SCAN = "signed_scan", _("signed scan")


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", "DOCX"
    JPEG = "jpeg", "JPEG"
    PNG = "png", "PNG"


class DocumentLanguage(models.TextChoices):
    KY = "ky", _("Kyrgyz")
    RU = "ru", _("Russian")


def document_storage():
    """Files of the register live under USUL_HOME, outside any folder the web server serves;
    they leave only through the register's download, which asks the policy."""
    from django.conf import settings
    from django.core.files.storage import FileSystemStorage

    return FileSystemStorage(location=settings.USUL_HOME / "documents")


def _version_path(version: DocumentVersion, filename: str) -> str:
    # Database ids only: a school's keys and a user's file name never become a path.
    entry = version.entry
    return f"{entry.school_id}/{entry.pk}/v{version.number}.{version.format}"


class DocumentVersion(TimeStamped):
    """One file of a register entry; versions are only ever added (who made it, when)."""

    entry = models.ForeignKey(
        DocumentEntry,
        verbose_name=_("register entry"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=20, choices=VersionKind.choices)
    language = models.CharField(
        _("language"), max_length=2, choices=DocumentLanguage.choices, blank=True
    )
    format = models.CharField(_("format"), max_length=10, choices=DocumentFormat.choices)
    # Empty only once a signed disposal act disposed of the entry (ORG-6): the version's row,
    # its checksum and who made it stay.
    file = models.FileField(
        _("file"), storage=document_storage, upload_to=_version_path, blank=True
    )
    size = models.PositiveIntegerField(_("size"), default=0)
    sha256 = models.CharField(_("checksum"), max_length=64, blank=True)
    # The as-of date the data was read at (DOC-9's experience), for generated versions.
    as_of = models.DateField(_("as of"), null=True, blank=True)
    # The school's template it was made with; empty: the default template.
    template = models.ForeignKey(
        "DocumentTemplate",
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    made_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    school_field = "entry__school"

    class Meta:
        ordering = ["entry", "number"]
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="document_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.entry} v{self.number}"

    @property
    def download_name(self) -> str:
        entry = self.entry
        language = f"-{self.language}" if self.language else ""
        return (
            f"{entry.type}-{entry.association.key}-{entry.year.key}-v{self.number}{language}"
            f".{self.format}"
        )


class TemplateFormat(models.TextChoices):
    DOCX = "docx", "DOCX"
    HTML = "html", _("HTML for PDF")


def _template_path(template: DocumentTemplate, filename: str) -> str:
    extension = "docx" if template.format == TemplateFormat.DOCX else "html"
    return f"templates/{template.school_id}/{template.type}-v{template.number}.{extension}"


class DocumentTemplate(TimeStamped):
    """A school's own template of one document type and format; the latest number is in force
    and every earlier one stays, so each generated version names the template it came from."""

    school = models.ForeignKey(
        "schools.School", verbose_name=_("school"), on_delete=models.CASCADE, related_name="+"
    )
    type = models.CharField(_("document"), max_length=10, choices=DocumentType.choices)
    format = models.CharField(_("format"), max_length=10, choices=TemplateFormat.choices)
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), storage=document_storage, upload_to=_template_path)
    uploaded_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "type", "format", "number"]
        verbose_name = _("document template")
        verbose_name_plural = _("document templates")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "type", "format", "number"], name="document_template_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.type} {self.format} v{self.number}"


class DisposalAct(TimeStamped):
    """ORG-6: the act listing register entries whose keeping time is over, proposed by a deputy
    director and signed by the director. Only the signature disposes of anything: the listed
    entries stay in the register (location ``disposed``, naming this act) and lose their files.
    An act is kept forever: it is never deleted."""

    school = models.ForeignKey(
        "schools.School", verbose_name=_("school"), on_delete=models.PROTECT, related_name="+"
    )
    key = key_field()
    number = models.PositiveIntegerField(_("act number"))
    date = models.DateField(_("date of the act"))
    note = models.TextField(_("note"), blank=True)
    proposed_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_by = models.ForeignKey(
        "people.Staff",
        verbose_name=_("signed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    history = HistoricalRecords()

    school_field = "school"

    class Meta:
        ordering = ["school", "number"]
        verbose_name = _("disposal act")
        verbose_name_plural = _("disposal acts")
        constraints = [
            models.UniqueConstraint(fields=["school", "number"], name="disposal_act_number"),
            models.UniqueConstraint(fields=["school", "key"], name="disposal_act_key"),
        ]

    def __str__(self) -> str:
        return f"{self.number}/{self.date.year}"

    @property
    def reference(self) -> str:
        """The act's reference as the register and the document print it: "3/2026"."""
        return f"{self.number}/{self.date.year}"

    @property
    def signed(self) -> bool:
        return self.signed_by_id is not None

    def delete(self, *args, **kwargs):
        raise models.ProtectedError("A disposal act is kept forever (ORG-6).", {self})


class DisposalItem(TimeStamped):
    """One entry listed in a disposal act, with what the act says of it (kept as it was)."""

    act = models.ForeignKey(
        DisposalAct, verbose_name=_("disposal act"), on_delete=models.PROTECT, related_name="items"
    )
    entry = models.ForeignKey(
        DocumentEntry,
        verbose_name=_("register entry"),
        on_delete=models.PROTECT,
        related_name="disposal_items",
    )
    kept_until = models.DateField(_("kept until"))
    history = HistoricalRecords()

    school_field = "act__school"

    class Meta:
        ordering = ["act", "pk"]
        verbose_name = _("document of a disposal act")
        verbose_name_plural = _("documents of disposal acts")
        constraints = [
            models.UniqueConstraint(fields=["act", "entry"], name="disposal_item_once"),
        ]

    def __str__(self) -> str:
        return f"{self.act} · {self.entry}"

    def delete(self, *args, **kwargs):
        raise models.ProtectedError("A disposal act is kept forever (ORG-6).", {self})
