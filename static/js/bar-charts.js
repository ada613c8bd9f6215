// Draws bar charts from the JSON each canvas names (no inline script: strict CSP). A chart whose
// JSON has `links` opens the list behind the bar clicked (the table beside it has the same links).
(function () {
  "use strict";
  function draw() {
    if (typeof Chart === "undefined") {
      return;
    }
    var locale = document.documentElement.lang || "fr-CA";
    document.querySelectorAll("canvas[data-chart-source]").forEach(function (canvas) {
      var source = document.getElementById(canvas.getAttribute("data-chart-source"));
      if (!source) {
        return;
      }
      var data = JSON.parse(source.textContent);
      new Chart(canvas, {
        type: "bar",
        data: { labels: data.labels, datasets: [{ label: data.title, data: data.data, backgroundColor: "#095797" }] },
        options: {
          animation: false,
          locale: locale,
          indexAxis: "y",
          plugins: { legend: { display: false } },
          onClick: function (event, elements) {
            if (data.links && elements.length) {
              window.location.assign(data.links[elements[0].index]);
            }
          },
          scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
        }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
