// Review page of an imported document: clicking a fact emphasises and scrolls to its spans
// in the text; clicking a marked span shows its fact. Without this script, #f-N anchors work.
(function () {
  "use strict";
  var smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function activate(key, scrollToText) {
    document.querySelectorAll("mark.active, .active[data-key]").forEach(function (node) {
      node.classList.remove("active");
    });
    var marks = Array.prototype.filter.call(
      document.querySelectorAll("mark[data-facts]"),
      function (mark) { return mark.dataset.facts.split(" ").indexOf(key) !== -1; }
    );
    marks.forEach(function (mark) { mark.classList.add("active"); });
    var item = document.querySelector('[data-key="' + key + '"]');
    if (item) { item.classList.add("active"); }
    if (scrollToText && marks.length) {
      marks[0].scrollIntoView({ block: "center", behavior: smooth ? "smooth" : "auto" });
    }
    return item;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-fact]");
    if (link) {
      event.preventDefault();
      activate(link.dataset.fact, true);
      history.replaceState(null, "", "#" + link.dataset.fact);
      return;
    }
    var mark = event.target.closest("mark[data-facts]");
    if (mark) {
      var item = activate(mark.dataset.facts.split(" ")[0], false);
      if (item) { item.scrollIntoView({ block: "nearest", behavior: smooth ? "smooth" : "auto" }); }
    }
  });

  function fromHash() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (!target) { return; }
    var holder = target.closest("[data-key]");
    if (holder) {
      activate(holder.dataset.key, true);
      holder.scrollIntoView({ block: "nearest" });
    } else if (target.matches("mark[data-facts], .anchor")) {
      activate(target.id, false);
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
