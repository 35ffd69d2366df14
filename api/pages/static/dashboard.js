/* The trend chart: one line per outlet, drawn with the vendored Chart.js from the figures
   the server put in the page's #trend-data JSON block. Outlets differ in line dash and
   point shape as well as colour (Okabe-Ito), so the chart reads without colour vision. */
(function () {
  "use strict";
  var source = document.getElementById("trend-data");
  var canvas = document.getElementById("trend-chart");
  if (!source || !canvas || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#999933"];
  var dashes = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 4], [1, 5], [16, 6], [6, 2, 2, 2]];
  var shapes = ["circle", "rect", "triangle", "rectRot", "crossRot", "star", "cross", "rectRounded"];

  var datasets = data.series.map(function (line, index) {
    var style = index % colours.length;
    return {
      label: line.outlet,
      data: line.values,
      articles: line.articles,
      borderColor: colours[style],
      backgroundColor: colours[style],
      borderDash: dashes[style],
      pointStyle: shapes[style],
      pointRadius: 5,
      pointHoverRadius: 7,
      borderWidth: 2,
      spanGaps: false
    };
  });

  new Chart(canvas, {
    type: "line",
    data: { labels: data.periods, datasets: datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      plugins: {
        legend: { position: "bottom", labels: { usePointStyle: true, boxWidth: 10, padding: 14 } },
        tooltip: {
          callbacks: {
            afterLabel: function (item) {
              var count = item.dataset.articles[item.dataIndex];
              return count + (count === 1 ? " article" : " articles");
            }
          }
        }
      },
      scales: {
        x: { title: { display: true, text: "period starting" } },
        y: { title: { display: true, text: data.metric.replace(/_/g, " ") } }
      }
    }
  });
}());
