"""Kemendagri region codes (DOMAIN.md 7.1) as pure functions: no ORM, no settings.

A code is written with dots: province `73`, regency/city `73.22`, sub-district `73.22.01`, village
`73.22.01.2001`. Under a village we add our own two-digit dusun suffix, `73.22.01.2001.03`, since
Kemendagri has no dusun codes.
"""

import re

CODE_PATTERN = re.compile(r"^\d{2}(\.\d{2}(\.\d{2}(\.[123]\d{3}(\.\d{2})?)?)?)?$")
EXAMPLE = "73.22.01.2001"

# The four-digit village number starts with 1 for a kelurahan, 2 for a desa, 3 for a desa adat.
VILLAGE_KINDS = {"1": "kelurahan", "2": "desa", "3": "desa_adat"}
# Papua provinces (91 and up) call their sub-districts "distrik".
FIRST_DISTRIK_PROVINCE = 91
_REGENCY_PREFIX = re.compile(r"^(kabupaten|kota)\s+", re.IGNORECASE)


def level_of(code: str) -> int:
    """1 province, 2 regency/city, 3 sub-district, 4 village, 5 dusun."""
    return code.count(".") + 1


def parent_code(code: str) -> str | None:
    return code.rsplit(".", 1)[0] if "." in code else None


def ancestor_codes(code: str) -> list[str]:
    """`73.22.01` -> ["73", "73.22"]: every ancestor, the province first."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def regency_kind(code: str) -> str | None:
    """`kabupaten` for a second pair 01-69, `kota` for 71-99, None when the pair is not used (00, 70)."""
    pair = int(code.split(".")[1])
    if 1 <= pair <= 69:
        return "kabupaten"
    if pair >= 71:
        return "kota"
    return None


def kind_of(code: str) -> str:
    """The kind a well-formed code stands for. Call `code_problem` first."""
    level = level_of(code)
    if level == 1:
        return "provinsi"
    if level == 2:
        return regency_kind(code) or "kabupaten"
    if level == 3:
        return "distrik" if int(code[:2]) >= FIRST_DISTRIK_PROVINCE else "kecamatan"
    if level == 4:
        return VILLAGE_KINDS[code.split(".")[3][0]]
    return "dusun"


def code_problem(code: str) -> str | None:
    """Why `code` is not a valid region code, as a Bahasa sentence with the fix; None when it is valid."""
    if CODE_PATTERN.match(code) and (len(code) == 2 or regency_kind(code)):
        return None
    if not code:
        return f"kode kosong. Isi kode Kemendagri dengan titik, misalnya {EXAMPLE}."
    if not CODE_PATTERN.match(code):
        digits = code.replace(" ", "")
        if digits.isdigit() and len(digits) in (4, 6, 10):
            dotted = ".".join(p for p in (digits[:2], digits[2:4], digits[4:6], digits[6:10]) if p)
            return f"'{code}' ditulis tanpa titik. Tulis dengan titik: {dotted}."
        if re.fullmatch(r"\d{2}\.\d", code):
            return (
                f"'{code}' bukan kode Kemendagri yang sah; Excel mungkin membuang angka 0 di belakang "
                f"(73.10 menjadi 73.1). Format kolom code sebagai Teks lalu perbaiki kodenya."
            )
        return f"'{code}' bukan kode Kemendagri yang sah (contoh: {EXAMPLE}). Perbaiki kodenya."
    if level_of(code) >= 2 and regency_kind(code) is None:
        pair = code.split(".")[1]
        return (
            f"'{code}': pasangan kedua '{pair}' tidak dipakai Kemendagri "
            f"(01-69 kabupaten, 71-99 kota). Perbaiki kodenya."
        )
    return None


def name_problem(code: str, name: str) -> str | None:
    """A regency named `Kota ...` under a kabupaten code (or the reverse); None when it fits."""
    if level_of(code) != 2:
        return None
    match = _REGENCY_PREFIX.match(name)
    expected = regency_kind(code)
    if match and expected and match.group(1).lower() != expected:
        range_ = "01-69" if expected == "kabupaten" else "71-99"
        return (
            f"'{name}' bernama {match.group(1).capitalize()}, tetapi kode {code} "
            f"(pasangan kedua {range_}) adalah {expected}. Perbaiki kode atau namanya."
        )
    return None


def clean_name(code: str, name: str) -> str:
    """The name as stored: spaces collapsed; a regency without its `Kabupaten`/`Kota` prefix,
    since `Region.label` puts the kind in front (`Kabupaten Luwu Utara`, not `Kabupaten Kabupaten ...`)."""
    name = " ".join(name.split())
    if level_of(code) == 2:
        stripped = _REGENCY_PREFIX.sub("", name, count=1)
        return stripped or name
    return name
