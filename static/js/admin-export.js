// Admin export page (django-import-export): its "Select all" box calls a handler written
// inline in the template, which the CSP ('self' only) blocks. The attribute is taken off
// before it can run and the same library function is bound here instead.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input.select-toggle[onchange]").forEach(function (toggle) {
    toggle.removeAttribute("onchange");
    toggle.addEventListener("change", function (event) {
      if (typeof window.onSelectToggleChange === "function") {
        window.onSelectToggleChange(event);
      }
    });
  });
});
