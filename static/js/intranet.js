// Small behaviours shared by every page. No inline scripts: the CSP allows 'self' only.
(function () {
  "use strict";

  // <select data-autosubmit> submits its form when changed (the form keeps a submit button
  // for keyboard and no-JS users).
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("select[data-autosubmit]") && target.form) {
      target.form.requestSubmit();
    }
  });

  // After htmx replaces a region, tell screen readers by focusing its heading if it has one.
  document.addEventListener("htmx:afterSwap", function (event) {
    var heading = event.detail.target.querySelector("[data-focus-after-swap]");
    if (heading) {
      heading.setAttribute("tabindex", "-1");
      heading.focus();
    }
  });
})();

// BDSP return: "No activity" / "Not applicable" answer for a whole indicator; its figures
// are then ignored by the server, so the inputs are disabled to say so.
document.addEventListener("change", function (event) {
  var select = event.target;
  if (!select.matches || !select.matches("select[data-state-for]")) {
    return;
  }
  var table = document.querySelector('[data-cells-of="' + select.dataset.stateFor + '"]');
  if (table) {
    table.querySelectorAll("input").forEach(function (input) {
      input.disabled = select.value !== "value";
    });
  }
});

// BDSP form editor: a rule's parameters depend on its kind; show only the ones it uses
// (without JavaScript every parameter shows, and the server keeps only the kind's own).
(function () {
  function showParameters(form) {
    var kind = form.querySelector("select[name=kind]");
    if (!kind) {
      return;
    }
    form.querySelectorAll("[data-rule-kinds]").forEach(function (box) {
      box.hidden = box.dataset.ruleKinds.split(" ").indexOf(kind.value) === -1;
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-rule-form]").forEach(showParameters);
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-rule-form] select[name=kind]")) {
      showParameters(event.target.closest("[data-rule-form]"));
    }
  });
})();

// <select data-filter-by="unit">: only the options whose data-filter-value is the value of
// the same form's <select name="unit"> show (the people of the chosen unit); an option
// hidden while chosen is unchosen. Without JavaScript every option shows and the server checks.
(function () {
  function filterOptions(select) {
    var source = select.form && select.form.elements[select.dataset.filterBy];
    if (!source) {
      return;
    }
    Array.prototype.forEach.call(select.options, function (option) {
      if (option.dataset.filterValue === undefined) {
        return;
      }
      var shown = !source.value || option.dataset.filterValue === source.value;
      option.hidden = !shown;
      option.disabled = !shown;
      if (!shown && option.selected) {
        select.value = "";
      }
    });
  }
  function filterDependents(form, name) {
    form.querySelectorAll('select[data-filter-by="' + name + '"]').forEach(filterOptions);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("select[data-filter-by]").forEach(filterOptions);
  });
  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.form && target.name) {
      filterDependents(target.form, target.name);
    }
  });
})();
