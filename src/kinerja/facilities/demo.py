"""The demo district: a fictional regency, clearly marked as example data (*data contoh*).

Province 99 and regency 99.01 do not exist in the Kemendagri list (provinces end at 96), so the demo
never collides with real regions. The whole district is first planned in memory from a fixed seed
(the same plan on every run), then only the rows that are missing are written, keyed by their codes.
A second run therefore changes nothing and loses nothing: what a district edited in the demo
(opening hours, a renamed Posyandu, a removed service) survives, and links (services, catchment
villages) are only set on the Puskesmas that this run creates.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kinerja.facilities.models import Facility, Puskesmas, Service
from kinerja.regions.models import Region

SEED = 2026
PROVINCE_CODE = "99"
DISTRICT_CODE = "99.01"
# Names without the kind: Region.label adds it ("Kabupaten Nusa Sehat (data contoh)").
PROVINCE_NAME = "Contoh (data contoh)"
DISTRICT_NAME = "Nusa Sehat (data contoh)"
CENTRE = (-3.50, 120.30)

RURAL, URBAN = Puskesmas.AreaCategory.RURAL, Puskesmas.AreaCategory.URBAN
REMOTE, VERY_REMOTE = Puskesmas.AreaCategory.REMOTE, Puskesmas.AreaCategory.VERY_REMOTE

# Sub-district: (name, number of villages, kelurahan among them, [(Puskesmas, area, inpatient), ...]).
SUBDISTRICTS = [
    ("Nusa Kota", 10, 6, [("Nusa Kota", URBAN, True), ("Pasar Baru", URBAN, False)]),
    ("Sukamaju", 9, 1, [("Sukamaju", RURAL, True)]),
    ("Tanjung Harapan", 8, 0, [("Tanjung Harapan", RURAL, False)]),
    ("Bukit Indah", 12, 0, [("Bukit Indah", RURAL, False), ("Air Bening", REMOTE, False)]),
    ("Sumber Rejeki", 9, 0, [("Sumber Rejeki", RURAL, False)]),
    ("Pantai Timur", 12, 1, [("Pantai Timur", RURAL, True), ("Labuhan Baru", RURAL, False)]),
    ("Lembah Hijau", 8, 0, [("Lembah Hijau", RURAL, False)]),
    ("Mekar Sari", 11, 0, [("Mekar Sari", RURAL, False), ("Padang Lestari", RURAL, False)]),
    ("Gunung Sari", 8, 0, [("Gunung Sari", REMOTE, True)]),
    ("Sungai Lestari", 7, 0, [("Sungai Lestari", REMOTE, False)]),
    ("Pulau Sejahtera", 6, 0, [("Pulau Sejahtera", VERY_REMOTE, True)]),
    ("Tapal Batas", 7, 0, [("Tapal Batas", VERY_REMOTE, True)]),
]

VILLAGE_PREFIXES = [
    "Suka", "Mekar", "Sido", "Tanjung", "Karang", "Sumber", "Bukit", "Sungai", "Teluk", "Padang",
    "Batu", "Lubuk", "Ujung", "Tanah", "Kampung", "Labuhan", "Pematang", "Rantau",
]  # fmt: skip
VILLAGE_SUFFIXES = [
    "Jaya", "Makmur", "Indah", "Sari", "Mulya", "Baru", "Rejo", "Harapan", "Asri", "Lestari",
    "Damai", "Permai", "Raya", "Sentosa", "Abadi", "Kencana", "Tengah", "Utara", "Selatan", "Timur",
]  # fmt: skip
HAMLET_NAMES = [
    "Krajan", "Tengah", "Pesisir", "Kebun", "Lembah", "Bukit", "Muara", "Ujung", "Hulu", "Hilir",
    "Baru", "Lama", "Pangkalan", "Simpang", "Tanjung",
]  # fmt: skip
ROMAN = ["I", "II", "III", "IV", "V"]
POSYANDU_NAMES = [
    "Mawar", "Melati", "Anggrek", "Kenanga", "Dahlia", "Cempaka", "Flamboyan", "Teratai", "Seroja",
    "Kamboja", "Bougenville", "Nusa Indah", "Asoka", "Lavender", "Tulip",
]  # fmt: skip
FIRST_NAMES = [
    "Andi", "Rahmat", "Budi", "Hasan", "Yusuf", "Agus", "Irwan", "Hendra", "Arif", "Taufik", "Fajar",
    "Muhammad", "Ilham", "Rudi",
]  # fmt: skip
FEMALE_FIRST_NAMES = [
    "Siti", "Nurhayati", "Dewi", "Rina", "Fitri", "Ratna", "Maya", "Wulan", "Sri", "Lestari", "Dian",
    "Aisyah", "Indah", "Yuliana",
]  # fmt: skip
LAST_NAMES = [
    "Saputra", "Rahmawati", "Pratama", "Hidayat", "Wijaya", "Kurniawan", "Sulistyo", "Amalia",
    "Syahrir", "Nasution", "Hamzah", "Ramadhani", "Setiawan", "Latif", "Paramitha", "Gunawan",
]  # fmt: skip

SERVICES = [
    ("pemeriksaan-umum", "Pemeriksaan Umum"),
    ("kesehatan-gigi-mulut", "Kesehatan Gigi dan Mulut"),
    ("kia-kb", "KIA-KB (Kesehatan Ibu dan Anak, Keluarga Berencana)"),
    ("imunisasi", "Imunisasi"),
    ("gizi", "Gizi"),
    ("laboratorium", "Laboratorium"),
    ("farmasi", "Farmasi"),
    ("kesehatan-lingkungan", "Kesehatan Lingkungan"),
    ("promosi-kesehatan", "Promosi Kesehatan"),
    ("pkpr", "Pelayanan Kesehatan Peduli Remaja (PKPR)"),
    ("lansia", "Pelayanan Lanjut Usia"),
    ("tb-hiv-malaria", "Pemeriksaan TB, HIV dan Malaria"),
    ("gawat-darurat", "Gawat Darurat (jam kerja)"),
    ("gawat-darurat-24-jam", "Gawat Darurat 24 Jam"),
    ("persalinan", "Persalinan"),
    ("rawat-inap", "Rawat Inap"),
    ("puskesmas-keliling", "Puskesmas Keliling"),
]
BASIC_SERVICES = [code for code, _ in SERVICES[:12]]

HOURS = "Senin-Kamis 07.30-14.00\nJumat 07.30-11.00\nSabtu 07.30-12.30"
HOURS_INPATIENT = HOURS + "\nGawat darurat, persalinan dan rawat inap: 24 jam setiap hari"

# Partner facilities: (kind, how many in the district, name pattern).
NETWORK = [
    (Facility.Kind.CLINIC, 6, "Klinik Pratama {word}"),
    (Facility.Kind.DOCTOR, 7, "Praktik dr. {person}"),
    (Facility.Kind.DENTIST, 4, "Praktik drg. {person}"),
    (Facility.Kind.MIDWIFE, 8, "Praktik Mandiri Bidan {person}, S.Tr.Keb."),  # midwives: women
    (Facility.Kind.LABORATORY, 2, "Laboratorium Klinik {word}"),
    (Facility.Kind.PHARMACY, 5, "Apotek {word}"),
]
NETWORK_WORDS = [
    "Sehat Bersama", "Medika Utama", "Prima Husada", "Kasih Ibu", "Bina Sehat", "Mitra Keluarga",
    "Harapan Sehat", "Cahaya Medika", "Insan Sehat", "Permata", "Sentosa", "Amanah", "Nusa Farma",
]  # fmt: skip


@dataclass
class RegionPlan:
    code: str
    name: str
    kind: str
    remoteness: str = ""
    population: int | None = None
    travel_minutes: int | None = None

    @property
    def level(self) -> int:
        return len(self.code.split("."))

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None


@dataclass
class PuskesmasPlan:
    code: str
    name: str
    slug: str
    subdistrict: str
    area: str
    inpatient: bool
    villages: list[str]
    fields: dict = field(default_factory=dict)


@dataclass
class FacilityPlan:
    code: str
    kind: str
    name: str
    ownership: str
    puskesmas: str | None
    village: str | None = None
    hamlet: str | None = None
    fields: dict = field(default_factory=dict)


@dataclass
class DistrictPlan:
    regions: list[RegionPlan] = field(default_factory=list)
    puskesmas: list[PuskesmasPlan] = field(default_factory=list)
    facilities: list[FacilityPlan] = field(default_factory=list)


def person_name(rng: random.Random, used: set[str], *, female: bool | None = None) -> str:
    """A plausible Indonesian name not yet in `used` (female, male, or either when None)."""
    if female is None:
        female = rng.random() < 0.5
    while True:
        name = f"{rng.choice(FEMALE_FIRST_NAMES if female else FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        if name not in used:
            used.add(name)
            return name


def slugify_name(name: str) -> str:
    return name.lower().replace(" ", "-")


def _coordinates(rng: random.Random, base: tuple[float, float], spread: float) -> dict:
    lat = base[0] + rng.uniform(-spread, spread)
    lon = base[1] + rng.uniform(-spread, spread)
    return {"latitude": Decimal(f"{lat:.6f}"), "longitude": Decimal(f"{lon:.6f}")}


def _village_remoteness(rng: random.Random, area: str, kelurahan: bool) -> str:
    if kelurahan:
        return Region.Remoteness.URBAN
    if area == URBAN:
        return Region.Remoteness.RURAL
    if area == RURAL:
        return Region.Remoteness.REMOTE if rng.random() < 0.15 else Region.Remoteness.RURAL
    if area == REMOTE:
        return Region.Remoteness.VERY_REMOTE if rng.random() < 0.3 else Region.Remoteness.REMOTE
    return Region.Remoteness.VERY_REMOTE if rng.random() < 0.6 else Region.Remoteness.REMOTE


POPULATION = {"perkotaan": (4500, 9000), "perdesaan": (1800, 3800), "terpencil": (900, 2200)}
POPULATION["sangat_terpencil"] = (400, 1300)
TRAVEL = {"perkotaan": (5, 15), "perdesaan": (10, 45), "terpencil": (45, 150), "sangat_terpencil": (120, 360)}


def _plan_villages(rng, plan, sub_code, count, kelurahan, areas, used_names) -> list[list[str]]:
    """Villages and hamlets of one sub-district; returns the village codes of each of its Puskesmas."""
    shares = [count // len(areas) + (1 if i < count % len(areas) else 0) for i in range(len(areas))]
    per_puskesmas: list[list[str]] = [[] for _ in areas]
    numbers = {True: 1001, False: 2001}  # kelurahan 1NNN, desa 2NNN (Kemendagri)
    for p, share in enumerate(shares):
        urban = kelurahan // len(areas) + (1 if p < kelurahan % len(areas) else 0)
        for j in range(share):
            is_kelurahan = j < urban
            code = f"{sub_code}.{numbers[is_kelurahan]}"
            numbers[is_kelurahan] += 1
            name = _unique_village_name(rng, used_names)
            remoteness = _village_remoteness(rng, areas[p], is_kelurahan)
            population = rng.randint(*POPULATION[remoteness])
            kind = Region.Kind.KELURAHAN if is_kelurahan else Region.Kind.DESA
            plan.regions.append(RegionPlan(code, name, kind, remoteness, population))
            _plan_hamlets(rng, plan, code, population, remoteness, is_kelurahan)
            per_puskesmas[p].append(code)
    return per_puskesmas


def _unique_village_name(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(VILLAGE_PREFIXES)} {rng.choice(VILLAGE_SUFFIXES)}"
        if name not in used:
            used.add(name)
            return name


def _plan_hamlets(rng, plan, village_code, population, remoteness, is_kelurahan) -> None:
    count = rng.randint(2, 5)
    weights = [rng.uniform(0.6, 1.4) for _ in range(count)]
    names = rng.sample(HAMLET_NAMES, count)
    low, high = TRAVEL[remoteness]
    for i in range(count):
        name = f"Lingkungan {ROMAN[i]}" if is_kelurahan else names[i]
        people = round(population * weights[i] / sum(weights))
        # The last hamlet of a remote village lies furthest away (hours by boat or on foot).
        minutes = high + rng.randint(30, 120) if i == count - 1 and remoteness in TRAVEL_FAR else None
        minutes = minutes or rng.randint(low, high)
        plan.regions.append(
            RegionPlan(f"{village_code}.{i + 1:02d}", name, Region.Kind.DUSUN, remoteness, people, minutes)
        )


TRAVEL_FAR = ("terpencil", "sangat_terpencil")


def _plan_puskesmas(rng, plan, sub_index, sub_name, sub_code, areas_and_villages, base) -> None:
    for n, ((name, area, inpatient), villages) in enumerate(areas_and_villages, start=1):
        code = f"P9901{sub_index:02d}01{n:02d}"
        services = BASIC_SERVICES + (
            ["gawat-darurat-24-jam", "persalinan", "rawat-inap"] if inpatient else ["gawat-darurat"]
        )
        if area in (REMOTE, VERY_REMOTE):
            services.append("puskesmas-keliling")
        village_name = next(r.name for r in plan.regions if r.code == villages[0])
        plan.puskesmas.append(
            PuskesmasPlan(
                code=code,
                name=name,
                slug=slugify_name(name),
                subdistrict=sub_code,
                area=area,
                inpatient=inpatient,
                villages=villages,
                fields={
                    "address": f"Jl. Poros {name} No. {rng.randint(1, 120)}, {village_name}, "
                    f"Kecamatan {sub_name}",
                    "phone": f"(0499) {rng.randint(210000, 299999)}",
                    "opening_hours": HOURS_INPATIENT if inpatient else HOURS,
                    "services": services,
                    **_coordinates(rng, base, 0.04),
                },
            )
        )
        _plan_own_network(rng, plan, code, villages)


def _plan_own_network(rng, plan, puskesmas_code, villages) -> None:
    """Pustu in about one of every 2-3 villages (not the Puskesmas' own), one Posyandu per hamlet."""
    for i, village in enumerate(villages[1:]):
        if i % 5 in (0, 2):
            name = next(r.name for r in plan.regions if r.code == village)
            plan.facilities.append(
                FacilityPlan(
                    code=f"PUSTU-{village}",
                    kind=Facility.Kind.PUSTU,
                    name=f"Pustu {name}",
                    ownership="pemerintah",
                    puskesmas=puskesmas_code,
                    village=village,
                )
            )
    for village in villages:
        hamlets = [r for r in plan.regions if r.parent_code == village]
        names = rng.sample(POSYANDU_NAMES, len(hamlets))
        for hamlet, name in zip(hamlets, names, strict=True):
            plan.facilities.append(
                FacilityPlan(
                    code=f"POSYANDU-{hamlet.code}",
                    kind=Facility.Kind.POSYANDU,
                    name=f"Posyandu {name}",
                    ownership="masyarakat",
                    puskesmas=puskesmas_code,
                    village=village,
                    hamlet=hamlet.code,
                )
            )


def _plan_partners(rng: random.Random, plan: DistrictPlan) -> None:
    """About 30 private partners, most near the towns; two hospitals serving the whole district."""
    weights = {URBAN: 6, RURAL: 3, REMOTE: 1, VERY_REMOTE: 0}
    pool = [p for p in plan.puskesmas for _ in range(weights[p.area])]
    words = list(NETWORK_WORDS)
    rng.shuffle(words)
    people: set[str] = set()
    n = 0
    for kind, count, pattern in NETWORK:
        for _ in range(count):
            n += 1
            owner = rng.choice(pool)
            if "{word}" in pattern:
                name = pattern.format(word=words.pop())
            else:
                name = pattern.format(
                    person=person_name(rng, people, female=True if kind == Facility.Kind.MIDWIFE else None)
                )
            near = (float(owner.fields["latitude"]), float(owner.fields["longitude"]))
            plan.facilities.append(
                FacilityPlan(
                    code=f"JEJARING-99.01-{n:03d}",
                    kind=kind,
                    name=name,
                    ownership="swasta",
                    puskesmas=owner.code,
                    village=rng.choice(owner.villages),
                    fields=_coordinates(rng, near, 0.03),
                )
            )
    town = plan.puskesmas[0].villages
    for n, (name, ownership) in enumerate(
        [("RSUD Nusa Sehat", "pemerintah"), ("Rumah Sakit Bhakti Husada", "swasta")], start=1
    ):
        plan.facilities.append(
            FacilityPlan(
                code=f"RS-99.01-{n:02d}",
                kind=Facility.Kind.HOSPITAL,
                name=name,
                ownership=ownership,
                puskesmas=None,  # a hospital serves the whole district
                village=town[n],
                fields={"address": f"Jl. Jenderal Sudirman No. {10 * n}, Nusa Kota"},
            )
        )


def district_plan() -> DistrictPlan:
    """The whole demo district, the same on every call (seeded)."""
    rng = random.Random(SEED)
    plan = DistrictPlan()
    plan.regions.append(RegionPlan(PROVINCE_CODE, PROVINCE_NAME, Region.Kind.PROVINSI))
    plan.regions.append(RegionPlan(DISTRICT_CODE, DISTRICT_NAME, Region.Kind.KABUPATEN))
    used_names: set[str] = set()
    for i, (sub_name, count, kelurahan, puskesmas) in enumerate(SUBDISTRICTS, start=1):
        sub_code = f"{DISTRICT_CODE}.{i:02d}"
        plan.regions.append(RegionPlan(sub_code, sub_name, Region.Kind.KECAMATAN))
        areas = [area for _, area, _ in puskesmas]
        villages = _plan_villages(rng, plan, sub_code, count, kelurahan, areas, used_names)
        # Sub-districts lie on a rough 4 x 3 grid around the centre; the island one further out.
        base = (CENTRE[0] + 0.18 * (i // 4 - 1), CENTRE[1] + 0.2 * (i % 4 - 1.5))
        _plan_puskesmas(rng, plan, i, sub_name, sub_code, list(zip(puskesmas, villages, strict=True)), base)
    for region in plan.regions:
        if region.level == 3:
            region.population = sum(r.population for r in plan.regions if r.parent_code == region.code)
    plan.regions[1].population = sum(r.population for r in plan.regions if r.level == 3)
    _plan_partners(rng, plan)
    return plan


def district_load(*, log: Callable[[str], None]) -> Region:
    """Create what is missing of the demo district and return its regency (99.01)."""
    plan = district_plan()
    new_regions = _regions_write(plan.regions)
    services = _services_write()
    new_puskesmas = _puskesmas_write(plan, services)
    new_facilities = _facilities_write(plan)
    district = Region.objects.get(code=DISTRICT_CODE)
    log(
        f"{district.label}: {new_regions} wilayah, {new_puskesmas} Puskesmas dan "
        f"{new_facilities} fasilitas baru dibuat (data contoh)."
    )
    return district


def _region_ids() -> dict[str, int]:
    return dict(Region.objects.within(PROVINCE_CODE).values_list("code", "id"))


def _regions_write(regions: list[RegionPlan]) -> int:
    ids = _region_ids()
    created = 0
    for level in range(1, 6):
        rows = [
            Region(
                code=r.code,
                name=r.name,
                level=level,
                kind=r.kind,
                parent_id=ids[r.parent_code] if r.parent_code else None,
                remoteness=r.remoteness,
                population=r.population,
                travel_minutes=r.travel_minutes,
            )
            for r in regions
            if r.level == level and r.code not in ids
        ]
        if rows:
            Region.objects.bulk_create(rows, batch_size=500)
            created += len(rows)
            ids = _region_ids()
    return created


def _services_write() -> dict[str, int]:
    existing = set(Service.objects.values_list("code", flat=True))
    Service.objects.bulk_create([Service(code=c, name=n) for c, n in SERVICES if c not in existing])
    return dict(Service.objects.values_list("code", "id"))


def _puskesmas_write(plan: DistrictPlan, services: dict[str, int]) -> int:
    existing = set(
        Puskesmas.objects.filter(code__in=[p.code for p in plan.puskesmas]).values_list("code", flat=True)
    )
    missing = [p for p in plan.puskesmas if p.code not in existing]
    if not missing:
        return 0
    regions = _region_ids()
    district_id = regions[DISTRICT_CODE]
    rows = []
    for p in missing:
        fields = {k: v for k, v in p.fields.items() if k != "services"}
        rows.append(
            Puskesmas(
                code=p.code,
                name=p.name,
                slug=p.slug,
                district_id=district_id,
                subdistrict_id=regions[p.subdistrict],
                area_category=p.area,
                inpatient=p.inpatient,
                **fields,
            )
        )
    Puskesmas.objects.bulk_create(rows)
    ids = dict(Puskesmas.objects.filter(code__in=[p.code for p in missing]).values_list("code", "id"))
    ServiceLink = Puskesmas.services.through
    VillageLink = Puskesmas.catchment_villages.through
    ServiceLink.objects.bulk_create(
        ServiceLink(puskesmas_id=ids[p.code], service_id=services[code])
        for p in missing
        for code in p.fields["services"]
    )
    VillageLink.objects.bulk_create(
        VillageLink(puskesmas_id=ids[p.code], region_id=regions[v]) for p in missing for v in p.villages
    )
    return len(missing)


def _facilities_write(plan: DistrictPlan) -> int:
    regions = _region_ids()
    district_id = regions[DISTRICT_CODE]
    existing = set(Facility.objects.filter(district_id=district_id).values_list("code", flat=True))
    puskesmas = dict(Puskesmas.objects.filter(district_id=district_id).values_list("code", "id"))
    rows = [
        Facility(
            code=f.code,
            kind=f.kind,
            name=f.name,
            ownership=f.ownership,
            # A demo Puskesmas the district deleted takes its network with it: nothing to link to.
            puskesmas_id=puskesmas.get(f.puskesmas) if f.puskesmas else None,
            district_id=district_id,
            village_id=regions.get(f.village) if f.village else None,
            hamlet_id=regions.get(f.hamlet) if f.hamlet else None,
            **f.fields,
        )
        for f in plan.facilities
        if f.code not in existing and (f.puskesmas is None or f.puskesmas in puskesmas)
    ]
    Facility.objects.bulk_create(rows, batch_size=500)
    return len(rows)
