// Draws the statistics chart from the JSON the page carries (no inline script: strict CSP).
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("stat-chart-data");
    var canvas = document.getElementById("stat-chart");
    if (!source || !canvas || typeof Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    var locale = document.documentElement.lang || "fr-CA";
    new Chart(canvas, {
      type: "line",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (set) {
          return { label: set.label, data: set.data, spanGaps: true, tension: 0.2 };
        })
      },
      options: {
        animation: false,
        locale: locale,
        plugins: { title: { display: true, text: data.title } },
        scales: { y: { beginAtZero: true } }
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
