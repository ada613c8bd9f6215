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
