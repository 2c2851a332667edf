#!/usr/bin/env python3
"""Writes the bundled glossaries in glossaries/.

- names-and-places.tbx / .tsv: the people, places, countries and agencies of the seed
  article (../shared/seed: the Japan–Russia summit in Vladivostok) in EN/RU/JA, with the
  usual forbidden variants. Written by the Kioku team.
- countries.tsv: the countries of the world in EN/RU/JA, built from
  ../shared/data/names/countries.tsv (umpirsky/country-list, from CLDR; MIT licence —
  the attribution is kept at the top of the file).

Run from the repository root: python3 scripts/build_glossaries.py
"""
import html
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "glossaries")
SHARED = os.path.join(HERE, "..", "..", "shared", "data", "names", "countries.tsv")

# id, type, note, then terms: (lang, text, status) with status p(referred) a(dmitted) f(orbidden)
CONCEPTS = [
    ("shinzo-abe", "person", "Prime Minister of Japan 2012–2020. Russian news style: Синдзо Абэ (Polivanov), never Шинзо Абе.", [
        ("en", "Shinzo Abe", "p"), ("en", "Abe", "a"),
        ("ru", "Синдзо Абэ", "p"), ("ru", "Абэ", "a"),
        ("ru", "Шинзо Абе", "f"), ("ru", "Шинзо Абэ", "f"), ("ru", "Синдзо Абе", "f"), ("ru", "Абе", "f"),
        ("ja", "安倍晋三", "p"), ("ja", "安倍", "a"), ("ja", "阿部晋三", "f")]),
    ("vladimir-putin", "person", "President of Russia.", [
        ("en", "Vladimir Putin", "p"), ("en", "Putin", "a"),
        ("ru", "Владимир Путин", "p"), ("ru", "Путин", "a"), ("ru", "Путен", "f"), ("ru", "Путэн", "f"),
        ("ja", "ウラジーミル・プーチン", "p"), ("ja", "プーチン", "a"), ("ja", "プーティン", "f")]),
    ("vladivostok", "place", "City in the Russian Far East, host of the Eastern Economic Forum.", [
        ("en", "Vladivostok", "p"), ("ru", "Владивосток", "p"),
        ("ja", "ウラジオストク", "p"), ("ja", "ウラジオストック", "f")]),
    ("moscow", "place", None, [
        ("en", "Moscow", "p"), ("ru", "Москва", "p"), ("ja", "モスクワ", "p"), ("ja", "モスコー", "f")]),
    ("tokyo", "place", None, [
        ("en", "Tokyo", "p"), ("ru", "Токио", "p"), ("ru", "Токё", "f"), ("ja", "東京", "p")]),
    ("sochi", "place", None, [
        ("en", "Sochi", "p"), ("ru", "Сочи", "p"), ("ja", "ソチ", "p")]),
    ("japan", "place", None, [
        ("en", "Japan", "p"), ("ru", "Япония", "p"), ("ru", "Ниппон", "f"), ("ja", "日本", "p")]),
    ("russia", "place", None, [
        ("en", "Russia", "p"), ("en", "Russian Federation", "a"),
        ("ru", "Россия", "p"), ("ru", "Российская Федерация", "a"), ("ru", "РФ", "a"),
        ("ja", "ロシア", "p"), ("ja", "露西亜", "f")]),
    ("soviet-union", "place", "The USSR (1922–1991).", [
        ("en", "Soviet Union", "p"), ("en", "USSR", "a"),
        ("ru", "Советский Союз", "p"), ("ru", "СССР", "a"),
        ("ja", "ソビエト連邦", "p"), ("ja", "ソ連", "a"), ("ja", "ソヴィエト連邦", "f")]),
    ("far-east", "place", "The Russian Far East (Дальний Восток).", [
        ("en", "Far East", "p"), ("en", "Far Eastern", "a"),
        ("ru", "Дальний Восток", "p"), ("ru", "дальневосточный", "a"),
        ("ja", "極東", "p")]),
    ("russian-far-east", "place", "Longer than «Far East» and «Russia»: the longest match wins.", [
        ("en", "Russian Far East", "p"), ("ru", "Дальний Восток России", "p"), ("ja", "ロシア極東", "p")]),
    ("ukraine", "place", None, [
        ("en", "Ukraine", "p"), ("ru", "Украина", "p"), ("ja", "ウクライナ", "p")]),
    ("kuril-islands", "place", "The island chain between Hokkaido and Kamchatka; the Japanese name is 千島列島.", [
        ("en", "Kuril Islands", "p"), ("en", "Kurile Islands", "a"), ("en", "Kurils", "a"),
        ("ru", "Курильские острова", "p"), ("ru", "Курилы", "a"),
        ("ja", "千島列島", "p"), ("ja", "クリル諸島", "a")]),
    ("southern-kurils", "place", "The disputed islands under their Russian name.", [
        ("en", "Southern Kuril Islands", "p"), ("en", "South Kurils", "a"),
        ("ru", "Южные Курилы", "p"), ("ru", "Южные Курильские острова", "a"),
        ("ja", "南クリル諸島", "p")]),
    ("northern-territories", "place", "The disputed islands under their Japanese name.", [
        ("en", "Northern Territories", "p"),
        ("ru", "Северные территории", "p"),
        ("ja", "北方領土", "p"), ("ja", "北方四島", "a")]),
    ("world-war-ii", "other", None, [
        ("en", "World War II", "p"), ("en", "Second World War", "a"), ("en", "WWII", "a"),
        ("ru", "Вторая мировая война", "p"), ("ja", "第二次世界大戦", "p")]),
    ("tass", "organization", "Russian news agency.", [
        ("en", "TASS", "p"), ("ru", "ТАСС", "p"), ("ja", "タス通信", "p"), ("ja", "タス", "a")]),
    ("nhk", "organization", "Japan's public broadcaster.", [
        ("en", "NHK", "p"), ("ru", "NHK", "p"), ("ru", "Эн-эйч-кей", "a"), ("ja", "NHK", "p")]),
    ("nikkei", "organization", "Nihon Keizai Shimbun, the business daily.", [
        ("en", "Nikkei", "p"), ("ru", "Nikkei", "p"), ("ru", "Никкэй", "a"), ("ru", "Никкей", "f"),
        ("ja", "日本経済新聞", "p"), ("ja", "日経", "a")]),
    ("foreign-ministry-japan", "organization", "Japan's Ministry of Foreign Affairs.", [
        ("en", "Foreign Ministry", "p"), ("en", "Ministry of Foreign Affairs", "a"),
        ("ru", "МИД Японии", "p"), ("ru", "Министерство иностранных дел Японии", "a"), ("ru", "МИД", "a"),
        ("ja", "外務省", "p")]),
]

