/* The marked article: explanations on hover and keyboard focus, and the legend's toggles.
   Explanations are the cards the server rendered under each paragraph; this script only
   copies them into the floating box (cloned nodes, never HTML strings), so article text
   stays text. */
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var tip = document.getElementById("tip");
  if (!text || !tip) { return; }
  var hiddenLayers = {};
  var shownFor = null;
  var hideTimer = null;

  function cardsOf(mark) {
    var cards = [];
    (mark.getAttribute("aria-describedby") || "").split(" ").forEach(function (id) {
      var card = id && document.getElementById(id);
      if (card && !hiddenLayers[card.getAttribute("data-layer")]) { cards.push(card); }
    });
    return cards;
  }

  function place(mark) {
    var box = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - width - 4));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  function show(mark) {
    clearTimeout(hideTimer);
    var cards = cardsOf(mark);
    if (!cards.length) { hide(); return; }
    var list = document.createElement("ul");
    list.className = "cards";
    cards.forEach(function (card) {
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      list.appendChild(copy);
    });
    tip.replaceChildren(list);
    tip.hidden = false;
    place(mark);
    shownFor = mark;
  }

  function hide() {
    clearTimeout(hideTimer);
    tip.hidden = true;
    shownFor = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 250);
  }

  function markOf(node) {
    return node && node.closest ? node.closest("mark.m") : null;
  }

  text.addEventListener("mouseover", function (event) {
    var mark = markOf(event.target);
    if (mark && mark !== shownFor) { show(mark); }
  });
  text.addEventListener("mouseout", function (event) {
    if (markOf(event.target) && !markOf(event.relatedTarget)) { hideSoon(); }
  });
  tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", hideSoon);
  text.addEventListener("focusin", function (event) {
    var mark = markOf(event.target);
    if (mark) { show(mark); }
  });
  text.addEventListener("focusout", function (event) {
    if (!markOf(event.relatedTarget)) { hide(); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !tip.hidden) { hide(); }
  });

  /* A mark is a keyboard stop when a finding of a shown kind starts there. */
  function updateStops() {
    text.querySelectorAll("mark.m").forEach(function (mark) {
      var opens = (mark.getAttribute("data-opens") || "").split(" ").filter(function (layer) {
        return layer && !hiddenLayers[layer];
      });
      if (opens.length) { mark.setAttribute("tabindex", "0"); } else { mark.removeAttribute("tabindex"); }
    });
  }

  document.querySelectorAll(".legend button[data-layer]").forEach(function (button) {
    button.addEventListener("click", function () {
      var layer = button.getAttribute("data-layer");
      var shown = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", shown ? "true" : "false");
      hiddenLayers[layer] = !shown;
      text.classList.toggle("hide-" + layer, !shown);
      updateStops();
      hide();
    });
  });
}());
