"""Parser rules, one real-looking reference each, in the forms GOST 7.1 and real lists use.

Each case names the rule it exercises; the expected values are what a bibliographer would write,
not what the parser happened to print."""

from __future__ import annotations

import pytest

import polybib
from polybib._accounting import lost_words

CASES = [
    ("book with two authors in the statement, edition, ISBN",
     "Иванов, И. И. Название книги : учебник для вузов / И. И. Иванов, П. П. Петров. – 3-е изд., перераб. – "
     "Москва : Юрайт, 2020. – 412 с. – ISBN 978-5-534-00000-0.",
     {"entry_type": "book", "authors": ["Иванов, И. И.", "Петров, П. П."], "title": "Название книги",
      "genre": "учебник для вузов", "places": ["Москва"], "publishers": ["Юрайт"], "year": "2020",
      "pagetotal": "412", "isbn": ["978-5-534-00000-0"]}),
    ("journal article linked with //",
     "Петров, П. П. Статья о чем-то / П. П. Петров // Вопросы истории. – 2019. – № 3. – С. 15–20.",
     {"entry_type": "article", "host.title": "Вопросы истории", "year": "2019", "number": "3", "pages": "15--20"}),
    ("conference paper",
     "Сидоров, С. С. Глава / С. С. Сидоров // Сборник трудов : материалы междунар. науч.-практ. конф. – "
     "Москва, 2019. – С. 10–15.",
     {"entry_type": "inproceedings", "host.title": "Сборник трудов", "host.places": ["Москва"],
      "pages": "10--15"}),
    ("newspaper article with a day",
     "Əliyev, R. Məqalə adı // Azərbaycan. – 2005. – 12 aprel. – S. 3.",
     {"entry_type": "article", "host.title": "Azərbaycan", "date": "12 aprel", "pages": "3", "language": "az"}),
    ("journal issue named by a month after its year",
     "Попов, В. PKI-технология / В. Попов // PCWeek/RE. – 2001. – июн. – URL: www.pcweek.ru.",
     {"entry_type": "article", "host.title": "PCWeek/RE", "year": "2001", "date": "июн", "url": "www.pcweek.ru"}),
    ("journal issue named by a season after its year",
     "Çeltik, H. Nazım şekli / H. Çeltik // Turkish Studies. – 2007. – Yaz. – C. 2, № 3. – S. 190–199.",
     {"entry_type": "article", "year": "2007", "date": "Yaz", "volume": "2", "number": "3", "pages": "190--199"}),
    ("an issue with its season in brackets (ISBD)",
     "Smith, J. On seasons // Slavic Review. – 2010. – Vol. 69, no. 2 (Summer). – P. 5–9.",
     {"entry_type": "article", "volume": "69", "number": "2", "date": "Summer", "year": "2010", "note": []}),
    ("the host's statement of responsibility: its editors are the record's (BibLaTeX's editor of an @incollection)",
     "Петров П. Глава // Сборник статей / под ред. И. И. Иванова. – М. : Наука, 2000. – С. 5–10.",
     {"entry_type": "incollection", "editors": ["Иванов, И. И."], "host.authors": [], "host.title": "Сборник статей",
      "note": []}),
    ("the host's author and body in its statement of responsibility",
     "Петров П. Глава // Книга о жизни / И. И. Иванов ; Ин-т истории АН. – М., 2000. – С. 5–10.",
     {"entry_type": "incollection", "editors": [], "host.authors": ["Иванов, И. И.", "{Ин-т истории АН}"],
      "organizations": [], "note": []}),
    ("'and others' after a name that begins with a dotted capital I (İ folds to two characters)",
     "Azərbaycan tarixi : 7 cilddə / red. heyəti: İ. Əliyev və b. – Bakı : Elm, 2001. – 500 s.",
     {"editors": ["Əliyev, İ.", "others"], "note": ["7 cilddə"]}),
    ("a volume as a Roman numeral and 'c.' (cild)",
     "Məmmədov R. Qarabağ xanlığı // Azərbaycan tarixi. – Bakı : Elm, 2001. – III c. – S. 300-320.",
     {"volume": "III", "pages": "300--320", "note": []}),
    ("a comma and a year inside brackets do not end the title",
     "Materials of the International Conference (Baku, May 10, 2013). – Baku, 2013. – 250 p.",
     {"title": "Materials of the International Conference (Baku, May 10, 2013)", "places": ["Baku"],
      "year": "2013", "note": []}),
    ("role words in brackets after the heading make its persons editors",
     "Mahmudov Y. (baş red.). Azərbaycan tarixi. Bakı: Təhsil, 2005, 600 s.",
     {"authors": [], "editors": ["Mahmudov, Y."], "title": "Azərbaycan tarixi", "year": "2005", "note": []}),
    ("APA editors, then the year",
     "Brown, K., & Smith, J. (Eds.). (2015). The handbook of things. London: Routledge.",
     {"authors": [], "editors": ["Brown, K.", "Smith, J."], "title": "The handbook of things", "year": "2015",
      "places": ["London"], "publishers": ["Routledge"]}),
    ("GOST 7.1-2003's general material designation is a marker, not the title's",
     "Иванов, А. В. Экономика региона [Текст] : учебник / А. В. Иванов. – Москва : Инфра-М, 2018. – 320 с.",
     {"title": "Экономика региона", "genre": "учебник", "markers": ["[Текст]"], "note": []}),
    ("an electronic resource's physical description is a note GOST prints",
     "Ахмедов Э. М. Культура [Электронный ресурс]. – Баку : БГУ, 2015. – 1 электрон. опт. диск (CD-ROM).",
     {"note": ["1 электрон. опт. диск (CD-ROM)"], "diagnostics": []}),
    ("thesis with specialty code and the author's full name in the statement",
     "Мамедов, А. А. Тема исследования : автореф. дис. ... канд. филол. наук : 10.02.01 / Мамедов Али Ахмед "
     "оглы ; Бакинский гос. ун-т. – Баку, 2010. – 25 с.",
     {"entry_type": "thesis", "authors": ["Мамедов, Али Ахмед оглы"], "organizations": ["Бакинский гос. ун-т"],
      "thesis_type": "автореф. дис. ... канд. филол. наук : 10.02.01", "places": ["Баку"]}),
    ("electronic resource with access date",
     "Официальный сайт Министерства образования [Электронный ресурс]. – URL: http://example.ru "
     "(дата обращения: 12.03.2020).",
     {"entry_type": "online", "url": "http://example.ru", "urldate": "2020-03-12"}),
    ("multivolume work: volume of a set",
     "Толстой, Л. Н. Собрание сочинений : в 22 т. Т. 5 / Л. Н. Толстой. – Москва : Худож. лит., 1980. – 400 с.",
     {"title": "Собрание сочинений", "volume": "5", "volumes": "в 22 т."}),
    ("translation",
     "Смит, Дж. История Англии / Дж. Смит ; пер. с англ. А. Б. Иванова. – Москва : Прогресс, 1990. – 300 с.",
     {"authors": ["Смит, Дж."], "translators": ["Иванов, А. Б."]}),
    ("series in parentheses",
     "Петров, П. П. Очерки / П. П. Петров. – Москва : Наука, 1999. – 200 с. – (Библиотека историка).",
     {"series": "Библиотека историка", "pagetotal": "200"}),
    ("DSTU 8302 punctuation: no area dashes",
     "Шевченко Т. Г. Кобзар. Київ : Дніпро, 1985. 600 с.",
     {"authors": ["Шевченко, Т. Г."], "title": "Кобзар", "places": ["Київ"], "pagetotal": "600",
      "language": "uk"}),
    ("Azerbaijani Cyrillic",
     "Әлијев Һ. Ә. Азәрбајҹан тарихи. – Бакы : Елм, 1985. – 300 с.",
     {"authors": ["Әлијев, Һ. Ә."], "language": "az", "script": "Cyrl"}),
    ("Azerbaijani edition and scientific editor",
     "Hüseynov, R. A. Azərbaycan tarixi : dərs vəsaiti / R. A. Hüseynov ; elmi red. A. Məmmədov. – 2-ci nəşr. – "
     "Bakı : Elm, 2015. – 250 s.",
     {"editors": ["Məmmədov, A."], "genre": "dərs vəsaiti", "edition": "2-ci nəşr", "pagetotal": "250"}),
    ("no heading; editor with the genitive undone; year range",
     "История Азербайджана : в 3 т. / под ред. И. А. Гусейнова. – Баку : Изд-во АН АзССР, 1958–1962.",
     {"authors": [], "editors": ["Гусейнов, И. А."], "publishers": ["Изд-во АН АзССР"], "year": "1958"}),
    ("inverted heading reconciled with the statement of responsibility (the seed's first item)",
     "İsaməddin, Səyid oğlu Osmanov. MDB Dövlətlərinin iqtisadi-sosial coğrafiyası / İ.O. Osmanov.-Bakı: BDU "
     "nəşriyyatı, 2004.- 342 s.",
     {"authors": ["Osmanov, İsaməddin Səyid oğlu"], "places": ["Bakı"], "pagetotal": "342"}),
    ("standard: the designation is its number",
     "ДСТУ 3574-97. Патентний формуляр. Основні положення. Київ : Держстандарт України, 1997. 7 с.",
     {"entry_type": "book", "number": "ДСТУ 3574-97", "places": ["Київ"], "pagetotal": "7"}),
    ("Azerbaijani law in its official citation form",
     "14 iyun 2005-ci il tarixli 939-IIQD nömrəli “Azərbaycan Respublikasının bəzi qanunvericilik aktlarına "
     "dəyişikliklər və əlavələr edilməsi haqqında” Azərbaycan Respublikasının Qanunu (Azərbaycan "
     "Respublikasının qanunvericilik toplusu, 2005-ci il, № 8 maddə 686)",
     {"entry_type": "legislation", "number": "939-IIQD", "genre": "Azərbaycan Respublikasının Qanunu",
      "host.title": "Azərbaycan Respublikasının qanunvericilik toplusu", "year": "2005"}),
    ("Russian federal law linked to its source",
     "Федеральный закон от 06.04.2011 № 63-ФЗ «Об электронной подписи» // Собрание законодательства РФ. – "
     "2011. – № 15.",
     {"entry_type": "legislation", "title": "Об электронной подписи", "number": "63-ФЗ", "year": "2011"}),
    ("DSTU 8302: genre, then an edition in a Ukrainian ordinal, no dashes",
     "Коваленко О. М. Історія української літератури : підручник. 3-тє вид. Київ : Либідь, 2015. 432 с.",
     {"genre": "підручник", "edition": "3-тє вид.", "places": ["Київ"], "pagetotal": "432", "language": "uk"}),
    ("Kazakh page word б. (бет)",
     "Әбдіров М. Қазақ әдебиетінің тарихы. – Алматы : Мектеп, 2005. – 256 б.",
     {"pagetotal": "256", "places": ["Алматы"], "language": "kk"}),
    ("Uzbek Latin: T. is Toshkent",
     "Karimov I. A. O'zbekiston mustaqillikka erishish ostonasida. – T. : O'zbekiston, 2011. – 440 b.",
     {"places": ["Toshkent"], "publishers": ["O'zbekiston"], "pagetotal": "440", "language": "uz"}),
    ("Ukrainian law as other title information, with its URL",
     "Про освіту : Закон України від 05.09.2017 № 2145-VIII. URL: https://zakon.rada.gov.ua/laws/show/2145-19 "
     "(дата звернення: 10.01.2020).",
     {"entry_type": "legislation", "title": "Про освіту", "urldate": "2020-01-10"}),
    ("a DOI after the page range; a serial's name with a colon",
     "Смирнов А. В. Статья о многом // Известия вузов. Серия: Экономика. – 2020. – Т. 12, № 4. – С. 100–110. – "
     "DOI: 10.1234/abcd.2020.12.4.",
     {"volume": "12", "number": "4", "pages": "100--110", "doi": "10.1234/abcd.2020.12.4"}),
    ("an English book inside a Russian list: initials are not words",
     "Smith J., Brown K. Economic Policy. – 2nd ed. – New York : Wiley, 2015. – 500 p.",
     {"edition": "2nd ed.", "language": "en", "pagetotal": "500"}),
    ("place abbreviation read in the publisher's language",
     "Библиотеки национальных академий наук : сборник. Вып. 6 — К.: НБУ ім. В. І. Вернадського 2008 — 478 с.",
     {"places": ["Київ"], "entry_type": "collection", "number": "6"}),
    ("Georgian: separators without spaces, თბ. expanded",
     "მიწიშვილი გ. ციხე სულორის ნაციხარზე წარმოებული არქეოლოგიური გათხრების შედეგები //ვანი.ტ.II.-თბ.,1977.-გვ.43-51.",
     {"entry_type": "incollection", "host.title": "ვანი", "volume": "II", "host.places": ["თბილისი"],
      "pages": "43--51", "language": "ka"}),
    ("Chicago article as Google Scholar exports it, English",
     "Smith, John, and Jane Doe. “Title of the Article.” Journal of Things 12, no. 3 (2019): 45–67.",
     {"entry_type": "article", "authors": ["Smith, John", "Doe, Jane"], "title": "Title of the Article",
      "host.title": "Journal of Things", "volume": "12", "number": "3", "year": "2019", "pages": "45--67"}),
    ("Chicago article with Russian interface words and an access date month first",
     "Иванов, Иван, и Пётр Сидоров. «Название статьи». Вопросы истории 5, no. 2 (март 3, 2018): 10–20. "
     "просмотрено май 19, 2024. https://example.org/a/1.",
     {"entry_type": "article", "authors": ["Иванов, Иван", "Сидоров, Пётр"], "host.title": "Вопросы истории",
      "volume": "5", "number": "2", "year": "2018", "date": "март 3", "urldate": "2024-05-19"}),
    ("MLA article with vol. and pp.",
     "Əliyev, Ramiz. “Məqalənin adı”. Tarix və onun problemləri, vol. 4, no. 1, 2020, pp. 33-41.",
     {"entry_type": "article", "authors": ["Əliyev, Ramiz"], "host.title": "Tarix və onun problemləri",
      "volume": "4", "number": "1", "year": "2020", "pages": "33--41"}),
    ("a serial's volume/issue typed after its title without a separator",
     "Kaya, M. Makale adı // Turkish Studies Volume 5/2 Spring 2010, s. 10-20.",
     {"entry_type": "article", "host.title": "Turkish Studies", "volume": "5", "number": "2", "year": "2010",
      "pages": "10--20"}),
    ("a volume numbered in words, Turkic capital İ",
     "Azərbaycan tarixi. – Bakı : Elm, 2007. – İKİNCİ CİLD. – 400 s.",
     {"volume": "İKİNCİ CİLD", "pagetotal": "400"}),
    ("a host that is a conference collection with its own publisher",
     "Иванов И. И. Доклад // Актуальные вопросы науки : сб. ст. по матер. междунар. науч.-практ. конф. № 5(12). "
     "– Новосибирск : СибАК, 2016. – С. 5–9.",
     {"entry_type": "inproceedings", "host.title": "Актуальные вопросы науки", "number": "5(12)"}),
    ("an editor's statement in parentheses opening the area after the title",
     "Qarabağ tarixi.- (R.Məmmədovun redaktəsi ilə), II cild, «Elm», 2005.",
     {"editors": ["Məmmədov, R."], "title": "Qarabağ tarixi", "volume": "II", "publishers": ["Elm"],
      "year": "2005"}),
    ("a translator named in an Azerbaijani predicate: '... tərcümə ... X-indir'",
     "Nizami Gəncəvi. Leyli və Məcnun (Tərcümə və qeydlər R.Əliyevindir). – Bakı : Öndər, 2004. – 300 s.",
     {"translators": ["Əliyev, R."], "title": "Leyli və Məcnun", "places": ["Bakı"], "pagetotal": "300"}),
    ("a genre in an area of its own after the title",
     "Naxçıvan tarixi. -Orta məktəblər üçün dərslik. Maarif, Bakı, 2001.",
     {"title": "Naxçıvan tarixi", "genre": "Orta məktəblər üçün dərslik", "year": "2001"}),
    ("a closing bracket at the end that closes nothing",
     "Əliyev R.Ə. Şəhərin tarixi.-B., 1901).",
     {"title": "Şəhərin tarixi", "places": ["Bakı"], "year": "1901"}),
    ("a Persian work copied right-to-left: 'Title» ― Author» Place — Hijri year'",
     "تاریخ ادبیات» ― علی اکبر دهخدا» Tehran — 1320, səh. 15.",
     {"title": "تاریخ ادبیات", "authors": ["دهخدا, علی اکبر"], "places": ["Tehran"], "year": "1320",
      "pages": "15", "language": "fa"}),
    ("Harvard export: the site's publisher in its own sentence after [WWW Document]",
     "Kim G. 2016. The DevOps Handbook [WWW Document]. IT Revolution Press. https://itrevolution.com/book "
     "(accessed 3.4.2020).",
     {"entry_type": "online", "title": "The DevOps Handbook", "organizations": ["IT Revolution Press"],
      "year": "2016", "urldate": "2020-04-03"}),
    ("two places joined by a hyphen, 'М.-Л.', before the publisher",
     "Дьяконов И. М. Эпос о Гильгамеше. – М.-Л. : Изд-во АН СССР, 1961. – 218 с.",
     {"places": ["Москва", "Ленинград"], "publishers": ["Изд-во АН СССР"], "year": "1961", "pagetotal": "218"}),
    ("the publisher before two hyphenated places, Soviet order",
     "Дьяконов И.М. Эпос о Гильгамеше.- Изд-во АН СССР, М.-Л., 1961.",
     {"places": ["Москва", "Ленинград"], "publishers": ["Изд-во АН СССР"], "year": "1961"}),
    ("a publisher whose name ends in a year-like number",
     "Шевчук В. В. Економіка підприємства : підручник. – Львів : Новий Світ-2000, 2016. – 512 с.",
     {"publishers": ["Новий Світ-2000"], "year": "2016", "pagetotal": "512"}),
    ("a title that shows no language: the place and publisher decide (Uzbek Latin)",
     "Karimov I. A. Yuksak ma'naviyat – yengilmas kuch. – Toshkent: Ma'naviyat, 2008. – 176 b.",
     {"language": "uz", "places": ["Toshkent"], "pagetotal": "176"}),
    ("APA 7 journal article with a DOI resolver URL",
     "Brown, A., & Green, B. (2019). Data science in practice. Journal of Data, 12(3), 45–67. "
     "https://doi.org/10.1000/jd.2019.123",
     {"entry_type": "article", "authors": ["Brown, A.", "Green, B."], "year": "2019",
      "title": "Data science in practice", "host.title": "Journal of Data", "volume": "12", "number": "3",
      "pages": "45--67", "doi": "10.1000/jd.2019.123", "url": ""}),
    ("APA 7 book with an edition",
     "Smith, J. A. (2015). The art of research: A guide (2nd ed.). Routledge.",
     {"entry_type": "book", "authors": ["Smith, J. A."], "title": "The art of research: A guide",
      "edition": "2nd ed.", "publishers": ["Routledge"], "year": "2015"}),
    ("APA 7 chapter in an edited book",
     "Lee, K., Park, S., & Kim, H. (2020). Learning at scale. In M. Jones & P. Brown (Eds.), Handbook of "
     "learning (pp. 10–25). Springer.",
     {"entry_type": "incollection", "editors": ["Jones, M.", "Brown, P."], "host.title": "Handbook of learning",
      "pages": "10--25", "host.publishers": ["Springer"], "language": "en"}),
    ("APA form with Russian names and journal",
     "Иванов, И. И., & Петров, П. П. (2018). Цифровая экономика. Вопросы экономики, 5(2), 10–20.",
     {"entry_type": "article", "authors": ["Иванов, И. И.", "Петров, П. П."], "title": "Цифровая экономика",
      "host.title": "Вопросы экономики", "volume": "5", "number": "2", "pages": "10--20", "language": "ru"}),
    ("'Vol. N, № M' in one area: the issue number is not swallowed by the volume",
     "Smith J. Title // ACM SIGACT News. – 2012. – Vol. 43, № 4. – P. 101–103.",
     {"volume": "43", "number": "4", "pages": "101--103"}),
    ("hyphenated initials in the statement of responsibility are not an area break",
     "Sartre J.-P. L'Être et le néant / J.-P. Sartre. – Paris : Gallimard, 1943. – 722 p.",
     {"authors": ["Sartre, J.-P."], "organizations": [], "places": ["Paris"], "publishers": ["Gallimard"]}),
    ("Azerbaijani 'C.' (cild) for the volume, and 'N cilddə' for the set",
     "Hacıbəyov Ü. Əsərləri : 10 cilddə. C. 2 / Ü. Hacıbəyov. – Bakı : Elm, 1965. – 400 s.",
     {"title": "Əsərləri", "volume": "2", "volumes": "10 cilddə", "pagetotal": "400"}),
    ("role words listed before the name, without a role abbreviation",
     "Kalankatuklu M. Albaniya tarixi / M. Kalankatuklu ; müqəddimə, qeyd, tərcümə və şərhlər Z. Bünyadov. "
     "– Bakı : Elm, 1993. – 200 s.",
     {"translators": ["Bünyadov, Z."], "organizations": []}),
    ("GOST R 7.0.100-2018 'Текст : электронный' makes an online resource; an acronym is a body",
     "Официальный портал / МФТИ. – Москва, 2020. – URL: http://x.ru (дата обращения: 01.02.2021). "
     "– Текст : электронный.",
     {"entry_type": "online", "authors": [], "organizations": ["МФТИ"], "urldate": "2021-02-01"}),
    ("a translator after 'пер. с <any language>'",
     "Гомер. Илиада / пер. с древнегреч. Н. И. Гнедича. – М. : Худож. лит., 1978. – 447 с.",
     {"translators": ["Гнедич, Н. И."], "pagetotal": "447"}),
    ("a law with its date and number after the title",
     "Закон Азербайджанской Республики «Об образовании» от 19 июня 2009 года № 833-IIIQ // Азербайджан. "
     "– 2009. – 8 августа.",
     {"entry_type": "legislation", "title": "Об образовании", "genre": "Закон Азербайджанской Республики от 19 июня 2009",
      "number": "833-IIIQ", "note": [], "host.title": "Азербайджан"}),
    ("conference materials under their title are not a person's heading",
     "Материалы Междунар. науч.-практ. конф. «Наука и образование» (Москва, 12–13 мая 2019 г.) / отв. ред. "
     "С. С. Сидоров. – М. : МГУ, 2019. – 320 с.",
     {"authors": [], "editors": ["Сидоров, С. С."], "publishers": ["МГУ"], "pagetotal": "320"}),
    ("a legal act under its title: kind, date and number as other title information, the gazette's article",
     "Об электронной подписи : федер. закон от 06.04.2011 № 63-ФЗ // Собрание законодательства РФ. – 2011. – "
     "№ 15. – Ст. 2036.",
     {"entry_type": "legislation", "genre": "федер. закон от 06.04.2011", "number": "63-ФЗ",
      "note": ["Ст. 2036", "№ 15"], "pages": "", "host.title": "Собрание законодательства РФ"}),
    ("an Azerbaijani act's kind after its issuer",
     "Təhsil haqqında : Azərbaycan Respublikasının Qanunu № 833-IIIQ // Azərbaycan. – 2009. – 8 avqust.",
     {"entry_type": "legislation", "genre": "Azərbaycan Respublikasının Qanunu", "number": "833-IIIQ",
      "date": "8 avqust"}),
    ("'и др.' after the heading's names (GOST 7.1-84 headings)",
     "Петров П. П. и др. Очерки истории Кавказа. – М., 1990. – 100 с.",
     {"authors": ["Петров, П. П.", "others"], "title": "Очерки истории Кавказа", "pagetotal": "100"}),
    ("an Azerbaijani thesis abstract",
     "Həsənova L. Qarabağ xanlığı: tarix üzrə fəlsəfə doktoru dis. avtoreferatı. – Bakı, 2012. – 28 s.",
     {"entry_type": "thesis", "thesis_type": "tarix üzrə fəlsəfə doktoru dis. avtoreferatı", "places": ["Bakı"]}),
    ("Azerbaijani Cyrillic: the place without a colon, volumes counted in words, the language from the endings",
     "Вургун С. Әсәрләри. Алты ҹилддә. Ҹ. 3. – Бакы, 1970. – 380 с.",
     {"title": "Әсәрләри", "volumes": "Алты ҹилддә", "volume": "3", "places": ["Бакы"], "publishers": [],
      "language": "az"}),
    ("a journal without '//' whose name ends in 'журнал' keeps the word",
     "Коваль І. Назва статті. Український історичний журнал. 2019. № 4. С. 5–20.",
     {"entry_type": "article", "host.title": "Український історичний журнал", "number": "4", "pages": "5--20"}),
    ("APA 6: the place before the publisher; an extent after it",
     "Ismayilov, R. (2018). The foreign policy of Azerbaijan. Baku: Qanun, 240 p.",
     {"authors": ["Ismayilov, R."], "year": "2018", "title": "The foreign policy of Azerbaijan", "places": ["Baku"],
      "publishers": ["Qanun"], "pagetotal": "240"}),
    ("GOST 7.1-2003 notes of an electronic resource are notes, not unread text",
     "Иванова М. А. Методика [Электронный ресурс] : учеб.-метод. пособие. – Электрон. текстовые дан. – Минск : "
     "БГУ, 2015. – Режим доступа: http://elib.bsu.by/handle/1234, свободный. – Загл. с экрана.",
     {"entry_type": "online", "note": ["Электрон. текстовые дан", "свободный", "Загл. с экрана"],
      "url": "http://elib.bsu.by/handle/1234", "places": ["Минск"]}),
    ("a two-word title: the record's words decide its language, not the heading's names",
     "Guliyev E. Azerbaijan–Russia relations // Caucasus Survey. 2017. Vol. 5, No. 3. P. 220–236.",
     {"language": "en", "volume": "5", "number": "3", "pages": "220--236"}),
    ("Harvard 'References' of Ukrainian journals: an article with its title quoted",
     'Kovalchuk, O. V. (2018), "Legal regulation", Pravo Ukrainy, no. 5, pp. 112–120.',
     {"entry_type": "article", "authors": ["Kovalchuk, O. V."], "year": "2018", "title": "Legal regulation",
      "host.title": "Pravo Ukrainy", "number": "5", "pages": "112--120"}),
    ("Harvard 'References': a book, its publisher, place and country",
     "Bondarenko, V. D. (2010), Istoriia Ukrainy [History of Ukraine], Znannia, Kyiv, Ukraine.",
     {"title": "Istoriia Ukrainy [History of Ukraine]", "publishers": ["Znannia"], "places": ["Kyiv"],
      "markers": ["Ukraine"]}),
    ("Harvard: the year without a full stop, the place after the publisher",
     "Jones, M. (2010) Caucasus politics. Oxford University Press, Oxford.",
     {"authors": ["Jones, M."], "title": "Caucasus politics", "publishers": ["Oxford University Press"],
      "places": ["Oxford"]}),
    ("a heading with the whole name and a Turkic patronymic",
     "Əliyev Heydər Əlirza oğlu. Müstəqilliyimiz əbədidir. – Bakı: Azərnəşr, 1997. – 500 s.",
     {"authors": ["Əliyev, Heydər Əlirza oğlu"], "title": "Müstəqilliyimiz əbədidir"}),
    ("a heading with an East-Slavic patronymic",
     "Кузнецов Кирилл Константинович. Очерки. – М. : Наука, 2004. – 120 с.",
     {"authors": ["Кузнецов, Кирилл Константинович"], "title": "Очерки"}),
    ("a list typed in capitals: the heading and the extent are read, the case kept",
     "ПЕТРОВ П. П. НАЗВАНИЕ КНИГИ. – М. : НАУКА, 2005. – 200 С.",
     {"authors": ["ПЕТРОВ, П. П."], "title": "НАЗВАНИЕ КНИГИ", "pagetotal": "200"}),
    ("several 'Family, I.' names; preliminary pages in Roman numerals; a language note",
     "Smith, J., Brown, K. History of Azerbaijan. – New York: Springer, 2019. – XII, 300 p. (in English)",
     {"authors": ["Smith, J.", "Brown, K."], "title": "History of Azerbaijan", "pagetotal": "300", "note": ["XII"],
      "markers": ["(in English)"]}),
    ("an abbreviation before an acronym does not end a sentence",
     "Гусейнов Г. Из истории мысли. Баку, Изд-во АН Азерб. ССР, 1958, 712 с.",
     {"title": "Из истории мысли", "places": ["Баку"], "publishers": ["Изд-во АН Азерб. ССР"], "year": "1958"}),
    ("a place and its year joined by a hyphen",
     "Məmmədov Ə. Tarix oçerkləri. Bakı-2005, 200 s.",
     {"title": "Tarix oçerkləri", "places": ["Bakı"], "year": "2005", "pagetotal": "200"}),
    ("the Soviet comma habit in a host: lower-case page word",
     "Сафаров Ю. Название статьи. // Вопросы истории, 2005, № 3, с. 10-20.",
     {"entry_type": "article", "host.title": "Вопросы истории", "year": "2005", "number": "3", "pages": "10--20"}),
    ("a quoted newspaper with its word for 'newspaper' and a dated issue",
     'Nəsirov Ə. Məqalə adı // "Azərbaycan" qəzeti, 12 may 2005.',
     {"entry_type": "article", "host.title": "Azərbaycan", "date": "12 may", "year": "2005", "markers": ["qəzeti"]}),
    ("HTML entities copied from a web page",
     "Иванов И. И. Название &ndash; М. : Наука, 2001 &ndash; 200 с.",
     {"title": "Название", "places": ["Москва"], "publishers": ["Наука"], "pagetotal": "200"}),
    ("'В 2-х т.': the number of volumes with its case ending",
     "Алиев Г. А. Избранные труды. В 2-х т. Т. 1. – Баку : Элм, 2005. – 500 с.",
     {"title": "Избранные труды", "volumes": "В 2-х т.", "volume": "1"}),
    ("a volume in Roman numerals after its label is not a sentence; the larger work before it, without '//'",
     "Turaev B. A. Drevnij Vostok.-İstoriya Vostoka,t.II, SPb.,1911.",
     {"entry_type": "incollection", "title": "Drevnij Vostok", "host.title": "İstoriya Vostoka", "volume": "II",
      "places": ["Sankt-Peterburq"], "year": "1911"}),
    ("conference materials under their own title are proceedings",
     "Новітні технології : матеріали Міжнар. наук.-практ. конф. (Київ, 20–21 квіт. 2019 р.) / за ред. "
     "І. І. Іванова. Київ : КНУ, 2019. 300 с.",
     {"entry_type": "proceedings", "authors": [], "editors": ["Іванов, І. І."], "pagetotal": "300"}),
    ("an Azerbaijani editorial board; 'Kitab 1' is a volume",
     "Azərbaycan tarixi : 7 cilddə / red. heyəti: Z. Bünyadov. – Bakı : Elm, 2001. – Kitab 5. – 500 s.",
     {"editors": ["Bünyadov, Z."], "volume": "5", "pagetotal": "500"}),
    ("a journal without '//' keeps its series",
     "Мельник О. Стаття про реформи. Вісник Київського університету. Серія: Історія. 2017. Вип. 3. С. 45–50.",
     {"entry_type": "article", "title": "Стаття про реформи",
      "host.title": "Вісник Київського університету. Серія: Історія", "number": "3", "pages": "45--50"}),
    ("a book of a volume ('Т. 2, кн. 1'); the print run is a note",
     "Ильин И. А. Собрание сочинений : в 10 т. Т. 2, кн. 1 / И. А. Ильин. – М. : Русская книга, 1993. – 496 с. "
     "– 1000 экз.",
     {"title": "Собрание сочинений", "maintitle": "", "volume": "2", "note": ["1000 экз", "в 10 т.", "кн. 1"]}),
    ("an address that a line end broke with a space is read whole",
     "Державна служба статистики України. Населення. URL: https://ukrstat.gov.ua/operativ/menu/menu_u/ "
     "ds.htm?id=12&lang=uk (дата звернення: 05.02.2021).",
     {"url": "https://ukrstat.gov.ua/operativ/menu/menu_u/ ds.htm?id=12&lang=uk", "urldate": "2021-02-05"}),
    ("an address ending a sentence is not continued into the next words",
     "Kitabxana haqqında. – URL: http://anl.az/el/ Bakı : Azərnəşr, 2011. – 30 s.",
     {"url": "http://anl.az/el/", "places": ["Bakı"], "publishers": ["Azərnəşr"], "pagetotal": "30"}),
    ("a word broken at a line end is joined; a suspended compound keeps its hyphen",
     "Məmmədov, Ə. Orta əsr- lər Azərbaycan ədəbiyyatı : ikinci- və üçüncü kurslar üçün dərs vəsaiti. – "
     "Bakı : Elm, 2004. – 120 s.",
     {"title": "Orta əsrlər Azərbaycan ədəbiyyatı", "genre": "ikinci- və üçüncü kurslar üçün dərs vəsaiti",
      "pagetotal": "120"}),
]


