"""Translate Toolkit (PyPI) and Kioku, both ways: TT's TMX and XLIFF readers open what
`kioku export` writes, and `kioku import` reads what TT's po2tmx and po2xliff write. Prints what it saw; exits 1
when an expectation fails.

    python translate_toolkit_check.py KIOKU WORK_DIR SEED_TM
"""
import json
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from translate.storage import tmx, xliff

kioku, work, seed = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
failures = []


def expect(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what)
    if not condition:
        failures.append(what)


def run(*arguments):
    return subprocess.run(arguments, capture_output=True, text=True, check=False)


def units_of(tm):
    """The TM's units as (source, target) rows, by way of kioku export --format tsv."""
    rows = run(kioku, "export", "--tm", str(tm), "--to", "-", "--format", "tsv").stdout.splitlines()[1:]
    return [tuple(row.split("\t")) for row in rows]


print(f"Translate Toolkit {version('translate-toolkit')}")

print("\n1. Translate Toolkit reads what kioku export writes (TMX 1.4b)")
for languages, name in [("en,ru", "seed-en-ru.tmx"), (None, "seed.tmx")]:
    path = work / name
    run(kioku, "export", "--tm", seed, "--to", str(path), *(["--langs", languages] if languages else []))
    store = tmx.tmxfile.parsefile(open(path, "rb"))
    units = [unit for unit in store.units if unit.source]
    print(f"        {name}: {len(units)} units; first: {units[0].source[:40]!r} → {units[0].target[:40]!r}")
    expect(len(units) == 25, f"{name}: all 25 units")
    expect(units[6].source.startswith("Moscow and Tokyo have still not signed") and units[6].target.startswith("Москва и Токио"),
           f"{name}: sources in English, targets in Russian")

print("\n1b. Translate Toolkit reads what kioku export writes (XLIFF 1.2), en→ru and en→ja")
for pair, target_start in [("en,ru", "Москва и Токио"), ("en,ja", "モスクワと東京")]:
    path = work / f"seed-{pair.replace(',', '-')}.xlf"
    result = run(kioku, "export", "--tm", seed, "--to", str(path), "--langs", pair)
    store = xliff.xlifffile.parsefile(open(path, "rb"))
    units = [unit for unit in store.units if unit.source]
    moscow = next((unit for unit in units if unit.source.startswith("Moscow and Tokyo have still not signed")), None)
    print(f"        {path.name}: {len(units)} units, {store.getsourcelanguage()}→{store.gettargetlanguage()}; "
          f"{moscow.source[:30]!r} → {moscow.target[:30] if moscow else None!r}")
    expect(result.returncode == 0 and len(units) == 25, f"{path.name}: all 25 units")
    expect(store.getsourcelanguage() == "en" and store.gettargetlanguage() == pair[3:], f"{path.name}: the file names the pair")
    expect(moscow is not None and moscow.target.startswith(target_start) and moscow.istranslated(),
           f"{path.name}: sources in English, translated targets")
bin_dir = Path(sys.executable).parent
po_out = work / "seed-en-ru.po"
converted = run(str(bin_dir / "xliff2po"), str(work / "seed-en-ru.xlf"), str(po_out))
from translate.storage import po as po_storage
entries = [unit for unit in po_storage.pofile.parsefile(open(po_out, "rb")).units if not unit.isheader()] if po_out.exists() else []
print(f"        xliff2po seed-en-ru.xlf: {len(entries)} entries, {sum(unit.isfuzzy() for unit in entries)} fuzzy")
expect(converted.returncode == 0 and len(entries) == 25 and not any(unit.isfuzzy() for unit in entries),
       "xliff2po turns it into 25 translated, non-fuzzy PO entries (the TM's translations are approved)")
if shutil.which("msgfmt"):
    checked = run("msgfmt", "--check", "-o", "/dev/null", str(po_out))
    expect(checked.returncode == 0, "msgfmt --check accepts that PO file" + ("" if checked.returncode == 0 else f": {checked.stderr.strip()[:300]}"))

print("\n2. kioku import reads what po2tmx and po2xliff write")
po = work / "job.po"
po.write_text('''msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

msgid "Moscow and Tokyo"
msgstr "Москва и Токио"

msgctxt "menu"
msgid "Open"
msgstr "Открыть"

#, fuzzy
msgid "The summit ended."
msgstr "Саммит закончился."

msgid "Untranslated sentence."
msgstr ""

msgid "One island"
msgid_plural "%d islands"
msgstr[0] "%d остров"
msgstr[1] "%d острова"
msgstr[2] "%d островов"

msgid "He said \\"peace\\" & <left>."
msgstr "Он сказал «мир» & <ушёл>."
''', encoding="utf-8")
bin_dir = Path(sys.executable).parent
run(str(bin_dir / "po2tmx"), "-l", "ru", str(po), str(work / "job.tmx"))
run(str(bin_dir / "po2xliff"), str(po), str(work / "job.xlf"))
expected = {("Moscow and Tokyo", "Москва и Токио"), ("Open", "Открыть"), ("One island", "%d остров"),
            ("%d islands", "%d острова"), ("%d islands", "%d островов"), ('He said "peace" & <left>.', "Он сказал «мир» & <ушёл>.")}
for name in ["job.tmx", "job.xlf"]:
    tm = work / f"{name}.kioku"
    for suffix in ["", "-wal", "-shm", "-journal"]:
        Path(str(tm) + suffix).unlink(missing_ok=True)
    result = run(kioku, "import", str(work / name), "--tm", str(tm), "--json")
    report = json.loads(result.stdout) if result.returncode == 0 else {}
    units = set(units_of(tm))
    print(f"        {name}: {report.get('added')} added, {report.get('skipped')} skipped "
          f"({', '.join(sorted({s['kind'] for s in report.get('skips', [])}))})")
    expect(result.returncode == 0, f"{name}: imported ({result.stderr.strip()[:120]})")
    expect(units == expected, f"{name}: the six translated entries, plural forms included; the fuzzy, the untranslated and the header left out"
           + ("" if units == expected else f" — got extra {units - expected}, missing {expected - units}"))

print()
if failures:
    print(f"{len(failures)} expectation(s) failed")
    sys.exit(1)
print("every expectation held")
