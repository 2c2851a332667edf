#!/usr/bin/python3
"""The web page of `kioku serve`, driven in a real browser (headless Chromium through Selenium):
search the seed memory and see the diff, enter the write token, edit a unit and see the next lookup
return the new text, delete it and see it gone, and see a clear error with a wrong token. Also the
concordance marks, the glossary check, the stats chart, phone width, the keyboard, and no
Content-Security-Policy violation. Run by scripts/browser-test.sh against a server it starts.

    web_page_test.py URL TOKEN [SCREENSHOT_DIR]
"""
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import Select, WebDriverWait

URL, TOKEN = sys.argv[1].rstrip("/"), sys.argv[2]
SHOTS = sys.argv[3] if len(sys.argv) > 3 else None
QUERY = "During the gathering in Vladivostok, President Putin and PM Abe agreed to meet on December 16 in Japan."
OLD_RU = "Во время встречи во Владивостоке президент Путин и премьер Абэ договорились вновь встретиться 15 декабря в Японии."
NEW_RU = "Во Владивостоке Путин и Абэ договорились снова встретиться 15 декабря в Японии."
checks = 0


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise AssertionError(message)


def shot(name):
    if SHOTS:
        browser.save_screenshot(f"{SHOTS}/{name}.png")


def until(condition, timeout=10):
    """Waits for `condition(browser)`; an element replaced by a reload meanwhile is asked again."""
    return WebDriverWait(browser, timeout, ignored_exceptions=(StaleElementReferenceException, WebDriverException)).until(condition)


def wait_for(locator, timeout=10):
    return until(ec.presence_of_element_located(locator), timeout)


def search(text, mode="lookup", src="en", tgt="ru"):
    browser.get(URL + "/")
    area = browser.find_element(By.ID, "q")
    area.clear()
    area.send_keys(text)
    browser.find_element(By.CSS_SELECTOR, f"input[name=mode][value={mode}]").click()
    Select(browser.find_element(By.ID, "src")).select_by_value(src)
    Select(browser.find_element(By.ID, "tgt")).select_by_value(tgt)
    browser.find_element(By.CSS_SELECTOR, "form.search button[type=submit]").click()
    wait_for((By.CSS_SELECTOR, "main h2, p.empty, p.error"))


def enter_token(value):
    field = browser.find_element(By.ID, "token")
    field.clear()
    field.send_keys(value + Keys.ENTER)  # the keyboard way
    until(lambda b: b.find_element(By.ID, "token-state").text == "token entered")


