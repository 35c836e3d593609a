// Filters and search for the catalogue page. Progressive enhancement: without this script the page lists its cards
// (all of them, or one page of a large catalogue with links to the others) and the term pages carry the navigation.
// OR within a filter group, AND across groups and with the search words; the state lives in the URL query.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("karten");
  var counter = document.getElementById("trefferzahl");
  if (!form || !list || !counter || !window.URLSearchParams) { return; }

  document.documentElement.classList.add("js");
  form.hidden = false;

  var groups = ["handlungsfeld", "kreis", "kommune", "status", "nachnutzung", "sucht"];
  var PAGE = 20;
  var total = parseInt(counter.getAttribute("data-gesamt"), 10) || 0;
  var initialCountText = counter.textContent;
  // A complete list is filtered in place; a page of a large catalogue is replaced by results built from card data.
  var complete = list.hasAttribute("data-vollstaendig");
  var dataUrl = list.getAttribute("data-daten") || "";
  var empty = document.querySelector("[data-keine-treffer]");
  var pager = document.querySelector("[data-seiten]");
  var moreArea = document.querySelector("[data-mehr-bereich]");
  var moreButton = document.querySelector("[data-mehr]");
  var searchForm = document.querySelector("[data-suche]");
  var searchInput = searchForm ? searchForm.querySelector('input[type="search"]') : null;
  var scriptSrc = document.currentScript ? document.currentScript.src : "";

  var serverCards = Array.prototype.slice.call(list.querySelectorAll("[data-karte]"));
  var cardValues = serverCards.map(function (card) {
    var values = {};
    groups.forEach(function (g) {
      var raw = card.getAttribute("data-" + g) || "";
      if (g === "nachnutzung") {
        values[g] = parseInt(raw, 10) > 0 ? ["ja"] : [];
      } else {
        values[g] = raw.length ? raw.split(" ") : [];
      }
    });
    return values;
  });
  var cardNumbers = serverCards.map(function (card) { return parseInt(card.getAttribute("data-nr"), 10); });

  function formatNumber(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "."); }

  function countText(n) {
    var noun = n === 1 ? "Projekt" : "Projekte";
    return n === total ? formatNumber(n) + " " + noun : formatNumber(n) + " von " + formatNumber(total) + " Projekten";
  }

  function boxes(group) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][name="' + group + '"]'));
  }

  // The chosen values live here, not in the checkboxes: the Kreis and Kommune groups have no boxes until they are
  // opened, yet a choice from the URL must filter at once.
  var chosen = {};
  groups.forEach(function (g) { chosen[g] = []; });

  function selection() {
    var state = {};
    groups.forEach(function (g) { state[g] = chosen[g].slice(); });
    return state;
  }

  function choose(group, value, on) {
    var at = chosen[group].indexOf(value);
    if (on && at === -1) { chosen[group].push(value); }
    if (!on && at !== -1) { chosen[group].splice(at, 1); }
  }

  function syncBoxes() {
    groups.forEach(function (g) {
      boxes(g).forEach(function (b) { b.checked = chosen[g].indexOf(b.value) !== -1; });
    });
  }

  function hasFilter(state) { return groups.some(function (g) { return state[g].length > 0; }); }

  function query() { return searchInput ? searchInput.value.trim() : ""; }

  function matches(values, state) {
    return groups.every(function (g) {
      var wanted = state[g];
      if (!wanted.length) { return true; }
      return values[g].some(function (v) { return wanted.indexOf(v) !== -1; });
    });
  }

  // Every filter change is a history entry, so Back undoes it instead of leaving the catalogue; words typed into the
  // search box replace their own entry while typing goes on, so Back does not step through every letter.
  function updateUrl(state, mode) {
    var params = new URLSearchParams(window.location.search);
    groups.forEach(function (g) { params.delete(g); });
    params.delete("q");
    if (query()) { params.set("q", query()); }
    groups.forEach(function (g) { state[g].forEach(function (v) { params.append(g, v); }); });
    var text = params.toString();
    var url = window.location.pathname + (text ? "?" + text : "") + window.location.hash;
    if (url === window.location.pathname + window.location.search + window.location.hash) { return; }
    var typing = mode === "typing";
    if (typing && window.history.state && window.history.state.tkSuche) {
      window.history.replaceState({ tkSuche: true }, "", url);
    } else {
      window.history.pushState(typing ? { tkSuche: true } : null, "", url);
    }
  }

  function showSelectionCounts(state) {
    groups.forEach(function (g) {
      var badge = form.querySelector('[data-auswahl="' + g + '"]');
      if (badge) { badge.textContent = state[g].length ? "(" + state[g].length + " gewählt)" : ""; }
    });
  }

  // --- Data files, fetched only when needed ---------------------------------------------------------------

  var cache = {};
  function fetchData(path, asText) {
    var url = dataUrl + path;
    if (!cache[url]) {
      cache[url] = window.fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return asText ? r.text() : r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  function decode(text) {
    var ids = [];
    var previous = -1;
    if (text) {
      text.split(",").forEach(function (part) {
        var id = previous + 1 + Math.floor(parseInt(part, 36) / 4);
        ids.push(id);
        previous = id;
      });
    }
    return ids;
  }

  // The file holding a value's list: the last one whose first value is not greater (the files split the values
  // of a group in ordinal order, which is JavaScript's string order).
  function filterFile(firsts, value) {
    var low = 0, high = firsts.length - 1, found = -1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (firsts[mid] <= value) { found = mid; low = mid + 1; } else { high = mid - 1; }
    }
    return found;
  }

  // Profile numbers passing the filters (sorted), or null when no filter is set. Unknown values match nothing.
  function filterIds(state) {
    if (!hasFilter(state)) { return Promise.resolve(null); }
    var active = groups.filter(function (g) { return state[g].length; });
    return loadNames().then(function (n) {
      return Promise.all(active.map(function (g) {
        return Promise.all(state[g].map(function (v) {
          var file = filterFile((n.filter && n.filter[g]) || [], v);
          if (file < 0) { return []; }
          return fetchData("filter/" + encodeURIComponent(g) + "-" + file + ".json", false)
            .then(function (lists) { return Object.prototype.hasOwnProperty.call(lists, v) ? decode(lists[v]) : []; });
        })).then(function (lists) {
          var union = {};
          lists.forEach(function (ids) { ids.forEach(function (id) { union[id] = true; }); });
          return union;
        });
      }));
    }).then(function (sets) {
      var result = Object.keys(sets[0]).map(Number).filter(function (id) {
        return sets.every(function (s) { return s[id]; });
      });
      return result.sort(function (a, b) { return a - b; });
    });
  }

  var searchLoading = null;
  function loadSearch() {
    if (window.TransferkatalogSuche) { return Promise.resolve(window.TransferkatalogSuche); }
    if (!searchLoading) {
      searchLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = scriptSrc.replace(/katalog\.js(\?.*)?$/, "suche.js");
        script.onload = function () { resolve(window.TransferkatalogSuche); };
        script.onerror = function () { searchLoading = null; reject(new Error("suche.js")); };
        document.head.appendChild(script);
      });
    }
    return searchLoading;
  }

  // Ranked hits [{id, score}] or null when there is nothing to search for.
  function searchHits(text) {
    if (!text) { return Promise.resolve(null); }
    return loadSearch().then(function (suche) { return suche.search(dataUrl, text); });
  }

  // --- Rendering ----------------------------------------------------------------------------------------------

  var names = null;
  function loadNames() {
    if (!names) {
      names = fetchData("namen.json", false);
      names.catch(function () { names = null; });
    }
    return names;
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function fact(dl, label, value) {
    var row = element("div");
    row.appendChild(element("dt", null, label));
    var dd = element("dd");
    if (value.nodeType) { dd.appendChild(value); } else { dd.textContent = value; }
    row.appendChild(dd);
    dl.appendChild(row);
  }

  // Names may contain commas themselves ("Bildung, Kultur und Sport"): a list keeps them apart.
  function inlineList(items) {
    var ul = element("ul", "inline-liste");
    items.forEach(function (text) { ul.appendChild(element("li", null, text)); });
    return ul;
  }

  // Mirrors partials/karte; built with textContent so no content can inject markup.
  function buildCard(nr, data, n) {
    var li = element("li", "karte");
    li.setAttribute("data-karte", "");
    li.setAttribute("data-nr", String(nr));
    var article = element("article");
    var heading = element("h3", "karte-titel");
    var link = element("a", null, data.t);
    link.href = data.u;
    heading.appendChild(link);
    article.appendChild(heading);
    article.appendChild(element("p", "karte-text", data.k));
    var dl = element("dl", "karte-fakten");
    fact(dl, "Status", element("span", "status status-" + data.s, n.status[data.s] || data.s));
    fact(dl, data.f.length === 1 ? "Handlungsfeld" : "Handlungsfelder", inlineList(data.f.map(function (k) { return n.handlungsfeld[k] || k; })));
    fact(dl, data.m.length === 1 ? "Kommune" : "Kommunen", inlineList(data.m));
    if (data.n > 0) { fact(dl, "Nachnutzung", "Nachgenutzt von " + (data.n === 1 ? "1 Kommune" : formatNumber(data.n) + " Kommunen")); }
    if (data.w && data.w.length) {
      fact(dl, "Partnersuche", element("span", "sucht", "sucht " + data.w.map(function (k) { return n.sucht[k] || k; }).join(" und ")));
    }
    article.appendChild(dl);
    li.appendChild(article);
    return li;
  }

  function cardsFor(ids) {
    return loadNames().then(function (n) {
      var chunks = {};
      ids.forEach(function (id) { chunks[Math.floor(id / n.karten)] = true; });
      return Promise.all(Object.keys(chunks).map(function (c) {
        return fetchData("karten/" + c + ".json", false).then(function (cards) { return [Number(c), cards]; });
      })).then(function (pairs) {
        var byChunk = {};
        pairs.forEach(function (p) { byChunk[p[0]] = p[1]; });
        return ids.map(function (id) { return buildCard(id, byChunk[Math.floor(id / n.karten)][id % n.karten], n); });
      });
    });
  }

  var results = [];
  var shownCount = 0;

  function showMore(focusFirst) {
    var next = results.slice(shownCount, shownCount + PAGE);
    var token = sequence;
    return cardsFor(next).then(function (cards) {
      if (token !== sequence) { return; }
      cards.forEach(function (card) { list.appendChild(card); });
      shownCount += next.length;
      if (moreArea) { moreArea.hidden = shownCount >= results.length; }
      if (focusFirst && cards.length) { cards[0].querySelector("a").focus(); }
    });
  }

  function restoreServerCards() {
    list.textContent = "";
    serverCards.forEach(function (card) { card.hidden = false; list.appendChild(card); });
    if (pager) { pager.hidden = false; }
    if (moreArea) { moreArea.hidden = true; }
    counter.textContent = initialCountText;
    if (empty) { empty.hidden = true; }
  }

  function report(shown, hits) {
    var note = hits && hits.exactOnly && hits.exactOnly.length
      ? " – „" + hits.exactOnly.join("“, „") + "“ nur als ganzes Wort gesucht; für Wortanfänge bitte mehr Buchstaben eingeben"
      : "";
    counter.textContent = countText(shown) + note;
    if (empty) { empty.hidden = shown !== 0; }
  }

  function failed() {
    counter.textContent = "Die Suchdaten konnten nicht geladen werden. Bitte laden Sie die Seite neu.";
  }

  var sequence = 0;

  function showInPlace(state, hits) {
    var rank = null;
    if (hits) {
      rank = {};
      hits.forEach(function (h, i) { rank[h.id] = i; });
    }
    var shown = 0;
    serverCards.forEach(function (card, i) {
      var show = matches(cardValues[i], state) && (rank === null || rank[cardNumbers[i]] !== undefined);
      card.hidden = !show;
      if (show) { shown++; }
    });
    // Best hits first while searching; catalogue order otherwise.
    var order = serverCards.map(function (_, i) { return i; });
    if (rank !== null) {
      order.sort(function (a, b) {
        var ra = rank[cardNumbers[a]], rb = rank[cardNumbers[b]];
        return (ra === undefined ? Infinity : ra) - (rb === undefined ? Infinity : rb) || a - b;
      });
    }
    var current = list.children;
    var same = order.every(function (i, pos) { return current[pos] === serverCards[i]; });
    if (!same) { order.forEach(function (i) { list.appendChild(serverCards[i]); }); }
    report(shown, hits);
  }

  // urlMode: false when the state came from the URL (load, Back), "typing" for search words, anything else pushes.
  function apply(urlMode) {
    var state = selection();
    var text = query();
    var token = ++sequence;
    showSelectionCounts(state);
    if (urlMode) { updateUrl(state, urlMode); }

    if (complete) {
      // Filters work on the cards' data attributes at once; search words add a lookup in the index.
      if (!text) {
        showInPlace(state, null);
        return;
      }
      searchHits(text).then(function (hits) {
        if (token === sequence) { showInPlace(state, hits); }
      }, function () { if (token === sequence) { failed(); } });
      return;
    }

    if (!text && !hasFilter(state)) {
      restoreServerCards();
      return;
    }

    Promise.all([filterIds(state), searchHits(text)]).then(function (found) {
      if (token !== sequence) { return; }
      var allowed = found[0];
      var hits = found[1];
      var ids;
      if (hits) {
        var set = null;
        if (allowed) {
          set = {};
          allowed.forEach(function (id) { set[id] = true; });
        }
        ids = hits.map(function (h) { return h.id; }).filter(function (id) { return set === null || set[id]; });
      } else {
        ids = allowed || [];
      }
      results = ids;
      shownCount = 0;
      list.textContent = "";
      if (pager) { pager.hidden = true; }
      report(ids.length, hits);
      return showMore(false);
    }).catch(function () { if (token === sequence) { failed(); } });
  }

  // --- Kreis and Kommune: options built from a JSON file when their group is opened ---------------------------

  var LIMIT = 100;
  var NOUNS = {
    kreis: { one: "Kreis", many: "Kreise", none: "Kein Kreis", noneMore: "Kein weiterer Kreis" },
    kommune: { one: "Kommune", many: "Kommunen", none: "Keine Kommune", noneMore: "Keine weitere Kommune" }
  };
  var lazy = {};

  function noun(group, n) {
    return formatNumber(n) + " " + (n === 1 ? NOUNS[group].one : NOUNS[group].many);
  }

  function optionBox(group, option, checked) {
    var li = element("li");
    var box = element("input");
    box.type = "checkbox";
    box.id = "f-" + group + "-" + option.key;
    box.name = group;
    box.value = option.key;
    box.checked = checked;
    var label = element("label", null, option.label + " ");
    label.htmlFor = box.id;
    if (option.count !== null) { label.appendChild(element("span", "anzahl", "(" + option.count + ")")); }
    li.appendChild(box);
    li.appendChild(label);
    return li;
  }

  // Chosen options first (also those the narrowing words do not match, so they can be unticked), then the matches
  // in catalogue order, at most LIMIT of them unless all were asked for.
  function renderOptions(g) {
    var group = lazy[g];
    if (!group.options) { return; }
    var text = group.input.value.trim();
    var words = text.split(/\s+/).filter(Boolean).map(group.fold);
    var picked = chosen[g].map(function (v) { return group.byKey[v] || { key: v, label: v, count: null }; });
    var rest = group.options.filter(function (o) {
      return chosen[g].indexOf(o.key) === -1 && words.every(function (w) { return o.folded.indexOf(w) !== -1; });
    });
    var shown = group.all ? rest : rest.slice(0, LIMIT);
    var items = document.createDocumentFragment();
    picked.forEach(function (o) { items.appendChild(optionBox(g, o, true)); });
    shown.forEach(function (o) { items.appendChild(optionBox(g, o, false)); });
    group.list.textContent = "";
    group.list.appendChild(items);
    group.list.removeAttribute("aria-busy");

    var hint;
    if (words.length) {
      hint = rest.length === 0
        ? (picked.length ? NOUNS[g].noneMore : NOUNS[g].none) + " passt zu „" + text + "“."
        : noun(g, rest.length) + (rest.length === 1 ? " passt" : " passen") + " zu „" + text + "“";
    } else {
      hint = rest.length > shown.length ? noun(g, group.options.length) : "";
    }
    if (shown.length < rest.length) {
      hint += (hint.slice(-1) === "." ? " " : ". ") + "Die Liste zeigt die ersten " + formatNumber(shown.length) + "; geben Sie einen Namen ein, um sie einzugrenzen.";
      group.moreButton.textContent = "Weitere " + noun(g, rest.length - shown.length) + " anzeigen";
    }
    group.moreArea.hidden = shown.length >= rest.length;
    group.hint.textContent = hint;
  }

  function loadOptions(g) {
    var group = lazy[g];
    if (!group.loading) {
      group.hint.textContent = NOUNS[g].many + " werden geladen …";
      group.loading = Promise.all([
        window.fetch(group.url, { credentials: "same-origin" }).then(function (r) {
          if (!r.ok) { throw new Error("HTTP " + r.status); }
          return r.json();
        }),
        loadSearch()
      ]).then(function (loaded) {
        // The narrowing folds umlauts exactly like the search: "Muenster", "munster" and "Münster" find Münster.
        group.fold = loaded[1].fold;
        group.byKey = {};
        group.options = loaded[0].map(function (o) {
          var option = { key: o[0], label: o[1], count: o[2], folded: group.fold(o[1]) };
          group.byKey[option.key] = option;
          return option;
        });
        renderOptions(g);
      }, function () {
        group.loading = null;
        group.list.removeAttribute("aria-busy");
        group.hint.textContent = "Die Liste konnte nicht geladen werden. Schließen und öffnen Sie die Gruppe, um es erneut zu versuchen.";
      });
    }
    return group.loading;
  }

  Array.prototype.forEach.call(form.querySelectorAll("details[data-optionen]"), function (details) {
    var g = details.getAttribute("data-gruppe");
    var moreArea = details.querySelector("[data-optionen-mehr]");
    var group = lazy[g] = {
      url: details.getAttribute("data-optionen"),
      input: details.querySelector("[data-eingrenzen]"),
      hint: details.querySelector("[data-optionen-hinweis]"),
      list: details.querySelector("[data-optionen-liste]"),
      moreArea: moreArea,
      moreButton: moreArea.querySelector("button"),
      options: null,
      loading: null,
      all: false
    };
    details.addEventListener("toggle", function () { if (details.open) { loadOptions(g); } });
    var typing = null;
    group.input.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () { group.all = false; renderOptions(g); }, 120);
    });
    group.moreButton.addEventListener("click", function () {
      var before = group.list.children.length;
      group.all = true;
      renderOptions(g);
      // The button is gone now: keep the keyboard where the list grew.
      var next = group.list.children[before];
      if (next) { next.querySelector("input").focus(); }
    });
  });

  function renderLoadedOptions() {
    Object.keys(lazy).forEach(function (g) { if (lazy[g].options) { renderOptions(g); } });
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    groups.forEach(function (g) {
      var wanted = [];
      // Repeated parameters are what the page writes; a comma list (?kommune=a,b) is easier to type by hand.
      params.getAll(g).forEach(function (raw) {
        raw.split(",").forEach(function (v) {
          v = v.trim();
          if (v && wanted.indexOf(v) === -1) { wanted.push(v); }
        });
      });
      // A group the page renders offers every value there is: anything else in the URL is ignored, as always.
      // Kreis and Kommune cannot tell without their list, so an unknown value stays and simply matches nothing.
      if (!lazy[g]) {
        var offered = boxes(g).map(function (b) { return b.value; });
        wanted = wanted.filter(function (v) { return offered.indexOf(v) !== -1; });
      }
      chosen[g] = wanted;
      // A group with a choice opens, so the choice is in view; Kreis and Kommune then fetch their list.
      if (wanted.length) {
        var details = lazy[g] ? form.querySelector('details[data-gruppe="' + g + '"]') : boxes(g)[0].closest("details");
        if (details) { details.open = true; }
      }
    });
    syncBoxes();
    renderLoadedOptions();
    if (searchInput) { searchInput.value = params.get("q") || ""; }
  }

  form.addEventListener("change", function (event) {
    var box = event.target;
    if (!box || box.type !== "checkbox") { return; }
    choose(box.name, box.value, box.checked);
    apply(true);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () {
    // The reset event fires before the boxes and narrowing fields are cleared; redraw once they are. The search words stay.
    groups.forEach(function (g) { chosen[g] = []; });
    window.setTimeout(function () {
      Object.keys(lazy).forEach(function (g) { lazy[g].all = false; });
      renderLoadedOptions();
      apply(true);
    }, 0);
  });

  if (searchForm && searchInput && dataUrl) {
    searchForm.hidden = false;
    var typing = null;
    // Fetch the small search script on first contact, so the first results are not delayed by it.
    searchInput.addEventListener("focus", function () { loadSearch().catch(function () {}); }, { once: true });
    searchInput.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () { apply("typing"); }, 200);
    });
    searchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(typing);
      apply(true);
    });
  }

  if (moreButton) {
    moreButton.addEventListener("click", function () { showMore(true); });
  }

  window.addEventListener("popstate", function () { readUrl(); apply(false); });

  var filterArea = document.querySelector("[data-filter-bereich]");
  if (filterArea) { filterArea.hidden = false; }

  // On a phone the filter groups start closed: the page does that itself before the first paint. Groups with a
  // choice from the URL are opened by readUrl.

  readUrl();
  apply(false);
})();
