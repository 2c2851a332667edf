"""Drives Weblate's own tmserver machinery (weblate.machinery.tmserver, unmodified, from PyPI)
against a running `kioku serve`, the way Weblate uses it: the settings-form check, the language
list, suggestions through the full pipeline (placeholders, threshold, cache), and the answers'
quality and escaping. Prints what it saw; exits 1 when an expectation fails.

    python weblate_check.py BASE_URL STRICT_BASE_URL

BASE_URL is a default `kioku serve` over the seed memory; STRICT_BASE_URL one started with
--strict-pairs (to show what Weblate says about a 404).
"""
import json
import os
import sys
import tempfile
import urllib.request

work = tempfile.mkdtemp(prefix="kioku-weblate-")
settings = os.path.join(work, "kioku_weblate_settings.py")
with open(settings, "w") as out:
    out.write(
        "from weblate.settings_example import *\n"
        f"DATA_DIR = {work!r}\n"
        f"DATABASES = {{'default': {{'ENGINE': 'django.db.backends.sqlite3', 'NAME': {os.path.join(work, 'db.sqlite3')!r}}}}}\n"
        "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'},\n"
        "          'avatar': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}\n"
        "SECRET_KEY = 'kioku-client-check'\n"
    )
sys.path.insert(0, work)
os.environ["DJANGO_SETTINGS_MODULE"] = "kioku_weblate_settings"

import django  # noqa: E402

django.setup()

from django.core.exceptions import ValidationError  # noqa: E402

from importlib.metadata import version  # noqa: E402
WEBLATE_VERSION = version("weblate")
from weblate.machinery.tmserver import TMServerTranslation  # noqa: E402

base, strict_base = sys.argv[1], sys.argv[2]
failures = []


def expect(condition, what):
    print(("  ok    " if condition else "  FAIL  ") + what)
    if not condition:
        failures.append(what)


def lookups_served(url):
    metrics = urllib.request.urlopen(url + "/metrics").read().decode()
    return int(next(line.split()[1] for line in metrics.splitlines() if line.startswith("kioku_lookups_total ")))


print(f"Weblate {WEBLATE_VERSION}, machinery class {TMServerTranslation.__module__}.{TMServerTranslation.__name__}")
print(f"kioku serve at {base}/tmserver")

print("\n1. Saving the service in Weblate's settings form (validate_settings: languages, then en→de 'test')")
machine = TMServerTranslation({"url": base + "/tmserver"})
try:
    machine.validate_settings()
    expect(True, "the settings check passes on a TM without German")
except ValidationError as error:
    expect(False, f"the settings check passes on a TM without German: {error}")
strict = TMServerTranslation({"url": strict_base + "/tmserver"})
try:
    strict.validate_settings()
    expect(False, "with --strict-pairs the check fails")
except ValidationError as error:
    message = " ".join(error.messages)
    print(f"        Weblate says: {message[:240]}")
    expect("404" in message and "/tmserver/languages/" in message and "/api/v1/" not in message,
           "with --strict-pairs the check fails with a 404 naming /tmserver/languages/")

print("\n2. Languages (download_languages, supported_languages, is_supported)")
pairs = machine.download_languages()
print(f"        {len(pairs)} pairs, e.g. {sorted(pairs)[:4]}")
expect(("en", "ru") in pairs and ("ja", "en") in pairs and ("ru", "ja") in pairs, "en↔ru, en↔ja and ru↔ja are offered")
expect(machine.is_supported("en", "ru") and not machine.is_supported("en", "de"), "is_supported: en→ru yes, en→de no")

