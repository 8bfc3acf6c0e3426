// Draws the report's charts from the JSON aggregates in #monitorgen-data. Each canvas names its chart in data-chart
// and its section and feature in data-section and data-feature; its text alternative is already in the page.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("monitorgen-data").textContent);
  var reference = "rgba(84, 110, 148, 0.55)";
  var current = "rgba(214, 96, 40, 0.70)";
  Chart.defaults.animation = false;
  Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

  function shares(counts) {
    var total = counts.reduce(function (a, b) { return a + b; }, 0);
    return counts.map(function (c) { return total > 0 ? (100 * c) / total : 0; });
  }

  function shorten(label) {
    return label.length > 18 ? label.slice(0, 17) + "\u2026" : label;
  }

  function bars(feature) {
    return [
      { label: "reference", data: shares(feature.reference), backgroundColor: reference, grouped: false, barPercentage: 1, categoryPercentage: 0.9 },
      { label: "current", data: shares(feature.current), backgroundColor: current, grouped: false, barPercentage: 0.6, categoryPercentage: 0.9 }
    ];
  }

  function spark(feature) {
    return {
      type: "bar",
      data: { labels: feature.bins, datasets: bars(feature) },
      options: {
        responsive: false,
        events: [],
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false, beginAtZero: true } }
      }
    };
  }

  function distribution(feature) {
    return {
      type: "bar",
      data: { labels: feature.bins, datasets: bars(feature) },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: {
          y: { beginAtZero: true, title: { display: true, text: "% of values" } },
          // A long category would take the whole chart: the axis shows its start, the tooltip all of it.
          x: { ticks: { autoSkip: true, maxRotation: 60, callback: function (value) { return shorten(this.getLabelForValue(value)); } } }
        }
      }
    };
  }

  function score(history, index) {
    var feature = history.features[index];
    return {
      type: "line",
      data: {
        labels: history.at,
        datasets: [
          { label: "score", data: feature.score, borderColor: current, backgroundColor: current, yAxisID: "y", spanGaps: false },
          { label: "threshold", data: feature.threshold, borderColor: "#b3261e", borderDash: [6, 4], pointRadius: 0, stepped: true, yAxisID: "y" },
          { label: "n", type: "bar", data: feature.n, backgroundColor: "rgba(84, 110, 148, 0.25)", yAxisID: "n" }
        ]
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: {
          y: { type: feature.pValue ? "logarithmic" : "linear", title: { display: true, text: feature.pValue ? "p-value" : "distance" } },
          n: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "n" } },
          x: { ticks: { autoSkip: true, maxRotation: 0 } }
        }
      }
    };
  }

  function quality(history) {
    return {
      type: "line",
      data: {
        labels: history.at,
        datasets: [
          { label: "rows with issues (%)", data: history.quality, borderColor: "#8a5a00", backgroundColor: "#8a5a00", yAxisID: "y" },
          { label: "rows", type: "bar", data: history.rows, backgroundColor: "rgba(84, 110, 148, 0.25)", yAxisID: "n" }
        ]
      },
      options: {
        maintainAspectRatio: false,
        plugins: { legend: { position: "bottom" } },
        scales: {
          y: { beginAtZero: true, title: { display: true, text: "% of rows" } },
          n: { position: "right", beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: "rows" } },
          x: { ticks: { autoSkip: true, maxRotation: 0 } }
        }
      }
    };
  }

  var builders = {
    spark: function (s, f) { return spark(data.sections[s].features[f]); },
    distribution: function (s, f) { return distribution(data.sections[s].features[f]); },
    score: function (s, f) { return score(data.sections[s].history, f); },
    quality: function (s) { return quality(data.sections[s].history); }
  };

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var build = builders[canvas.dataset.chart];
    new Chart(canvas, build(Number(canvas.dataset.section), Number(canvas.dataset.feature)));
  });
})();
