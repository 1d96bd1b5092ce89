// The search page of `newssearch serve`. The page's whole state lives in the URL's query string,
// so a search can be shared and the back button walks through earlier searches. Text from the
// archive goes into the page as text nodes only; the two fields carrying <mark> highlights are
// split into text and <mark> elements by hand rather than parsed as HTML.
'use strict';

(function () {
  const PAGE_SIZE = 10;
  const FILTER_KINDS = ['person', 'place', 'org'];
  const FACETS = ['person', 'place', 'org', 'year', 'month'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
    'Dec'];
  const KIND_LABEL = { person: 'Person', place: 'Place', org: 'Organisation', date: 'Date' };

  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  // ---- State <-> URL ------------------------------------------------------------------------

  function emptyState() {
    return { q: '', from: '', to: '', person: [], place: [], org: [], sort: 'relevance',
      offset: 0, article: '' };
  }

  function stateFromUrl() {
    const params = new URLSearchParams(window.location.search);
    const state = emptyState();
    state.q = params.get('q') || '';
    state.from = params.get('from') || '';
    state.to = params.get('to') || '';
    for (const kind of FILTER_KINDS) state[kind] = params.getAll(kind).filter((v) => v !== '');
    const sort = params.get('sort');
    if (sort === 'newest' || sort === 'oldest') state.sort = sort;
    const offset = parseInt(params.get('offset') || '0', 10);
    state.offset = Number.isFinite(offset) && offset > 0 ? offset : 0;
    state.article = params.get('article') || '';
    return state;
  }

  // The search part of the state as query parameters (no article, no paging when asked).
  function searchParams(state, withOffset) {
    const params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    if (state.from) params.set('from', state.from);
    if (state.to) params.set('to', state.to);
    for (const kind of FILTER_KINDS) for (const value of state[kind]) params.append(kind, value);
    if (state.sort !== 'relevance') params.set('sort', state.sort);
    if (withOffset && state.offset > 0) params.set('offset', String(state.offset));
    return params;
  }

  function urlFor(state) {
    const params = searchParams(state, true);
    if (state.article) params.set('article', state.article);
    const text = params.toString();
    return text ? '/?' + text : '/';
  }

  function hasSearch(state) {
    return Boolean(state.q || state.from || state.to ||
      FILTER_KINDS.some((kind) => state[kind].length > 0));
  }

  let current = emptyState();

  // Moves to a new state: records it in the history, then shows it.
  function navigate(next, options) {
    const replace = options && options.replace;
    const url = urlFor(next);
    const record = { page: true, fromResults: Boolean(options && options.fromResults) };
    if (replace) history.replaceState(record, '', url);
    else if (url !== window.location.pathname + window.location.search) {
      history.pushState(record, '', url);
    }
    show(next);
  }

  function copyState(state) {
    const copy = Object.assign({}, state);
    for (const kind of FILTER_KINDS) copy[kind] = state[kind].slice();
    return copy;
  }

  // ---- Fetching -----------------------------------------------------------------------------

  const cache = new Map();

  async function getJson(url) {
    if (cache.has(url)) return cache.get(url);
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === 'string' && body.error ? body.error
        : 'The server answered ' + response.status + ' ' + response.statusText + '.';
      throw new Error(message);
    }
    if (cache.size > 100) cache.clear();
    cache.set(url, body);
    return body;
  }

  // Facets and totals do not change with the page or the order, and counting them is most of a
  // search's cost on a large archive: each search's are kept here, by searchKey(), so paging and
  // re-sorting ask the server for the hits alone.
  const counted = new Map();

  function searchKey(state) {
    const params = searchParams(Object.assign(copyState(state), { offset: 0, sort: 'relevance' }),
      false);
    return params.toString();
  }

  function searchUrl(state, extra, withFacets) {
    const params = searchParams(state, true);
    if (withFacets !== false) for (const facet of FACETS) params.append('facet', facet);
    params.set('limit', String(PAGE_SIZE));
    if (extra) for (const [key, value] of Object.entries(extra)) params.set(key, value);
    return '/api/search?' + params.toString();
  }

  // ---- Safe rendering of highlighted text ---------------------------------------------------

  const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'",
    '&#x27;': "'", '&apos;': "'" };

  function decodeEntities(text) {
    return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (entity) => ENTITIES[entity]);
  }

  // Turns escaped text whose only markup is <mark>...</mark> into nodes. Anything else that
  // looks like markup stays literal text, because nothing here is ever parsed as HTML.
  function highlighted(html) {
    const fragment = document.createDocumentFragment();
    let mark = null;
    for (const part of String(html || '').split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') {
        mark = mark || el('mark');
      } else if (part === '</mark>') {
        if (mark) fragment.appendChild(mark);
        mark = null;
      } else if (part) {
        (mark || fragment).appendChild(document.createTextNode(decodeEntities(part)));
      }
    }
    if (mark) fragment.appendChild(mark);
    return fragment;
  }

  function formatDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!match) return 'Undated';
    return parseInt(match[3], 10) + ' ' + MONTHS[parseInt(match[2], 10) - 1] + ' ' + match[1];
  }

  function formatMonth(value) {
    const match = /^(\d{4})-(\d{2})$/.exec(value);
    return match ? MONTHS[parseInt(match[2], 10) - 1] : value;
  }

  const number = (n) => Number(n).toLocaleString('en');

  // ---- Views --------------------------------------------------------------------------------

  let searchSeq = 0;

  function showError(message) {
    const box = $('error');
    box.textContent = message || '';
    box.hidden = !message;
  }

  function setBusy(busy) {
    document.body.classList.toggle('busy', busy);
  }

  function fillForm(state) {
    if (document.activeElement !== $('q') || $('q').value !== state.q) $('q').value = state.q;
    $('from').value = state.from;
    $('to').value = state.to;
    $('sort').value = state.sort;
  }

  async function show(state) {
    current = state;
    fillForm(state);
    renderChips(state);
    if (state.article) {
      await showArticle(state);
    } else {
      $('article-view').hidden = true;
      $('results-view').hidden = false;
      await showResults(state);
    }
  }

  function clearResults() {
    $('results').replaceChildren();
    $('summary').hidden = true;
    $('pager').hidden = true;
    $('notes').replaceChildren();
    for (const kind of FILTER_KINDS) $('facet-' + kind).replaceChildren();
    $('histogram').replaceChildren();
    $('histogram-up').hidden = true;
    document.body.classList.remove('has-results');
  }

  async function showResults(state) {
    const seq = ++searchSeq;
    showError('');
    if (!hasSearch(state)) {
      clearResults();
      $('welcome').hidden = false;
      document.title = 'Newsarchive search';
      return;
    }
    $('welcome').hidden = true;
    setBusy(true);
    let data;
    try {
      const known = counted.get(searchKey(state));
      if (known) {
        data = Object.assign({}, await getJson(searchUrl(state, null, false)), known);
      } else {
        data = await getJson(searchUrl(state));
        if (counted.size > 100) counted.clear();
        counted.set(searchKey(state), { facets: data.facets, total_estimate: data.total_estimate,
          total_exact: data.total_exact, total_articles: data.total_articles });
      }
    } catch (error) {
      if (seq !== searchSeq) return;
      setBusy(false);
      clearResults();
      showError(error.message);
      return;
    }
    if (seq !== searchSeq) return;
    setBusy(false);
    document.body.classList.add('has-results');
    document.title = (state.q || 'Browse') + ' – Newsarchive search';
    renderSummary(state, data);
    renderNotes(state, data);
    renderHits(state, data);
    renderPager(state, data);
    renderFacets(state, data.facets || {});
    renderHistogram(state, data.facets || {});
  }

  function renderSummary(state, data) {
    const summary = $('summary');
    summary.replaceChildren();
    const total = el('span', null, number(data.total_estimate));
    total.id = 'total';
    total.dataset.total = String(data.total_estimate);
    if (!data.total_exact) summary.appendChild(document.createTextNode('About '));
    summary.appendChild(total);
    summary.appendChild(document.createTextNode(data.total_estimate === 1 ? ' article' : ' articles'));
    if (state.q) {
      summary.appendChild(document.createTextNode(' for '));
      summary.appendChild(el('strong', 'summary-query', state.q));
    }
    summary.hidden = false;
  }

  function renderNotes(state, data) {
    const notes = $('notes');
    notes.replaceChildren();
    if (Array.isArray(data.unmatched_words) && data.unmatched_words.length) {
      const note = el('p', 'note note-unmatched');
      note.id = 'unmatched-note';
      note.appendChild(document.createTextNode('No article contains '));
      data.unmatched_words.forEach((word, i) => {
        if (i) note.appendChild(document.createTextNode(', '));
        note.appendChild(el('strong', null, word));
      });
      note.appendChild(document.createTextNode('.'));
      notes.appendChild(note);
    }
    if (data.suggestion && data.suggestion.query) {
      const note = el('p', 'note note-suggestion');
      note.appendChild(document.createTextNode('Did you mean '));
      const link = el('a', null, data.suggestion.query);
      link.id = 'suggestion';
      const next = copyState(state);
      next.q = data.suggestion.query;
      next.offset = 0;
      link.href = urlFor(next);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        navigate(next);
      });
      note.appendChild(link);
      const count = data.suggestion.total_estimate;
      note.appendChild(document.createTextNode('? (' + number(count) +
        (count === 1 ? ' article)' : ' articles)')));
      notes.appendChild(note);
    }
    if (data.undated_matches > 0) {
      const n = data.undated_matches;
      const note = el('p', 'note note-undated', number(n) +
        (n === 1 ? ' undated article also matches' : ' undated articles also match') +
        ' (the date range leaves out articles without a date).');
      note.id = 'undated-note';
      notes.appendChild(note);
    }
    if (data.undated_listed_last) {
      notes.appendChild(el('p', 'note note-undated-last', 'Articles without a date are listed last.'));
    }
  }

  function hitNode(state, hit, nested) {
    const item = el('li', nested ? 'hit similar-hit' : 'hit');
    item.dataset.id = hit.id;
    if (hit.story) item.dataset.story = hit.story;

    const title = el('h3', 'hit-heading');
    const link = el('a', 'hit-title');
    const target = copyState(state);
    target.article = hit.id;
    link.href = urlFor(target);
    link.appendChild(highlighted(hit.title_html || hit.title || hit.id));
    if (!link.textContent.trim()) link.textContent = hit.id;
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      navigate(target, { fromResults: true });
    });
    title.appendChild(link);
    item.appendChild(title);

    const meta = el('p', 'meta');
    const time = el('time', 'hit-date', formatDate(hit.date));
    if (hit.date) time.dateTime = hit.date;
    meta.appendChild(time);
    if (hit.source) {
      meta.appendChild(el('span', 'sep', '·'));
      meta.appendChild(el('span', 'hit-source', hit.source));
    }
    item.appendChild(meta);

    if (hit.snippet) {
      const snippet = el('p', 'hit-snippet');
      snippet.appendChild(highlighted(hit.snippet));
      item.appendChild(snippet);
    }

    if (Array.isArray(hit.persons) && hit.persons.length) {
      const persons = el('p', 'hit-persons');
      for (const person of hit.persons) {
        const button = el('button', 'person-tag', person);
        button.type = 'button';
        button.title = 'Only articles mentioning ' + person;
        button.addEventListener('click', () => addFilter('person', person));
        persons.appendChild(button);
      }
      item.appendChild(persons);
    }

    if (!nested && hit.duplicates > 0 && hit.story) {
      const toggle = el('button', 'similar-toggle',
        '+' + hit.duplicates + ' similar');
      toggle.type = 'button';
      toggle.setAttribute('aria-expanded', 'false');
      const list = el('ol', 'similar-list');
      list.hidden = true;
      toggle.addEventListener('click', () => toggleSimilar(state, hit, toggle, list));
      item.appendChild(toggle);
      item.appendChild(list);
    }
    return item;
  }

  // The other versions of a story: the same search with duplicates shown, keeping the hits of
  // this hit's story.
  async function toggleSimilar(state, hit, toggle, list) {
    if (!list.hidden) {
      list.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      return;
    }
    toggle.setAttribute('aria-expanded', 'true');
    list.hidden = false;
    if (list.dataset.loaded) return;
    list.replaceChildren(el('li', 'loading', 'Loading…'));
    try {
      const params = searchParams(state, false);
      params.set('duplicates', 'show');
      params.set('limit', '200');
      const data = await getJson('/api/search?' + params.toString());
      list.replaceChildren();
      const others = data.results.filter((r) => r.story === hit.story && r.id !== hit.id);
      for (const other of others) list.appendChild(hitNode(state, other, true));
      if (!others.length) list.appendChild(el('li', 'loading', 'No other versions in this search.'));
      list.dataset.loaded = '1';
    } catch (error) {
      list.replaceChildren(el('li', 'loading', error.message));
    }
  }

  function renderHits(state, data) {
    const results = $('results');
    results.replaceChildren();
    results.start = (data.offset || 0) + 1;
    for (const hit of data.results || []) results.appendChild(hitNode(state, hit, false));
    if (!(data.results || []).length) {
      const empty = el('li', 'empty', state.offset > 0 ? 'No more results.'
        : 'No articles match. Try fewer words, OR between words, or a wider date range.');
      results.appendChild(empty);
    }
  }

  function renderPager(state, data) {
    const total = data.total_estimate || 0;
    const count = (data.results || []).length;
    const pager = $('pager');
    pager.hidden = total <= PAGE_SIZE && state.offset === 0;
    $('prev').disabled = state.offset === 0;
    $('next').disabled = state.offset + count >= total || count < PAGE_SIZE;
    $('page-info').textContent = count
      ? (state.offset + 1) + '–' + (state.offset + count) + ' of ' +
        (data.total_exact ? '' : 'about ') + number(total)
      : '';
  }

  function renderFacets(state, facets) {
    for (const kind of FILTER_KINDS) {
      const list = $('facet-' + kind);
      list.replaceChildren();
      const rows = (facets[kind] || []).filter((row) => row.count > 0);
      for (const row of rows) {
        const active = state[kind].includes(row.value);
        const item = el('li', active ? 'active' : null);
        const button = el('button', 'facet-value');
        button.type = 'button';
        button.dataset.value = row.value;
        button.appendChild(el('span', 'facet-name', row.value));
        button.appendChild(el('span', 'count', number(row.count)));
        button.disabled = active;
        button.addEventListener('click', () => addFilter(kind, row.value));
        item.appendChild(button);
        list.appendChild(item);
      }
      if (!rows.length) list.appendChild(el('li', 'facet-empty', 'None'));
    }
  }

  // The year/month in view: a year once from and to both name that one year.
  function selectedYear(state) {
    if (/^\d{4}$/.test(state.from) && state.from === state.to) return state.from;
    const month = /^(\d{4})-\d{2}$/.exec(state.from);
    if (month && state.from === state.to) return month[1];
    return '';
  }

  function renderHistogram(state, facets) {
    const box = $('histogram');
    box.replaceChildren();
    const year = selectedYear(state);
    let rows;
    let kind;
    if (year) {
      kind = 'month';
      const counts = new Map((facets.month || []).map((row) => [row.value, row.count]));
      rows = MONTHS.map((name, i) => {
        const value = year + '-' + String(i + 1).padStart(2, '0');
        return { value, count: counts.get(value) || 0 };
      });
      $('histogram-title').textContent = 'Months of ' + year;
      $('histogram-up').hidden = false;
    } else {
      kind = 'year';
      rows = facets.year || [];
      $('histogram-title').textContent = 'Years';
      $('histogram-up').hidden = !(state.from || state.to);
    }
    box.dataset.kind = kind;
    const max = rows.reduce((m, row) => Math.max(m, row.count), 0);
    for (const row of rows) {
      const bar = el('button', 'bar');
      bar.type = 'button';
      bar.setAttribute('role', 'listitem');
      bar.dataset.value = row.value;
      bar.dataset.count = String(row.count);
      const label = kind === 'year' ? row.value : formatMonth(row.value);
      bar.title = (kind === 'year' ? row.value : formatMonth(row.value) + ' ' + year) + ': ' +
        number(row.count) + (row.count === 1 ? ' article' : ' articles');
      bar.setAttribute('aria-label', bar.title);
      const track = el('span', 'bar-track');
      const fill = el('span', 'bar-fill');
      fill.style.height = (max ? Math.max(row.count ? 4 : 0, (100 * row.count) / max) : 0) + '%';
      track.appendChild(fill);
      bar.appendChild(el('span', 'bar-count', row.count ? number(row.count) : ''));
      bar.appendChild(track);
      bar.appendChild(el('span', 'bar-label', kind === 'year' ? "'" + label.slice(2) : label[0]));
      if (state.from === row.value && state.to === row.value) bar.classList.add('active');
      if (!row.count) {
        bar.disabled = true;
        bar.classList.add('empty');
      }
      bar.addEventListener('click', () => {
        const next = copyState(state);
        next.from = row.value;
        next.to = row.value;
        next.offset = 0;
        navigate(next);
      });
      box.appendChild(bar);
    }
    box.classList.toggle('many', rows.length > 16);
    if (!max) box.replaceChildren(el('p', 'facet-empty', 'No dated articles.'));
  }

  function renderChips(state) {
    const chips = $('chips');
    chips.replaceChildren();
    const add = (kind, label, remove) => {
      const chip = el('span', 'chip chip-' + kind);
      chip.dataset.kind = kind;
      chip.dataset.value = label;
      chip.appendChild(el('span', 'chip-kind', KIND_LABEL[kind]));
      chip.appendChild(el('span', 'chip-value', label));
      const button = el('button', 'chip-remove', '×');
      button.type = 'button';
      button.setAttribute('aria-label', 'Remove ' + KIND_LABEL[kind].toLowerCase() + ' ' + label);
      button.addEventListener('click', remove);
      chip.appendChild(button);
      chips.appendChild(chip);
    };
    for (const kind of FILTER_KINDS) {
      for (const value of state[kind]) {
        add(kind, value, () => {
          const next = copyState(state);
          next[kind] = next[kind].filter((v) => v !== value);
          next.offset = 0;
          next.article = '';
          navigate(next);
        });
      }
    }
    if (state.from || state.to) {
      const label = state.from === state.to ? state.from
        : (state.from || '…') + ' – ' + (state.to || '…');
      add('date', label, () => {
        const next = copyState(state);
        next.from = '';
        next.to = '';
        next.offset = 0;
        next.article = '';
        navigate(next);
      });
    }
    chips.hidden = !chips.childElementCount;
  }

  function addFilter(kind, value) {
    const next = copyState(current);
    if (!next[kind].includes(value)) next[kind].push(value);
    next.offset = 0;
    next.article = '';
    navigate(next);
  }

  // ---- Article view -------------------------------------------------------------------------

  async function showArticle(state) {
    const seq = ++searchSeq;
    showError('');
    $('welcome').hidden = true;
    setBusy(true);
    let article;
    try {
      article = await getJson('/api/article?id=' + encodeURIComponent(state.article));
    } catch (error) {
      if (seq !== searchSeq) return;
      setBusy(false);
      showError(error.message);
      return;
    }
    if (seq !== searchSeq) return;
    setBusy(false);
    $('results-view').hidden = true;
    const view = $('article-view');
    view.hidden = false;
    view.dataset.id = article.id || state.article;
    $('article-title').textContent = article.title || article.id || state.article;
    document.title = (article.title || 'Article') + ' – Newsarchive';

    const meta = $('article-meta');
    meta.replaceChildren();
    const parts = [];
    const time = el('time', 'article-date', formatDate(article.date));
    if (article.date) time.dateTime = article.date;
    parts.push(time);
    if (article.source) parts.push(el('span', 'article-source', article.source));
    if (article.author) parts.push(el('span', 'article-author', 'By ' + article.author));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      const link = el('a', 'article-url', 'Original');
      link.href = article.url;
      link.rel = 'noopener noreferrer nofollow';
      parts.push(link);
    }
    parts.forEach((part, i) => {
      if (i) meta.appendChild(el('span', 'sep', '·'));
      meta.appendChild(part);
    });

    const entities = $('article-entities');
    entities.replaceChildren();
    const groups = [['person', 'People', article.persons], ['place', 'Places', article.places],
      ['org', 'Organisations', article.organizations]];
    for (const [kind, label, values] of groups) {
      if (!Array.isArray(values) || !values.length) continue;
      const row = el('p', 'entity-row entity-' + kind);
      row.appendChild(el('span', 'entity-label', label));
      const tags = el('span', 'entity-values');
      row.appendChild(tags);
      for (const value of values) {
        const button = el('button', 'person-tag', value);
        button.type = 'button';
        button.title = 'Search articles naming ' + value;
        button.addEventListener('click', () => {
          const next = copyState(state);
          next.article = '';
          next.offset = 0;
          if (!next[kind].includes(value)) next[kind].push(value);
          navigate(next);
        });
        tags.appendChild(button);
      }
      entities.appendChild(row);
    }

    const body = $('article-body');
    body.replaceChildren();
    for (const paragraph of String(article.body || '').split(/\n\s*\n/)) {
      const text = paragraph.trim();
      if (text) body.appendChild(el('p', null, text));
    }
    window.scrollTo(0, 0);
  }

  function closeArticle() {
    if (history.state && history.state.fromResults) {
      history.back();
      return;
    }
    const next = copyState(current);
    next.article = '';
    navigate(next);
  }

  // ---- Wiring -------------------------------------------------------------------------------

  function formState() {
    const next = copyState(current);
    next.q = $('q').value.trim();
    next.from = $('from').value.trim();
    next.to = $('to').value.trim();
    next.sort = $('sort').value;
    next.offset = 0;
    next.article = '';
    return next;
  }

  function init() {
    $('search-form').addEventListener('submit', (event) => {
      event.preventDefault();
      navigate(formState());
    });
    $('sort').addEventListener('change', () => navigate(formState()));
    $('help-toggle').addEventListener('click', () => {
      const help = $('help');
      help.hidden = !help.hidden;
      $('help-toggle').setAttribute('aria-expanded', String(!help.hidden));
    });
    $('prev').addEventListener('click', () => {
      const next = copyState(current);
      next.offset = Math.max(0, next.offset - PAGE_SIZE);
      navigate(next);
      window.scrollTo(0, 0);
    });
    $('next').addEventListener('click', () => {
      const next = copyState(current);
      next.offset += PAGE_SIZE;
      navigate(next);
      window.scrollTo(0, 0);
    });
    $('histogram-up').addEventListener('click', () => {
      const next = copyState(current);
      next.from = '';
      next.to = '';
      next.offset = 0;
      navigate(next);
    });
    $('back').addEventListener('click', closeArticle);
    $('home').addEventListener('click', (event) => {
      event.preventDefault();
      navigate(emptyState());
    });
    for (const link of document.querySelectorAll('a.example')) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const url = new URL(link.href);
        history.pushState({ page: true }, '', url.pathname + url.search);
        show(stateFromUrl());
      });
    }
    document.addEventListener('keydown', (event) => {
      const target = event.target;
      const typing = target && (target.isContentEditable ||
        ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        $('q').focus();
        $('q').select();
      } else if (event.key === 'Escape') {
        if (!$('help').hidden) {
          $('help').hidden = true;
          $('help-toggle').setAttribute('aria-expanded', 'false');
        } else if (current.article && !typing) {
          closeArticle();
        }
      }
    });
    window.addEventListener('popstate', () => show(stateFromUrl()));

    getJson('/api/stats').then((stats) => {
      const n = Number(stats.articles || 0);
      $('stats').textContent = number(n) + (n === 1 ? ' article' : ' articles') +
        ' in the archive.';
      $('footer-stats').textContent = number(n) + ' articles indexed';
    }).catch(() => {
      $('stats').textContent = '';
    });

    history.replaceState({ page: true }, '', window.location.pathname + window.location.search);
    show(stateFromUrl());
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