print("\n3. Suggestions through Weblate's pipeline (_translate: cleanup, threshold 75, cache)")
seed = {
    "exact": "Moscow and Tokyo have still not signed a peace treaty following the end of World War II.",
    "fuzzy": "Moscow and Tokyo still have not signed a peace treaty after the end of World War II.",
    "unrelated": "The weather in Lisbon was sunny and warm all week.",
}
cases = [
    ("en", "ru", seed["exact"], "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.", 100),
    ("en", "ru", seed["fuzzy"], "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.", None),
    ("en", "ru", seed["unrelated"], None, None),
    ("en", "ja", seed["exact"], "モスクワと東京は、第二次世界大戦の終結後、いまだに平和条約を締結していない。", 100),
    ("ru", "en", "Москва и Токио до сих пор не подписали мирный договор после окончания Второй мировой войны.", seed["exact"], 100),
]
for source, target, text, expected, quality in cases:
    results = machine._translate(source, target, [(text, None)], None, 75)[text]
    shown = [(r["quality"], r["text"][:60]) for r in results]
    print(f"        {source}→{target} {text[:50]!r}… → {shown}")
    if expected is None:
        expect(results == [], f"{source}→{target}: an unrelated sentence gets no suggestion")
    else:
        expect(bool(results) and results[0]["text"] == expected and results[0]["service"] == "tmserver",
               f"{source}→{target}: the TM's translation comes first")
        if quality is not None:
            expect(results[0]["quality"] == quality, f"{source}→{target}: quality {quality}")
        else:
            expect(75 <= results[0]["quality"] < 100, f"{source}→{target}: a fuzzy quality between 75 and 99 ({results[0]['quality']})")

print("\n4. Weblate's cache: the same question again is not sent")
before = lookups_served(base)
machine._translate("en", "ru", [(seed["exact"], None)], None, 75)
expect(lookups_served(base) == before, "a repeated suggestion is served from Weblate's cache (no request reached Kioku)")

print("\n5. Escaping, carriage returns and long texts, as Weblate sends them")
for text, expected, quality in [("Tokyo/Kyoto?", "Токио/Киото?", 100), ('50% of #1 & "quotes"', "50% от №1 и «кавычки»", 100),
                                ("line one\r\nline two", "строка один строка два", 99), ("Владивосток " * 60, None, None)]:
    try:
        results = machine._translate("en", "ru", [(text, None)], None, 75)[text]
        shown = [(r["quality"], r["text"]) for r in results]
        print(f"        {text[:30]!r} ({len(text)} characters) → {shown[:1]}")
        if expected is None:
            expect(results == [], f"{text[:20]!r}…: answered (nothing like it in the TM)")
        else:
            expect(bool(results) and results[0]["text"] == expected and results[0]["quality"] == quality,
                   f"{text[:30]!r}: its unit at {quality}")
    except Exception as error:  # noqa: BLE001
        expect(False, f"{text[:30]!r}: {error}")

print("\n6. What Weblate sends: the text cut at 500 characters, \\r as a space, no min_similarity")
requests_seen = []
original = machine.request


def recording(method, url, **kwargs):
    requests_seen.append(url)
    return original(method, url, **kwargs)


machine.request = recording
long_text = "Putin " * 120 + "\r\nAbe"
machine._translate("en", "ru", [(long_text, None)], None, 75)
url = requests_seen[-1]
print(f"        GET {url[:110]}…")
expect("min_similarity" not in url and "max_candidates" not in url, "no min_similarity or max_candidates: Kioku's defaults (70, 5) apply")
expect("%0D" not in url and len(urllib.parse.unquote(url.rsplit("/unit/", 1)[1])) == 500, "the text is cut at 500 characters, \\r sent as a space")

print("\n7. Markup: Weblate replaces placeables (here python-format) with [X…X] placeholders before asking")


class FormatUnit:
    """What Weblate's cleanup reads of a unit: its flags and source plurals."""

    def __init__(self, text):
        from weblate.checks.flags import Flags

        self.all_flags = Flags("python-format")
        self.text = text

    def get_source_plurals(self):
        return [self.text]


text = "Putin met %s in %(city)s on Monday."
sent, replacements = machine.cleanup_text(text, FormatUnit(text))
print(f"        Weblate sends {sent!r} (replacements {replacements})")
results = machine._translate("en", "ru", [(text, FormatUnit(text))], None, 75)[text]
print(f"        → {[(r['quality'], r['text']) for r in results]}")
expect(bool(results) and results[0]["text"] == "Путин встретился с %s в %(city)s в понедельник." and results[0]["quality"] >= 75,
       "the TM's unit with the real format specifiers is suggested, and Weblate puts them back")

print()
if failures:
    print(f"{len(failures)} expectation(s) failed")
    sys.exit(1)
print("every expectation held")
