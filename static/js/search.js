// The global search page: each group loads its own results (htmx, hx-trigger="load").
// While they load, the groups are busy (aria-busy) and say so; once every group has answered,
// the region is no longer busy, and when none found anything the "no result" message shows.
// Without JavaScript, each group offers a link to its own page instead.
(function () {
  "use strict";
  var region = document.querySelector("[data-search-groups]");
  if (!region) {
    return;
  }

  function finish() {
    if (region.querySelector("[data-search-pending]")) {
      return;
    }
    region.setAttribute("aria-busy", "false");
    var empty = region.querySelector("[data-search-empty]");
    if (empty) {
      empty.hidden = region.querySelector("[data-search-results], [data-search-failed]:not([hidden])") !== null;
    }
  }

  function failed(event) {
    var group = event.detail.elt && event.detail.elt.closest && event.detail.elt.closest("[data-search-pending]");
    if (!group) {
      return;
    }
    group.removeAttribute("data-search-pending");
    group.setAttribute("aria-busy", "false");
    group.querySelector("[data-search-loading]").hidden = true;
    group.querySelector("[data-search-failed]").hidden = false;
    finish();
  }

  var pending = region.querySelectorAll("[data-search-pending]");
  if (pending.length) {
    region.setAttribute("aria-busy", "true");
  }
  pending.forEach(function (group) {
    group.setAttribute("aria-busy", "true");
    group.querySelector("[data-search-loading]").hidden = false;
  });
  document.addEventListener("htmx:load", finish);
  document.addEventListener("htmx:responseError", failed);
  document.addEventListener("htmx:sendError", failed);
  finish();
})();
