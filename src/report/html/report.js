// factlint report: filtering and sorting the findings, and tooltips on marked words.
// Everything works without it; it only hides, reorders and explains.
(function () {
  "use strict";

  var form = document.getElementById("finding-controls");
  if (form) {
    var items = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
    var status = document.getElementById("finding-status");
    var compare = function (a, b) {
      for (var i = 0; i < a.length; i++) {
        if (a[i] < b[i]) return -1;
        if (a[i] > b[i]) return 1;
      }
      return 0;
    };
    var keyOf = function (sort, li) {
      var position = Number(li.dataset.position);
      if (sort === "level") return [-Number(li.dataset.severity), position];
      if (sort === "rule") return [li.dataset.rule, position];
      return [position];
    };
    var update = function () {
      var levels = {};
      form.querySelectorAll("input[name=level]:checked").forEach(function (box) {
        levels[box.value] = true;
      });
      var rule = form.querySelector("#rule-filter").value;
      var sort = form.querySelector("#finding-sort").value;
      var shown = 0;
      items.forEach(function (li) {
        var visible = levels[li.dataset.level] === true && (!rule || li.dataset.rule === rule);
        li.hidden = !visible;
        if (visible) shown++;
      });
      document.querySelectorAll("#findings section.group").forEach(function (group) {
        group.hidden = !group.querySelector("li.finding:not([hidden])");
        var list = group.querySelector("ol.findings");
        Array.prototype.slice.call(list.children)
          .sort(function (a, b) { return compare(keyOf(sort, a), keyOf(sort, b)); })
          .forEach(function (li) { list.appendChild(li); });
      });
      status.textContent = shown === items.length
        ? "Showing all " + items.length
        : "Showing " + shown + " of " + items.length;
    };
    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  // Marked words carry what factlint read in a title; show it in one tooltip on hover and on
  // keyboard focus, and let screen readers read it as the mark's description.
  var tip = document.getElementById("tip");
  var current = null;
  document.querySelectorAll("#articles [title]").forEach(function (el) {
    el.setAttribute("data-tip", el.getAttribute("title"));
    el.removeAttribute("title");
  });
  var hide = function () {
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    tip.hidden = true;
  };
  var show = function (el) {
    if (current === el) return;
    hide();
    current = el;
    tip.textContent = el.getAttribute("data-tip");
    tip.hidden = false;
    el.setAttribute("aria-describedby", "tip");
    var box = el.getBoundingClientRect();
    var left = Math.max(8, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8));
    var top = box.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight - 8) top = box.top - tip.offsetHeight - 6;
    tip.style.left = left + "px";
    tip.style.top = Math.max(8, top) + "px";
  };
  var marked = function (event) {
    return event.target.closest ? event.target.closest("[data-tip]") : null;
  };
  document.addEventListener("mouseover", function (event) {
    var el = marked(event);
    if (el) show(el); else if (current && current !== document.activeElement) hide();
  });
  document.addEventListener("focusin", function (event) {
    var el = marked(event);
    if (el) show(el); else hide();
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("scroll", hide, { passive: true });
})();
