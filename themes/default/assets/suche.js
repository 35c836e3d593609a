// Full-text search over the index the generator writes to suche/. katalog.js loads this file only when the search
// box is first used; the index itself is fetched shard by shard, only for the words typed.
// Folding and splitting must match Transferkatalog.Search.SearchText exactly.
(function () {
  "use strict";

  var CHAR_MAP = {
    "ä": "a", "à": "a", "á": "a", "â": "a", "ã": "a", "å": "a", "æ": "a",
    "ö": "o", "ò": "o", "ó": "o", "ô": "o", "õ": "o", "ø": "o", "œ": "o",
    "ü": "u", "ù": "u", "ú": "u", "û": "u",
    "è": "e", "é": "e", "ê": "e", "ë": "e",
    "ì": "i", "í": "i", "î": "i", "ï": "i",
    "ç": "c", "ñ": "n", "ß": "s", "ẞ": "s"
  };
  var WORD = /[\p{L}\p{Nd}]+/gu;

  // Müll, muell and MÜLL all become "mull": umlauts and their two-letter spellings reduce to the vowel, ß and ss to s.
  function fold(token) {
    var lower = token.toLowerCase();
    var mapped = "";
    for (var i = 0; i < lower.length; i++) {
      var c = lower.charAt(i);
      mapped += Object.prototype.hasOwnProperty.call(CHAR_MAP, c) ? CHAR_MAP[c] : c;
    }
    var out = "";
    for (var j = 0; j < mapped.length; j++) {
      var ch = mapped.charAt(j);
      var next = mapped.charAt(j + 1);
      out += ch;
      if (((ch === "a" || ch === "o" || ch === "u") && next === "e") || (ch === "s" && next === "s")) { j++; }
    }
    return out;
  }

  function tokens(text, manifest) {
    var result = [];
    var words = String(text || "").match(WORD) || [];
    words.forEach(function (w) {
      var t = fold(w);
      if (t.length > manifest.max) { t = t.slice(0, manifest.max); }
      if (t.length >= manifest.min && manifest.stopp.indexOf(t) === -1 && result.indexOf(t) === -1) { result.push(t); }
    });
    return result;
  }

  function decode(text) {
    var entries = [];
    if (!text) { return entries; }
    var previous = -1;
    text.split(",").forEach(function (part) {
      var value = parseInt(part, 36);
      var weight = value % 4;
      var id = previous + 1 + (value - weight) / 4;
      entries.push([id, weight]);
      previous = id;
    });
    return entries;
  }

  var cache = {};
  function fetchJson(url) {
    if (!cache[url]) {
      cache[url] = window.fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status + " für " + url); }
        return r.json();
      });
      // A failed request may be retried on the next query.
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  // The shard holding a word is the one with the longest prefix the word starts with; words that merely start with
  // the query may also sit in shards whose prefix starts with it.
  function plan(manifest, token, loaded) {
    var home = -1;
    var wider = [];
    manifest.teile.forEach(function (part, i) {
      var prefix = part[0];
      if (token.lastIndexOf(prefix, 0) === 0 && (home === -1 || prefix.length > manifest.teile[home][0].length)) { home = i; }
      if (prefix.length > token.length && prefix.lastIndexOf(token, 0) === 0) { wider.push(i); }
    });
    var all = [home].concat(wider);
    var cost = 0;
    all.forEach(function (i) { if (!loaded[i]) { cost += manifest.teile[i][1]; } });
    return { exact: [home], prefix: all, prefixCost: cost };
  }

  var manifests = {};
  var loadedShards = {};

  // Resolves to null when the query has no searchable word, else to hits [{id, score}] ordered best first.
  // Every word must match (as a word or a word's beginning); words count more in titles and keywords.
  function search(base, query) {
    if (!manifests[base]) { manifests[base] = fetchJson(base + "index.json"); }
    return manifests[base].then(function (manifest) {
      var words = tokens(query, manifest);
      if (!words.length) { return null; }
      var loaded = loadedShards[base] || (loadedShards[base] = {});
      var budget = manifest.budget;
      var plans = words.map(function (word) {
        var p = plan(manifest, word, loaded);
        // Widening a short word to every word it begins could fetch half the index: then match it exactly.
        var usePrefix = p.prefixCost <= budget;
        if (usePrefix) { budget -= p.prefixCost; }
        return { word: word, shards: usePrefix ? p.prefix : p.exact, prefix: usePrefix };
      });
      var needed = [];
      plans.forEach(function (p) { p.shards.forEach(function (i) { if (needed.indexOf(i) === -1) { needed.push(i); } }); });
      return Promise.all(needed.map(function (i) {
        return fetchJson(base + "t" + i + ".json").then(function (shard) { loaded[i] = true; return [i, shard]; });
      })).then(function (pairs) {
        var shards = {};
        pairs.forEach(function (pair) { shards[pair[0]] = pair[1]; });
        var scores = null;
        plans.forEach(function (p) {
          var best = {};
          p.shards.forEach(function (i) {
            var shard = shards[i];
            Object.keys(shard).forEach(function (term) {
              var exact = term === p.word;
              if (!exact && !(p.prefix && term.lastIndexOf(p.word, 0) === 0)) { return; }
              decode(shard[term]).forEach(function (entry) {
                var s = entry[1] + (exact ? 1 : 0);
                if (!best[entry[0]] || best[entry[0]] < s) { best[entry[0]] = s; }
              });
            });
          });
          if (scores === null) {
            scores = best;
          } else {
            var merged = {};
            Object.keys(scores).forEach(function (id) { if (best[id]) { merged[id] = scores[id] + best[id]; } });
            scores = merged;
          }
        });
        var hits = Object.keys(scores).map(function (id) { return { id: parseInt(id, 10), score: scores[id] }; })
          .sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        // Words that were too short to widen to every word they begin, so the page can ask for more letters.
        hits.exactOnly = plans.filter(function (p) { return !p.prefix; }).map(function (p) { return p.word; });
        return hits;
      });
    });
  }

  window.TransferkatalogSuche = { fold: fold, tokens: tokens, decode: decode, search: search, fetchJson: fetchJson };
  document.dispatchEvent(new CustomEvent("transferkatalog:suche-bereit"));
})();
