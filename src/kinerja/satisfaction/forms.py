from django import forms
from django.utils.translation import gettext_lazy as _

from kinerja.satisfaction.models import Complaint, Response, ServiceUnit, SurveyVersion


class UnitForm(forms.ModelForm):
    class Meta:
        model = ServiceUnit
        fields = ["name", "code", "kind", "monthly_visits", "active"]
        help_texts = {"code": _("Huruf kecil dan tanda minus, dipakai di tautan survei, misalnya poli-umum.")}


class ImportForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit layanan"), queryset=ServiceUnit.objects.none())
    answered_on = forms.DateField(
        label=_("Tanggal survei"),
        help_text=_("Dipakai untuk baris tanpa kolom tanggal."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    file = forms.FileField(label=_("Berkas CSV (UTF-8) atau Excel .xlsx"))

    def __init__(self, *args, puskesmas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = puskesmas.survey_units.filter(active=True)


class GridHeadForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit layanan"), queryset=ServiceUnit.objects.none())
    answered_on = forms.DateField(
        label=_("Tanggal kuesioner"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, puskesmas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = puskesmas.survey_units.filter(active=True)


class PublishForm(forms.Form):
    follow_up_plan = forms.CharField(
        label=_("Rencana tindak lanjut"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Apa yang akan dilakukan untuk unsur terendah, oleh siapa, kapan."),
    )


class SurveyForm(forms.Form):
    """The questionnaire of a version: one radio group per element, the profile and a comment."""

    age_group = forms.ChoiceField(
        label=_("Umur"), choices=Response.AgeGroup.choices, widget=forms.RadioSelect
    )
    sex = forms.ChoiceField(label=_("Jenis kelamin"), choices=Response.Sex.choices, widget=forms.RadioSelect)
    education = forms.ChoiceField(
        label=_("Pendidikan terakhir"),
        choices=Response.Education.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    occupation = forms.ChoiceField(
        label=_("Pekerjaan"), choices=Response.Occupation.choices, widget=forms.RadioSelect, required=False
    )
    comment = forms.CharField(
        label=_("Saran atau komentar (boleh kosong)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, version: SurveyVersion, **kwargs):
        super().__init__(*args, **kwargs)
        self.elements = list(version.elements.all())
        for element in self.elements:
            choices = [(str(i), label) for i, label in enumerate(element.answer_labels, start=1)]
            self.fields[f"u{element.number}"] = forms.TypedChoiceField(
                label=element.question, choices=choices, coerce=int, widget=forms.RadioSelect
            )

    def element_fields(self):
        return [(e, self[f"u{e.number}"]) for e in self.elements]

    def profile_fields(self):
        return [self[name] for name in ("age_group", "sex", "education", "occupation")]

    def answers(self) -> dict[int, int]:
        return {e.number: self.cleaned_data[f"u{e.number}"] for e in self.elements}


class ComplaintForm(forms.ModelForm):
    class Meta:
        model = Complaint
        fields = ["unit", "category", "description", "contact_name", "contact"]
        labels = {"unit": _("Unit layanan (boleh kosong)")}
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"contact": _("Hanya petugas yang berwenang yang bisa melihatnya.")}

    def __init__(self, *args, puskesmas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = puskesmas.survey_units.filter(active=True)
        self.fields["unit"].required = False


class ComplaintUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status baru"), choices=Complaint.Status.choices)
    answer = forms.CharField(
        label=_("Jawaban untuk pelapor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Pelapor membacanya lewat kode lacak."),
    )
    note = forms.CharField(
        label=_("Catatan internal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class TrackForm(forms.Form):
    code = forms.CharField(label=_("Kode lacak"), max_length=20)
