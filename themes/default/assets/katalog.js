// Filters for the catalogue page. Progressive enhancement: without this script every card is listed
// and the term pages carry the navigation. OR within a group, AND across groups; state lives in the URL.
(function () {
  "use strict";
  var form = document.getElementById("filter");
  var list = document.getElementById("karten");
  var counter = document.getElementById("trefferzahl");
  if (!form || !list || !counter || !window.URLSearchParams) { return; }

  document.documentElement.classList.add("js");
  form.hidden = false;

  var groups = ["handlungsfeld", "kreis", "kommune", "status"];
  var cards = Array.prototype.slice.call(list.querySelectorAll("[data-karte]"));
  var empty = document.querySelector("[data-keine-treffer]");
  var total = cards.length;
  // Pre-split each card's values once instead of on every change.
  var cardValues = cards.map(function (card) {
    var values = {};
    groups.forEach(function (g) {
      var raw = card.getAttribute("data-" + g) || "";
      values[g] = raw.length ? raw.split(" ") : [];
    });
    return values;
  });

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

  function matches(values, state) {
    return groups.every(function (g) {
      var wanted = state[g];
      if (!wanted.length) { return true; }
      return values[g].some(function (v) { return wanted.indexOf(v) !== -1; });
    });
  }

  function countText(n) {
    var noun = n === 1 ? "Projekt" : "Projekte";
    return n === total ? n + " " + noun : n + " von " + total + " Projekten";
  }

  function updateUrl(state) {
    var params = new URLSearchParams(window.location.search);
    groups.forEach(function (g) { params.delete(g); });
    groups.forEach(function (g) { state[g].forEach(function (v) { params.append(g, v); }); });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function showSelectionCounts(state) {
    groups.forEach(function (g) {
      var badge = form.querySelector('[data-auswahl="' + g + '"]');
      if (badge) { badge.textContent = state[g].length ? "(" + state[g].length + " gewählt)" : ""; }
    });
  }

  function apply(writeUrl) {
    var state = selection();
    var shown = 0;
    cards.forEach(function (card, i) {
      var visible = matches(cardValues[i], state);
      card.hidden = !visible;
      if (visible) { shown++; }
    });
    counter.textContent = countText(shown);
    if (empty) { empty.hidden = shown !== 0; }
    showSelectionCounts(state);
    if (writeUrl) { updateUrl(state); }
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
  }

  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () {
    // The reset event fires before the boxes are cleared; apply once they are.
    window.setTimeout(function () { apply(true); }, 0);
  });
  window.addEventListener("popstate", function () { readUrl(); apply(false); });

  readUrl();
  apply(false);
})();
