// Appended to a copy of the planted report by .ci/report: drives the report's script like a
// reader would and writes what it saw into <body data-probe>, which --dump-dom then shows.
(function () {
  "use strict";
  var form = document.getElementById("finding-controls");
  var results = [];
  var check = function (name, ok) { results.push(name + "=" + (ok ? "ok" : "FAILED")); };
  var shown = function () { return document.querySelectorAll("li.finding:not([hidden])").length; };
  var all = document.querySelectorAll("li.finding").length;
  var change = function () { form.dispatchEvent(new Event("change")); };
  form.querySelector("input[value=error]").checked = false;
  change();
  var expected = document.querySelectorAll("li.finding:not([data-level=error])").length;
  check("level-filter", shown() === expected);
  form.querySelector("input[value=error]").checked = true;
  var rule = form.querySelector("#rule-filter");
  rule.value = "tenure";
  change();
  check("rule-filter", shown() > 0 && shown() === document.querySelectorAll("li.finding[data-rule=tenure]").length);
  rule.value = "";
  form.querySelector("#finding-sort").value = "rule";
  change();
  var sorted = true;
  document.querySelectorAll("ol.findings").forEach(function (list) {
    var rules = Array.prototype.map.call(list.children, function (li) { return li.dataset.rule; });
    for (var i = 1; i < rules.length; i++) if (rules[i - 1] > rules[i]) sorted = false;
  });
  check("sort", sorted && shown() === all);
  document.querySelector("#articles .doc .claim")
    .dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  var tip = document.getElementById("tip");
  check("tooltip", !tip.hidden && tip.textContent.length > 0);
  // Keyboard: a timeline dot and a marked claim take focus, and no mark leaves the tab order.
  var dot = document.querySelector("svg a.dot");
  dot.focus();
  var claim = document.querySelector("#articles .doc .claim");
  var dotFocused = document.activeElement === dot;
  claim.focus();
  check("keyboard", dotFocused && document.activeElement === claim &&
    !document.querySelector("[tabindex]:not([tabindex='0'])"));
  document.body.setAttribute("data-probe", results.join(" "));
})();
