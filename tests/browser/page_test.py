#!/usr/bin/env python3
"""Browser test of the search page that `newssearch serve` serves.

Usage: page_test.py NEWSINDEX NEWSSEARCH CORPUS_DIR FIXTURES_DIR SCREENSHOT_DIR

Indexes the seed corpus and the hostile fixture into a temporary database, starts the server on a
free port and drives headless Chromium through the page: searching, facets and chips, the
histogram, paging and the back button, the article view, did-you-mean, "+N similar", markup in
articles shown as text, the `/` key and a phone-sized layout. Exits 0 when every check passes,
1 on the first failure (with a message and a screenshot), 77 when selenium, Chromium or
chromedriver is missing.
"""

import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

SKIP = 77
WAIT_SECONDS = 10

# Expected values from the seed corpus (corpus/), as `newssearch --format json` reports them.
QUERY = 'troops'
QUERY_TOTAL = 12
SEED_TITLE = 'the Pentagon chief, the United States denies leaving Iraq'
SEED_BODY_TEXT = 'There was no decision to leave Iraq'
FACET_PERSON = 'Mikael Austerby'
FACET_PERSON_COUNT = 4
YEAR = '2020'
YEAR_COUNT = 6
DATE_FROM, DATE_TO, DATE_RANGE_COUNT = '2020-01', 'february 2020', 4  # Two in Jan, two in Feb.
MISSPELT = 'troopz'
HOSTILE_WORD = 'zanzibarite'
HOSTILE_TITLE_TEXT = '<script>alert(1)</script>'
HOSTILE_BODY_TEXT = '<img src=x onerror=alert(2)>'


def skip(message):
    print('SKIP: ' + message)
    sys.exit(SKIP)


try:
    from selenium import webdriver
    from selenium.common.exceptions import (NoAlertPresentException, StaleElementReferenceException,
                                            TimeoutException)
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    # Debian's python3-selenium belongs to the system interpreter; a python3 found first on PATH
    # (a virtualenv, pyenv) may lack it, so try the system one before giving up.
    SYSTEM_PYTHON = '/usr/bin/python3'
    if (os.path.exists(SYSTEM_PYTHON) and not os.environ.get('NEWSARCHIVE_PAGE_TEST_REEXEC')
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON)):
        os.environ['NEWSARCHIVE_PAGE_TEST_REEXEC'] = '1'
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    skip('python3-selenium is not installed')


class Failure(Exception):
    pass


def find_program(names, paths):
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    for path in paths:
        if os.access(path, os.X_OK):
            return path
    return None


def run(command):
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        raise Failure('%s exited %d: %s' % (' '.join(command), result.returncode,
                                            result.stderr.strip()))