STATUS = {"p": ("preferred", "preferredTerm-admn-sts"), "a": ("admitted", "admittedTerm-admn-sts"),
          "f": ("forbidden", "deprecatedTerm-admn-sts")}


def esc(text):
    return html.escape(text, quote=False)


def write_tbx(path):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<martif type="TBX-Basic" xml:lang="en">',
           '  <martifHeader>',
           '    <fileDesc><sourceDesc><p>Kioku: names and places of the seed article (Japan–Russia summit, Vladivostok, 2016)</p></sourceDesc></fileDesc>',
           '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
           '  </martifHeader>', '  <text>', '    <body>']
    for cid, ctype, note, terms in CONCEPTS:
        out.append(f'      <termEntry id="{cid}">')
        out.append(f'        <descrip type="subjectField">{ctype}</descrip>')
        if note:
            out.append(f'        <note>{esc(note)}</note>')
        for lang in ("en", "ru", "ja"):
            mine = [t for t in terms if t[0] == lang]
            if not mine:
                continue
            out.append(f'        <langSet xml:lang="{lang}">')
            for _, text, status in mine:
                out.append('          <tig>')
                out.append(f'            <term>{esc(text)}</term>')
                out.append(f'            <termNote type="administrativeStatus">{STATUS[status][1]}</termNote>')
                out.append('            <termNote type="partOfSpeech">properNoun</termNote>')
                out.append('          </tig>')
            out.append('        </langSet>')
        out.append('      </termEntry>')
    out += ['    </body>', '  </text>', '</martif>', '']
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def write_tsv(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("id\ttype\ten\tru\tja\tstatus\n")
        for cid, ctype, _, terms in CONCEPTS:
            for status in ("p", "a", "f"):
                row = {lang: "; ".join(t[1] for t in terms if t[0] == lang and t[2] == status) for lang in ("en", "ru", "ja")}
                if any(row.values()):
                    f.write(f"{cid}\t{ctype}\t{row['en']}\t{row['ru']}\t{row['ja']}\t{STATUS[status][0]}\n")


# Common names besides CLDR's, admitted (the team's own list): what news desks write.
ADMITTED = {
    "US": {"en": ["US", "U.S.", "USA"], "ru": ["США", "Соединённые Штаты"], "ja": ["米国", "アメリカ"]},
    "GB": {"en": ["Britain", "UK", "U.K.", "Great Britain"], "ru": ["Британия", "Соединённое Королевство"], "ja": ["英国"]},
    "KP": {"en": ["DPRK"], "ru": ["Северная Корея"], "ja": []},
    "KR": {"en": ["Korea"], "ru": ["Южная Корея"], "ja": ["大韓民国"]},
    "CN": {"en": ["PRC"], "ru": ["КНР"], "ja": ["中華人民共和国"]},
    "CZ": {"en": ["Czech Republic"], "ru": ["Чешская Республика"], "ja": []},
    "AE": {"en": ["UAE"], "ru": ["Объединённые Арабские Эмираты"], "ja": []},
    "NL": {"en": ["Holland"], "ru": ["Голландия"], "ja": ["オランダ"]},
    "MM": {"en": ["Myanmar", "Burma"], "ru": ["Мьянма", "Бирма"], "ja": ["ミャンマー"]},
    "HK": {"en": ["Hong Kong"], "ru": ["Гонконг"], "ja": ["香港"]},
    "MO": {"en": ["Macau", "Macao"], "ru": ["Макао"], "ja": ["マカオ"]},
    "CD": {"en": ["Democratic Republic of the Congo", "DR Congo"], "ru": ["ДР Конго"], "ja": []},
    "CG": {"en": ["Republic of the Congo"], "ru": ["Республика Конго"], "ja": []},
    "TW": {"en": [], "ru": [], "ja": ["台湾"]},
    "RU": {"en": ["Russian Federation"], "ru": ["Российская Федерация", "РФ"], "ja": []},
    "VA": {"en": ["Vatican"], "ru": ["Ватикан"], "ja": ["バチカン"]},
    "PS": {"en": ["Palestine"], "ru": ["Палестина"], "ja": ["パレスチナ"]},
}


def write_countries(path):
    if not os.path.exists(SHARED):
        print("../shared/data/names/countries.tsv is absent; countries.tsv left as it is")
        return
    with open(SHARED, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    head = rows[0]
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Country names in English, Russian and Japanese, keyed by ISO 3166-1 code.\n")
        f.write("# Built by scripts/build_glossaries.py from umpirsky/country-list (data from CLDR),\n")
        f.write("# Copyright (c) Saša Stamenković, MIT License: https://github.com/umpirsky/country-list\n")
        f.write("# Admitted names besides CLDR's (US, USA, США, 米国…) are the Kioku team's own list.\n")
        f.write("id\ttype\ten\tru\tja\tstatus\n")
        for row in rows[1:]:
            fields = dict(zip(head, row))
            iso = fields["iso3166"]
            f.write(f"{iso}\tplace\t{fields.get('en', '')}\t{fields.get('ru', '')}\t{fields.get('ja', '')}\tpreferred\n")
            extra = {lang: list(ADMITTED.get(iso, {}).get(lang, [])) for lang in ("en", "ru", "ja")}
            # CLDR's "Myanmar (Burma)", "Congo - Kinshasa": the plain names are admitted too
            for lang in ("en", "ru", "ja"):
                name = fields.get(lang, "")
                for sep in (" (", " - ", "（"):
                    if sep in name:
                        base = name.split(sep)[0].strip()
                        if base and base not in extra[lang]:
                            extra[lang].append(base)
            if any(extra.values()):
                f.write(f"{iso}\tplace\t{fields.get('en', '')}\t{'; '.join(extra['ru'])}\t{'; '.join(extra['ja'])}\tadmitted\n".replace(
                    f"\tplace\t{fields.get('en', '')}\t", f"\tplace\t{'; '.join(extra['en'])}\t", 1))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_tbx(os.path.join(OUT, "names-and-places.tbx"))
    write_tsv(os.path.join(OUT, "names-and-places.tsv"))
    write_countries(os.path.join(OUT, "countries.tsv"))
