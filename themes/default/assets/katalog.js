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

  var groups = ["handlungsfeld", "kreis", "kommune", "status", "nachnutzung"];
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

  function selection() {
    var state = {};
    groups.forEach(function (g) {
      state[g] = boxes(g).filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
    });
    return state;
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

  function updateUrl(state) {
    var params = new URLSearchParams(window.location.search);
    groups.forEach(function (g) { params.delete(g); });
    params.delete("q");
    if (query()) { params.set("q", query()); }
    groups.forEach(function (g) { state[g].forEach(function (v) { params.append(g, v); }); });
    var text = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : "") + window.location.hash);
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

  // Profile numbers passing the filters (sorted), or null when no filter is set. Unknown values match nothing.
  function filterIds(state) {
    if (!hasFilter(state)) { return Promise.resolve(null); }
    var active = groups.filter(function (g) { return state[g].length; });
    return Promise.all(active.map(function (g) {
      return Promise.all(state[g].map(function (v) {
        return fetchData("filter/" + encodeURIComponent(g) + "/" + encodeURIComponent(v) + ".txt", true)
          .then(decode, function () { return []; });
      })).then(function (lists) {
        var union = {};
        lists.forEach(function (ids) { ids.forEach(function (id) { union[id] = true; }); });
        return union;
      });
    })).then(function (sets) {
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
    if (!names) { names = fetchData("namen.json", false); }
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

  // Mirrors partials/karte.hbs; built with textContent so no content can inject markup.
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
    fact(dl, "Handlungsfeld", data.f.map(function (k) { return n.handlungsfeld[k] || k; }).join(", "));
    fact(dl, "Kommunen", data.m.map(function (k) { return n.kommune[k] || k; }).join(", "));
    if (data.n > 0) { fact(dl, "Nachnutzung", "Nachgenutzt von " + (data.n === 1 ? "1 Kommune" : formatNumber(data.n) + " Kommunen")); }
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

  function apply(writeUrl) {
    var state = selection();
    var text = query();
    var token = ++sequence;
    showSelectionCounts(state);
    if (writeUrl) { updateUrl(state); }

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

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    groups.forEach(function (g) {
      var wanted = params.getAll(g);
      boxes(g).forEach(function (b) {
        b.checked = wanted.indexOf(b.value) !== -1;
        if (b.checked) {
          var details = b.closest("details");
          if (details) { details.open = true; }
        }
      });
    });
    if (searchInput) { searchInput.value = params.get("q") || ""; }
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () {
    // The reset event fires before the boxes are cleared; apply once they are. The search words stay.
    window.setTimeout(function () { apply(true); }, 0);
  });

  if (searchForm && searchInput && dataUrl) {
    searchForm.hidden = false;
    var typing = null;
    // Fetch the small search script on first contact, so the first results are not delayed by it.
    searchInput.addEventListener("focus", function () { loadSearch().catch(function () {}); }, { once: true });
    searchInput.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () { apply(true); }, 200);
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

  // On a phone the open filter groups would push the results several screens down; start them closed there.
  // Groups with a choice from the URL are opened again by readUrl.
  if (window.matchMedia && window.matchMedia("(max-width: 40rem)").matches) {
    Array.prototype.forEach.call(form.querySelectorAll("details"), function (d) { d.open = false; });
  }

  readUrl();
  apply(false);
})();