class Server:
    """`newssearch serve` on a free port; its stderr is drained by a thread."""

    def __init__(self, newssearch, db):
        self.process = subprocess.Popen(
            [newssearch, 'serve', '--db', db, '--listen', '127.0.0.1:0'],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        self.lines = queue.Queue()
        self.log = []
        threading.Thread(target=self._drain, daemon=True).start()
        self.url = self._wait_for_url()

    def _drain(self):
        for line in self.process.stderr:
            self.log.append(line.rstrip('\n'))
            self.lines.put(line)
        self.lines.put(None)

    def _wait_for_url(self):
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if line is None:
                raise Failure('newssearch serve exited %s before listening: %s' %
                              (self.process.wait(), ' | '.join(self.log)))
            match = re.search(r'listening on (http://127\.0\.0\.1:\d+)', line)
            if match:
                return match.group(1)
        raise Failure('newssearch serve printed no "listening on http://127.0.0.1:PORT" line '
                      'within 15 s')

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
                raise Failure('newssearch serve did not stop within 10 s of SIGTERM')


class PageTest:
    def __init__(self, driver, base, screenshots):
        self.driver = driver
        self.base = base
        self.screenshots = screenshots
        self.step = 'start'

    # ---- helpers ----

    def wait(self, condition, what, seconds=WAIT_SECONDS):
        try:
            # A re-render may replace an element between finding and reading it: look again.
            return WebDriverWait(self.driver, seconds, poll_frequency=0.05,
                                 ignored_exceptions=[StaleElementReferenceException]).until(
                lambda d: condition(d))
        except TimeoutException:
            raise Failure('timed out after %d s waiting for %s' % (seconds, what)) from None

    def css(self, selector):
        return self.driver.find_elements(By.CSS_SELECTOR, selector)

    def one(self, selector):
        found = self.css(selector)
        if not found:
            raise Failure('no element matches %s' % selector)
        return found[0]

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.screenshots, name + '.png'))

    def params(self):
        return urllib.parse.parse_qs(urllib.parse.urlsplit(self.driver.current_url).query)

    def hit_ids(self):
        return [hit.get_attribute('data-id') for hit in self.css('#results > .hit')]

    def total(self):
        return self.driver.execute_script(
            "const t = document.getElementById('total');"
            "return t && !document.getElementById('summary').hidden ? t.dataset.total : null;")

    def wait_total(self, expected, what):
        self.wait(lambda d: self.total() == str(expected),
                  '%s: result count %s (it shows %s)' % (what, expected, self.total()))

    def no_alert(self):
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            raise Failure('a JavaScript alert opened: %r' % text)
        except NoAlertPresentException:
            pass

    def search(self, text):
        box = self.one('#q')
        box.clear()
        box.send_keys(text + Keys.ENTER)
        self.wait(lambda d: self.params().get('q') == [text], 'q=%s in the URL' % text)

    def check(self, condition, message):
        if not condition:
            raise Failure(message)

    # ---- the checks ----

    def run(self):
        checks = [self.loads, self.query_shows_seed_article, self.person_facet_narrows,
                  self.chip_removes, self.year_bar_narrows, self.paging_and_back,
                  self.article_view, self.date_boxes_narrow, self.bad_date_shows_error,
                  self.sort_newest, self.did_you_mean, self.hostile_markup_is_text,
                  self.slash_focuses_query, self.phone_layout, self.no_csp_violations]
        for check in checks:
            self.step = check.__name__
            began = time.monotonic()
            check()
            self.no_alert()
            print('ok   %-24s %5.1f s' % (self.step, time.monotonic() - began), flush=True)

    def loads(self):
        self.driver.get(self.base + '/')
        self.wait(lambda d: re.search(r'\d+ articles', self.one('#stats').text),
                  'the article count on the start page')
        self.check(self.one('#help').is_displayed() is False, 'the syntax help starts open')
        self.one('#help-toggle').click()
        self.wait(lambda d: self.one('#help').is_displayed(), 'the syntax help to open')
        help_text = self.one('#help').text
        for word in ['OR', 'NOT', 'NEAR', 'title:', 'person:', 'place:', 'org:', 'date:', '*']:
            self.check(word in help_text, 'the syntax help does not mention %s' % word)
        self.one('#help-toggle').click()
        self.wait(lambda d: not self.one('#help').is_displayed(), 'the syntax help to close')

    def query_shows_seed_article(self):
        self.search(QUERY)
        self.wait(lambda d: len(self.hit_ids()) == 10, '10 hits for %r' % QUERY)
        self.wait_total(QUERY_TOTAL, QUERY)
        titles = [t.text for t in self.css('#results .hit .hit-title')]
        self.check(SEED_TITLE in titles, 'the seed article %r is not among %r' % (SEED_TITLE, titles))
        marks = [m.text.lower() for m in self.css('#results .hit mark')]
        self.check(QUERY in marks, 'no <mark>%s</mark> highlight in the results' % QUERY)
        seed = self.seed_hit()
        self.check(seed.find_element(By.CSS_SELECTOR, '.hit-date').get_attribute('datetime')
                   == '2020-01-06', 'the seed article is not dated 2020-01-06')
        self.check('Mark Esper' in seed.find_element(By.CSS_SELECTOR, '.hit-persons').text,
                   'the seed article does not list Mark Esper')
        self.check(seed.find_elements(By.CSS_SELECTOR, '.hit-snippet mark'),
                   'the seed article snippet has no highlight')
        self.check(self.css('#histogram .bar'), 'no histogram bars')
        self.shot('results')

    def seed_hit(self):
        for hit in self.css('#results > .hit'):
            if hit.find_element(By.CSS_SELECTOR, '.hit-title').text == SEED_TITLE:
                return hit
        raise Failure('the seed article is not on this page')

    def person_facet_narrows(self):
        rows = {}
        for button in self.css('#facet-person li button'):
            rows[button.find_element(By.CSS_SELECTOR, '.facet-name').text] = (
                button.find_element(By.CSS_SELECTOR, '.count').text, button)
        self.check(FACET_PERSON in rows, 'the person facet lacks %s: %r' % (FACET_PERSON,
                                                                            list(rows)))
        count, button = rows[FACET_PERSON]
        self.check(count == str(FACET_PERSON_COUNT), 'the person facet gives %s %s, expected %d'
                   % (FACET_PERSON, count, FACET_PERSON_COUNT))
        button.click()
        self.wait(lambda d: [c.get_attribute('data-value') for c in self.css('#chips .chip-person')]
                  == [FACET_PERSON], 'a %s chip' % FACET_PERSON)
        self.wait_total(FACET_PERSON_COUNT, 'person ' + FACET_PERSON)
        self.wait(lambda d: len(self.hit_ids()) == FACET_PERSON_COUNT,
                  '%d hits' % FACET_PERSON_COUNT)
        self.check(self.params().get('person') == [FACET_PERSON], 'person= is not in the URL')
        for hit in self.css('#results > .hit'):
            self.check(FACET_PERSON in hit.find_element(By.CSS_SELECTOR, '.hit-persons').text,
                       'a narrowed hit does not list %s' % FACET_PERSON)
        self.shot('facet-narrowed')

    def chip_removes(self):
        self.one('#chips .chip-person .chip-remove').click()
        self.wait(lambda d: not self.css('#chips .chip'), 'the chip to go')
        self.wait_total(QUERY_TOTAL, 'the chip removed')
        self.check('person' not in self.params(), 'person= stays in the URL')

    def year_bar_narrows(self):
        bars = {b.get_attribute('data-value'): b for b in self.css('#histogram .bar')}
        self.check(YEAR in bars, 'no %s bar among %r' % (YEAR, list(bars)))
        self.check(bars[YEAR].get_attribute('data-count') == str(YEAR_COUNT),
                   'the %s bar counts %s, expected %d' % (YEAR, bars[YEAR].get_attribute(
                       'data-count'), YEAR_COUNT))
        bars[YEAR].click()
        self.wait_total(YEAR_COUNT, 'the %s bar' % YEAR)
        params = self.params()
        self.check(params.get('from') == [YEAR] and params.get('to') == [YEAR],
                   'from/to in the URL are %r/%r' % (params.get('from'), params.get('to')))
        self.check(self.one('#from').get_attribute('value') == YEAR, 'From does not show the year')
        dates = [t.get_attribute('datetime') for t in self.css('#results > .hit .hit-date')]
        self.check(len(dates) == YEAR_COUNT and all(d and d.startswith(YEAR + '-') for d in dates),
                   'dates outside %s: %r' % (YEAR, dates))
        self.wait(lambda d: self.one('#histogram').get_attribute('data-kind') == 'month',
                  'the histogram to show months')
        months = [b.get_attribute('data-value') for b in self.css('#histogram .bar')]
        self.check(months and all(m.startswith(YEAR + '-') for m in months),
                   'the month bars are not of %s: %r' % (YEAR, months))
        self.one('#histogram-up').click()
        self.wait_total(QUERY_TOTAL, 'all years again')
        self.wait(lambda d: self.one('#histogram').get_attribute('data-kind') == 'year',
                  'the histogram to show years again')

    def paging_and_back(self):
        first_url = self.driver.current_url
        first = self.hit_ids()
        self.check(len(first) == 10, 'page 1 has %d hits' % len(first))
        self.one('#next').click()
        self.wait(lambda d: self.params().get('offset') == ['10'], 'offset=10 in the URL')
        self.wait(lambda d: len(self.hit_ids()) == QUERY_TOTAL - 10,
                  '%d hits on page 2' % (QUERY_TOTAL - 10))
        second = self.hit_ids()
        self.check(not set(first) & set(second), 'page 2 repeats hits of page 1')
        self.check(self.one('#page-info').text.startswith('11'), 'the pager says %r' %
                   self.one('#page-info').text)
        self.check(not self.one('#next').is_enabled(), 'Next is enabled on the last page')
        self.driver.back()
        self.wait(lambda d: self.driver.current_url == first_url, 'the URL of page 1 again')
        self.wait(lambda d: self.hit_ids() == first, 'the hits of page 1 again')
        self.check(self.one('#q').get_attribute('value') == QUERY, 'the query box lost the query')

    def article_view(self):
        results_url = self.driver.current_url
        self.seed_hit().find_element(By.CSS_SELECTOR, '.hit-title').click()
        self.wait(lambda d: self.one('#article-view').is_displayed(), 'the article view')
        self.check(self.params().get('article'), 'article= is not in the URL')
        self.wait(lambda d: SEED_BODY_TEXT in self.one('#article-body').text,
                  'the article body')
        self.check(SEED_TITLE.lower() in self.one('#article-title').text.lower()
                   or self.one('#article-title').text, 'the article has no title')
        self.check('2020' in self.one('#article-meta').text, 'the article date is missing')
        self.check(not self.one('#results-view').is_displayed(), 'results show with the article')
        self.shot('article-view')
        self.one('#back').click()
        self.wait(lambda d: self.driver.current_url == results_url, 'the results URL again')
        self.wait(lambda d: self.one('#results-view').is_displayed() and
                  not self.one('#article-view').is_displayed(), 'the results again')
        self.check(self.seed_hit(), 'the seed article is gone from the results')

    def set_dates(self, first, last):
        for box_id, value in (('from', first), ('to', last)):
            box = self.one('#' + box_id)
            box.clear()
            if value:
                box.send_keys(value)
        self.one('#to').send_keys(Keys.ENTER)

    def date_boxes_narrow(self):
        self.set_dates(DATE_FROM, DATE_TO)
        self.wait(lambda d: self.params().get('to') == [DATE_TO], 'to=%s in the URL' % DATE_TO)
        self.wait_total(DATE_RANGE_COUNT, 'from %s to %s' % (DATE_FROM, DATE_TO))
        dates = [t.get_attribute('datetime') for t in self.css('#results > .hit .hit-date')]
        self.check(all(d and '2020-01-01' <= d <= '2020-02-29' for d in dates),
                   'dates outside January-February 2020: %r' % dates)
        chip = self.one('#chips .chip-date')
        self.check(DATE_TO in chip.text, 'the date chip says %r' % chip.text)
        chip.find_element(By.CSS_SELECTOR, '.chip-remove').click()
        self.wait_total(QUERY_TOTAL, 'the date chip removed')
        self.check(self.one('#from').get_attribute('value') == '', 'From kept its date')

    def bad_date_shows_error(self):
        self.set_dates('not a date', '')
        self.wait(lambda d: self.one('#error').is_displayed() and self.one('#error').text,
                  'an error message for a bad date')
        self.check(not self.hit_ids(), 'results show beside the error')
        self.set_dates('', '')
        self.wait_total(QUERY_TOTAL, 'the bad date cleared')
        self.check(not self.one('#error').is_displayed(), 'the error stays')

    def sort_newest(self):
        Select(self.one('#sort')).select_by_value('newest')
        self.wait(lambda d: self.params().get('sort') == ['newest'], 'sort=newest in the URL')
        self.wait(lambda d: (lambda ds: len(ds) == 10 and ds == sorted(ds, reverse=True))(
            [t.get_attribute('datetime') or '' for t in self.css('#results > .hit .hit-date')]),
            'hits newest first')
        Select(self.one('#sort')).select_by_value('relevance')
        self.wait(lambda d: 'sort' not in self.params(), 'sort gone from the URL')

    def did_you_mean(self):
        self.search(MISSPELT)
        self.wait(lambda d: self.css('#suggestion'), 'a did-you-mean suggestion')
        self.check(self.one('#suggestion').text == QUERY, 'the suggestion is %r' %
                   self.one('#suggestion').text)
        self.check('%d articles' % QUERY_TOTAL in self.one('.note-suggestion').text,
                   'the suggestion does not say %d articles' % QUERY_TOTAL)
        self.check(MISSPELT in self.one('#unmatched-note').text, 'no note naming %s' % MISSPELT)
        self.one('#suggestion').click()
        self.wait(lambda d: self.params().get('q') == [QUERY], 'q=%s after the suggestion' % QUERY)
        self.wait_total(QUERY_TOTAL, 'the suggestion followed')

    def hostile_markup_is_text(self):
        self.search(HOSTILE_WORD)
        self.wait(lambda d: len(self.hit_ids()) == 1, 'one hit for %s' % HOSTILE_WORD)
        hit = self.one('#results > .hit')
        title = hit.find_element(By.CSS_SELECTOR, '.hit-title').text
        self.check(HOSTILE_TITLE_TEXT in title, 'the title %r does not show %r as text'
                   % (title, HOSTILE_TITLE_TEXT))
        self.check(hit.find_elements(By.CSS_SELECTOR, '.hit-title mark'),
                   'the hostile title has no highlight')
        for tag in ['script', 'img', 'iframe', 'b']:
            self.check(not self.css('#results %s' % tag), 'a <%s> element inside the results' % tag)
        toggle = self.one('#results > .hit .similar-toggle')
        self.check(toggle.text == '+1 similar', 'the duplicates toggle says %r' % toggle.text)
        toggle.click()
        self.wait(lambda d: len(self.css('#results .similar-list .hit')) == 1,
                  'the other version of the story')
        self.shot('hostile')
        hit.find_element(By.CSS_SELECTOR, '.hit-title').click()
        self.wait(lambda d: self.one('#article-view').is_displayed(), 'the hostile article')
        self.wait(lambda d: HOSTILE_BODY_TEXT in self.one('#article-body').text,
                  'the body showing %r as text' % HOSTILE_BODY_TEXT)
        self.check(HOSTILE_TITLE_TEXT in self.one('#article-title').text,
                   'the article title does not show %r' % HOSTILE_TITLE_TEXT)
        for tag in ['script', 'img', 'iframe', 'b']:
            self.check(not self.css('#article-view %s' % tag),
                       'a <%s> element inside the article view' % tag)
        for link in self.css('#article-view a'):
            href = (link.get_attribute('href') or '').lower()
            self.check(not href.startswith('javascript:'), 'a javascript: link in the article')
        self.no_alert()
        self.shot('hostile-article')
        self.one('#back').click()
        self.wait(lambda d: self.one('#results-view').is_displayed(), 'the results again')

    def slash_focuses_query(self):
        self.one('#summary').click()
        self.check(self.driver.switch_to.active_element.get_attribute('id') != 'q',
                   'the query box kept the focus')
        ActionChains(self.driver).send_keys('/').perform()
        self.wait(lambda d: d.switch_to.active_element.get_attribute('id') == 'q',
                  'the query box to take the focus on /')
        self.check(self.one('#q').get_attribute('value') == HOSTILE_WORD,
                   'the / key was typed into the query box')
        box = self.one('#from')
        box.click()
        box.send_keys('/')
        self.check(box.get_attribute('value') == '/', '/ in the From box did not type a /')
        self.check(self.driver.switch_to.active_element.get_attribute('id') == 'from',
                   '/ in the From box moved the focus')
        box.clear()

    def phone_layout(self):
        self.driver.set_window_size(390, 844)
        self.driver.get(self.base + '/?q=' + QUERY)
        self.wait(lambda d: len(self.hit_ids()) == 10, 'the results on a phone')
        width = self.driver.execute_script('return document.documentElement.scrollWidth')
        inner = self.driver.execute_script('return window.innerWidth')
        self.check(width <= inner, 'the page scrolls sideways on a phone (%d > %d)' % (width, inner))
        self.shot('phone')
        self.driver.set_window_size(1280, 900)

    def no_csp_violations(self):
        try:
            logs = self.driver.get_log('browser')
        except Exception:  # Some driver versions have no log endpoint; nothing to check then.
            return
        blocked = [e['message'] for e in logs if 'Content Security Policy' in e.get('message', '')]
        self.check(not blocked, 'the page broke its Content-Security-Policy: %s' % blocked[0]
                   if blocked else '')