def _value(ref: polybib.Reference, path: str):
    target = ref
    for name in path.split("."):
        target = getattr(target, name)
    if isinstance(target, list) and target and isinstance(target[0], polybib.Person):
        return [p.display() for p in target]
    return target


@pytest.mark.parametrize(("rule", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parser_rule(rule, text, expected):
    ref = polybib.parse_reference(text)
    got = {path: _value(ref, path) for path in expected}
    assert got == expected
    assert lost_words(ref) == []


def test_unparsed_text_is_kept_with_a_diagnostic():
    ref = polybib.parse_reference("Title. – М. : Наука, 2019. – 100 с. – zzz qqq")
    assert "zzz qqq" in ref.note
    assert [d.code for d in ref.diagnostics if d.code == "unparsed-text"] == ["unparsed-text"]
    assert ref.partly_understood


def test_empty_reference_is_an_error_diagnostic_not_an_exception():
    ref = polybib.parse_reference("   ")
    assert [d.code for d in ref.diagnostics] == ["empty"]


def test_look_alike_letters_are_repaired_with_a_diagnostic():
    ref = polybib.parse_reference("Азербайджанcкая Республика. – Баку : Элм, 2001. – 100 с.")
    assert ref.title == "Азербайджанская Республика"
    assert "mixed-script-word" in {d.code for d in ref.diagnostics}


@pytest.mark.parametrize("text", [
    "Иванова М. А. Методика [Электронный ресурс]. – Электрон. текстовые дан. – Минск : БГУ, 2015. – Режим "
    "доступа: http://elib.bsu.by/handle/1234, свободный. – Загл. с экрана.",
    "Шамсизаде Н. Азербайджанская культура. – Баку : Азернешр, 1990. – 200 с. – Библиогр.: с. 190–198.",
])
def test_gost_notes_are_understood(text):
    ref = polybib.parse_reference(text)
    assert not ref.partly_understood, [d.message for d in ref.diagnostics]
