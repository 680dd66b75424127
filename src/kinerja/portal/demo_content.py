"""Text of the demo district's education articles (example data written for this project)."""

# (slug, category, title, summary, body)
ARTICLES = [
    (
        "cuci-tangan-pakai-sabun",
        "phbs",
        "Cuci tangan pakai sabun, cara termurah mencegah penyakit",
        "Tangan yang dicuci dengan sabun dan air mengalir menahan diare dan infeksi saluran napas.",
        "Banyak kuman berpindah lewat tangan: dari gagang pintu, uang, atau saat mengganti popok.\n\n"
        "## Kapan mencuci tangan\n\n* sebelum makan dan sebelum menyiapkan makanan\n* sesudah buang air besar\n"
        "* sesudah mengganti popok bayi\n* sesudah batuk atau bersin\n\n"
        "## Caranya\n\nBasahi tangan, gosok sabun ke telapak, punggung tangan, sela jari dan kuku selama "
        "sekitar 20 detik, lalu bilas dengan air mengalir dan keringkan dengan lap bersih.",
    ),
    (
        "cegah-dbd-dengan-3m-plus",
        "penyakit_menular",
        "Cegah demam berdarah dengan 3M Plus",
        "Nyamuk Aedes bertelur di air jernih yang tergenang. Putus siklusnya seminggu sekali.",
        "Demam berdarah dengue (DBD) ditularkan nyamuk *Aedes aegypti* yang berkembang biak di air bersih.\n\n"
        "## 3M Plus\n\n1. **Menguras** bak mandi dan tempat air minimal seminggu sekali.\n"
        "2. **Menutup** rapat tempat penampungan air.\n3. **Mendaur ulang** barang bekas yang bisa "
        "menampung air hujan.\n\n**Plus**: pakai kelambu atau lotion antinyamuk, tanam tanaman pengusir "
        "nyamuk, dan jadilah juru pemantau jentik di rumah sendiri.\n\n"
        "Segera ke Puskesmas bila demam tinggi mendadak dua sampai tujuh hari, apalagi disertai bintik merah "
        "atau mimisan.",
    ),
    (
        "isi-piringku",
        "gizi_stunting",
        "Isi Piringku: gizi seimbang untuk seluruh keluarga",
        "Setengah piring sayur dan buah, setengah lagi makanan pokok dan lauk berprotein.",
        "Panduan *Isi Piringku* membagi satu piring makan menjadi bagian yang mudah diingat.\n\n"
        "* **Sayur** lebih banyak daripada buah.\n* **Makanan pokok** seperti nasi, jagung atau ubi.\n"
        "* **Lauk pauk**: ikan, telur, tahu, tempe, atau daging.\n\n"
        "Minum air putih yang cukup, batasi gula, garam dan lemak, dan biasakan aktivitas fisik setiap hari.",
    ),
    (
        "cegah-stunting-1000-hari-pertama",
        "gizi_stunting",
        "Cegah stunting sejak 1.000 hari pertama kehidupan",
        "Stunting dicegah sejak ibu hamil sampai anak berusia dua tahun.",
        "Anak yang stunting lebih pendek dari anak seusianya karena kekurangan gizi dalam waktu lama, "
        "dan perkembangan otaknya bisa terganggu.\n\n## Yang bisa dilakukan keluarga\n\n"
        "* ibu hamil makan bergizi dan minum tablet tambah darah\n* bayi mendapat ASI saja sampai enam bulan\n"
        "* mulai usia enam bulan, beri makanan pendamping yang kaya protein hewani\n"
        "* timbang dan ukur anak setiap bulan di Posyandu\n\n"
        "Bila berat badan anak tidak naik dua bulan berturut-turut, bawa ke Puskesmas.",
    ),
    (
        "imunisasi-rutin-lengkap",
        "imunisasi",
        "Imunisasi rutin lengkap melindungi anak",
        "Imunisasi gratis di Posyandu dan Puskesmas. Catat setiap suntikan di buku KIA.",
        "Imunisasi melatih kekebalan tubuh anak melawan penyakit berbahaya seperti campak, polio, "
        "difteri dan hepatitis B.\n\n## Mulai sejak lahir\n\nBayi mendapat imunisasi hepatitis B segera "
        "setelah lahir, lalu imunisasi berikutnya sesuai jadwal di buku KIA sampai usia sekolah.\n\n"
        "Demam ringan atau bengkak di bekas suntikan biasanya hilang dalam satu sampai dua hari. "
        "Tanyakan kepada bidan atau petugas imunisasi bila ada jadwal yang terlewat: imunisasi kejar "
        "masih bisa diberikan.",
    ),
    (
        "periksa-kehamilan-enam-kali",
        "kia",
        "Periksa kehamilan paling sedikit enam kali",
        "Pemeriksaan rutin menemukan tanda bahaya kehamilan lebih awal.",
        "Setiap ibu hamil dianjurkan memeriksakan kehamilannya paling sedikit enam kali, dua di antaranya "
        "oleh dokter.\n\n## Tanda bahaya: segera ke fasilitas kesehatan\n\n* perdarahan dari jalan lahir\n"
        "* sakit kepala hebat dan pandangan kabur\n* bengkak di wajah dan tangan\n"
        "* gerakan janin berkurang\n* demam tinggi\n\nBawa buku KIA setiap kali periksa dan ajak suami "
        "ikut kelas ibu hamil.",
    ),
    (
        "kenali-dan-kendalikan-hipertensi",
        "penyakit_tidak_menular",
        "Kenali dan kendalikan tekanan darah tinggi",
        "Hipertensi sering tanpa gejala. Ukur tekanan darah paling sedikit sekali sebulan setelah usia 15 tahun.",
        "Tekanan darah tinggi yang tidak terkendali dapat menyebabkan stroke, serangan jantung dan gagal "
        "ginjal.\n\n## Langkah CERDIK\n\n* **C**ek kesehatan secara berkala\n* **E**nyahkan asap rokok\n"
        "* **R**ajin aktivitas fisik\n* **D**iet sehat dengan kalori seimbang dan sedikit garam\n"
        "* **I**stirahat cukup\n* **K**elola stres\n\nBila sudah mendapat obat, minumlah setiap hari meski "
        "merasa sehat.",
    ),
    (
        "periksa-gula-darah",
        "penyakit_tidak_menular",
        "Sering haus dan sering buang air kecil? Periksa gula darah",
        "Diabetes dapat dikendalikan bila ditemukan lebih awal.",
        "Gejala diabetes antara lain sering haus, sering lapar, sering buang air kecil, dan berat badan "
        "turun tanpa sebab.\n\nPemeriksaan gula darah tersedia di Puskesmas dan Posbindu. Penderita "
        "diabetes dan hipertensi peserta JKN dapat ikut **Prolanis**: senam bersama, pemeriksaan rutin dan "
        "edukasi setiap bulan.",
    ),
    (
        "tbc-bisa-sembuh",
        "penyakit_menular",
        "TBC bisa sembuh: minum obat sampai tuntas",
        "Batuk lebih dari dua minggu? Periksakan dahak Anda di Puskesmas, gratis.",
        "Tuberkulosis (TBC) menular lewat udara saat penderita batuk atau bersin.\n\n## Gejala\n\n"
        "* batuk dua minggu atau lebih\n* demam dan keringat malam\n* berat badan turun\n\n"
        "Pengobatan TBC gratis dan berlangsung paling sedikit enam bulan. Jangan berhenti minum obat "
        "walaupun sudah merasa sehat, agar kuman tidak menjadi kebal obat. Anggota keluarga serumah juga "
        "perlu diperiksa.",
    ),
    (
        "air-minum-aman-dan-jamban-sehat",
        "kesehatan_lingkungan",
        "Air minum aman dan jamban sehat untuk setiap rumah",
        "Lima langkah sanitasi total berbasis masyarakat menjaga desa dari diare.",
        "Diare dan cacingan banyak berasal dari air dan lingkungan yang tercemar tinja.\n\n"
        "1. Stop buang air besar sembarangan: gunakan jamban sehat.\n2. Cuci tangan pakai sabun.\n"
        "3. Kelola air minum dan makanan dengan aman: rebus air sampai mendidih.\n"
        "4. Kelola sampah rumah tangga.\n5. Kelola limbah cair rumah tangga.",
    ),
    (
        "asi-eksklusif-enam-bulan",
        "kia",
        "ASI saja selama enam bulan pertama",
        "ASI mencukupi kebutuhan bayi sampai usia enam bulan, tanpa tambahan air atau makanan lain.",
        "ASI mengandung zat kekebalan yang melindungi bayi dari diare dan infeksi.\n\n"
        "* Susui bayi dalam satu jam pertama setelah lahir.\n* Susui sesering bayi mau, siang dan malam.\n"
        "* Ibu menyusui perlu makan lebih banyak dan minum cukup.\n\nKonselor menyusui di Puskesmas siap "
        "membantu bila ASI terasa kurang atau puting lecet.",
    ),
]

DISTRICT_ARTICLES = {"cegah-stunting-1000-hari-pertama", "imunisasi-rutin-lengkap", "tbc-bisa-sembuh"}