def main():
    if len(sys.argv) != 6:
        print('usage: page_test.py NEWSINDEX NEWSSEARCH CORPUS_DIR FIXTURES_DIR SCREENSHOT_DIR',
              file=sys.stderr)
        return 2
    newsindex, newssearch, corpus, fixtures, screenshots = sys.argv[1:]
    chromium = find_program(['chromium', 'chromium-browser', 'google-chrome'],
                            ['/usr/bin/chromium', '/usr/lib/chromium/chromium'])
    chromedriver = find_program(['chromedriver'], ['/usr/bin/chromedriver',
                                                   '/usr/lib/chromium/chromedriver'])
    if not chromium:
        skip('chromium is not installed')
    if not chromedriver:
        skip('chromedriver (chromium-driver) is not installed')
    os.makedirs(screenshots, exist_ok=True)

    started = time.monotonic()
    workdir = tempfile.mkdtemp(prefix='newsarchive-browser-')
    server = None
    driver = None
    test = None
    try:
        db = os.path.join(workdir, 'db')
        run([newsindex, 'index', '-q', '--db', db, corpus])
        run([newsindex, 'index', '-q', '--db', db, os.path.join(fixtures, 'hostile.jsonl')])
        print('indexed in %.1f s' % (time.monotonic() - started), flush=True)
        server = Server(newssearch, db)
        print('server up at %s after %.1f s' % (server.url, time.monotonic() - started), flush=True)
        with urllib.request.urlopen(server.url + '/', timeout=10) as response:
            csp = response.headers.get('Content-Security-Policy', '')
        if "script-src 'self'" not in csp:
            raise Failure('GET / carries no Content-Security-Policy with script-src \'self\': %r'
                          % csp)

        options = Options()
        options.binary_location = chromium
        for argument in ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage',
                         '--window-size=1280,900', '--disable-gpu', '--no-first-run',
                         '--disable-extensions', '--lang=en-US']:
            options.add_argument(argument)
        options.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
        driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
        driver.set_window_size(1280, 900)
        test = PageTest(driver, server.url, screenshots)
        test.run()
        print('PASS: the search page in %.1f s (screenshots in %s)' %
              (time.monotonic() - started, screenshots))
        return 0
    except Failure as failure:
        step = test.step if test else 'setup'
        print('FAIL (%s): %s' % (step, failure))
        if driver:
            try:
                driver.save_screenshot(os.path.join(screenshots, 'failure.png'))
                print('  at %s; screenshot failure.png in %s' % (driver.current_url, screenshots))
            except Exception:
                pass
        if server and server.log:
            print('  server stderr: ' + ' | '.join(server.log[-10:]))
        return 1
    except Exception as error:  # WebDriver errors: report them as failures, not tracebacks.
        print('FAIL (%s): %s: %s' % (test.step if test else 'setup', type(error).__name__,
                                     str(error).strip().splitlines()[0] if str(error).strip()
                                     else ''))
        return 1
    finally:
        if driver:
            try:
                driver.quit()
            except Exception:
                pass
        if server:
            try:
                server.stop()
            except Failure as failure:
                print('FAIL (shutdown): %s' % failure)
                sys.exit(1)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