options = webdriver.ChromeOptions()
for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,1000"):
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
browser = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
try:
    # 1. A fuzzy lookup with the word diff.
    search(QUERY)
    match = wait_for((By.CSS_SELECTOR, "li.match"))
    check(match.find_element(By.CSS_SELECTOR, ".score").text == "89%", "the 89% match")
    check([d.text.strip() for d in match.find_elements(By.TAG_NAME, "del")] == ["once again", "15"], "what only the TM's sentence has is struck")
    check([i.text.strip() for i in match.find_elements(By.TAG_NAME, "ins")] == ["16"], "what only the query has is marked")
    check(match.find_element(By.CSS_SELECTOR, "p.target").text == OLD_RU, "the stored translation")
    check(match.find_element(By.CSS_SELECTOR, "p.target").get_attribute("lang") == "ru", "the target carries lang=ru")
    shot("web-search")

    # 2. The unit page: read-only until a token is entered.
    match.find_element(By.LINK_TEXT, "unit 22").click()
    wait_for((By.ID, "variant-1"))
    check(browser.find_element(By.ID, "variant-1").get_attribute("readonly") is not None, "read-only without a token")
    check(not browser.find_element(By.ID, "delete-unit").is_enabled(), "delete disabled without a token")
    check(browser.find_element(By.ID, "variant-2").get_attribute("lang") == "ja", "the Japanese variant carries lang=ja")

    # 3. A wrong token: a clear error, nothing changed.
    enter_token("not-the-token")
    ru = browser.find_element(By.ID, "variant-1")
    ru.clear()
    ru.send_keys(NEW_RU)
    browser.find_element(By.CSS_SELECTOR, "form.variant[data-lang=ru] button").click()
    until(lambda b: "refused" in b.find_element(By.ID, "write-status").text)
    status = browser.find_element(By.ID, "write-status")
    check("write token was refused" in status.text and "error" in status.get_attribute("class"), "the wrong token is named: " + status.text)
    shot("web-wrong-token")
    browser.refresh()
    check(wait_for((By.ID, "variant-1")).get_attribute("value") == OLD_RU, "a refused edit changes nothing")

    # 4. The right token: the edit is saved, the history keeps the old text.
    browser.find_element(By.ID, "token-forget").click()
    enter_token(TOKEN)
    ru = browser.find_element(By.ID, "variant-1")
    ru.clear()
    ru.send_keys(NEW_RU)
    browser.find_element(By.CSS_SELECTOR, "form.variant[data-lang=ru] button").click()
    until(ec.staleness_of(ru))  # the page reloads after a save
    until(lambda b: b.find_element(By.ID, "write-status").text == "Saved.")
    check(browser.find_element(By.ID, "variant-1").get_attribute("value") == NEW_RU, "the new text after the reload")
    history = browser.find_element(By.CSS_SELECTOR, "ol.history").text
    check(OLD_RU in history, "the history keeps the replaced text")
    shot("web-unit")

    # 5. The next lookup returns the new text.
    search(QUERY)
    check(wait_for((By.CSS_SELECTOR, "li.match p.target")).text == NEW_RU, "the next lookup answers with the edit")

    # 6. Delete it (two presses), and it is gone.
    browser.get(URL + "/units/22")
    remove = wait_for((By.ID, "delete-unit"))
    check(remove.is_enabled(), "the token is kept for the tab")
    remove.click()
    check("Really delete unit 22" in remove.text, "a deletion asks again")
    remove.click()
    until(lambda b: "deleted=22" in b.current_url)
    check("Unit 22 was deleted." in browser.find_element(By.CSS_SELECTOR, "p.notice").text, "the deletion is confirmed")
    search(QUERY)
    check(browser.find_elements(By.CSS_SELECTOR, "li.match") == [], "a deleted unit is not found")
    check("No en→ru match" in browser.find_element(By.CSS_SELECTOR, "p.empty").text, "the page says there is no match")
    browser.get(URL + "/units/22")
    check("There is no unit 22" in browser.find_element(By.TAG_NAME, "main").text, "the deleted unit's page says it is gone")
    with urllib.request.urlopen(URL + "/units/21") as response:
        check(response.status == 200, "other units are there")

    # 7. Concordance, with the phrase marked.
    search("Vladivostok", mode="concordance")
    hits = browser.find_elements(By.CSS_SELECTOR, "li.hit")
    check(len(hits) == 5, f"five segments still name Vladivostok (one was deleted), got {len(hits)}")
    check(all(h.find_element(By.TAG_NAME, "mark").text == "Vladivostok" for h in hits), "the phrase is marked in each")
    shot("web-concordance")

    # 8. The glossary check of a pasted pair.
    browser.get(URL + "/check")
    Select(browser.find_element(By.ID, "src")).select_by_value("en")
    Select(browser.find_element(By.ID, "tgt")).select_by_value("ru")
    browser.find_element(By.ID, "source").send_keys("Shinzo Abe met Putin in Vladivostok.")
    browser.find_element(By.ID, "target").send_keys("Шинзо Абе встретился с Путиным во Владивостоке.")
    browser.find_element(By.CSS_SELECTOR, "form.check button").click()
    finding = wait_for((By.CSS_SELECTOR, "ul.findings li.error"))
    check("«Шинзо Абе»" in finding.text and "Синдзо Абэ" in finding.text, "the wrong name and the right one: " + finding.text)
    shot("web-check")

    # 9. Stats with a chart.
    browser.get(URL + "/stats")
    check(len(browser.find_elements(By.CSS_SELECTOR, "svg.chart rect")) == 3, "a bar per language")
    check("24 units" in browser.find_element(By.CSS_SELECTOR, "p.totals").text, "the count after the deletion")
    shot("web-stats")

    # 10. The keyboard: the first Tab reaches the skip link, which leads to the content.
    browser.get(URL + "/")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = browser.switch_to.active_element
    check(active.get_attribute("class") == "skip", "the first Tab stop is the skip link")
    active.send_keys(Keys.ENTER)
    check(browser.current_url.endswith("#main"), "the skip link jumps to the content")

    # 11. Phone width: nothing wider than the screen.
    browser.set_window_size(390, 844)
    search("Abe also addressed Japan’s financial representatives in Vladivostok, urging them to increase cooperation with Russia, "
           "according to TASS who cited the NHK broadcaster.")
    check(len(browser.find_elements(By.CSS_SELECTOR, "li.match")) >= 1, "a match at phone width")
    width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    check(width[0] <= width[1], f"no sideways scrolling at phone width: {width}")
    shot("web-phone")

    # 12. No Content-Security-Policy violation (nor any other error) on any page.
    problems = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"
                and "/units/22" not in entry["message"] and "status of 401" not in entry["message"]]
    check(problems == [], f"console errors: {problems}")
finally:
    browser.quit()
print(f"web page: {checks} checks passed in a real browser (Chromium, headless)")
