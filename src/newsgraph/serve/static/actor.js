// The actor page: relation score over time with each partner, shifts marked, drawn with plotly.js.
(function () {
  "use strict";
  var box = document.getElementById("relation-chart");
  if (!box || typeof Plotly === "undefined") { return; }
  fetch(box.dataset.source, { headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(draw)
    .catch(function (err) { box.textContent = "Could not load the relation chart: " + err.message; });

  function draw(data) {
    var traces = [], shapes = [], notes = [];
    data.relations.forEach(function (rel) {
      if (!rel.series.length) { return; }
      traces.push({
        x: rel.series.map(function (p) { return p.period; }),
        y: rel.series.map(function (p) { return p.score; }),
        text: rel.series.map(function (p) { return p.events + " events"; }),
        mode: "lines+markers", name: rel.partner_name || rel.partner,
        hovertemplate: "%{x}: %{y:+.2f} (%{text})<extra>" + (rel.partner_name || rel.partner) + "</extra>"
      });
      rel.shifts.forEach(function (s) {
        shapes.push({ type: "line", xref: "x", yref: "paper", x0: s.period, x1: s.period, y0: 0, y1: 1,
                      line: { dash: "dash", width: 1.5, color: s.after >= s.before ? "#2e8b57" : "#c8413b" } });
        notes.push({ x: s.period, y: 1, yref: "paper", showarrow: false, yanchor: "bottom",
                     text: "shift: " + (rel.partner_name || rel.partner), font: { size: 11 } });
      });
    });
    if (!traces.length) {  // events without dates (and articles without a publication date)
      box.textContent = "No dated events with these partners yet: the chart needs event dates or article publication dates.";
      box.classList.add("muted");
      box.style.minHeight = "0";
      box.dataset.ready = "1";
      return;
    }
    var list = document.getElementById("shift-list");
    data.relations.forEach(function (rel) {
      rel.shifts.forEach(function (s) {  // textContent only: names come from articles
        var item = document.createElement("li");
        item.textContent = "Shift with " + (rel.partner_name || rel.partner) + " in " + s.period + ": " +
          s.before.toFixed(2) + " → " + s.after.toFixed(2);
        if (list) { list.appendChild(item); }
      });
    });
    Plotly.newPlot(box, traces, {
      margin: { l: 40, r: 10, t: 24, b: 40 }, height: 340,
      yaxis: { range: [-1.1, 1.1], zeroline: true, title: { text: "cooperation − conflict" } },
      xaxis: { type: "category", categoryorder: "category ascending" }, shapes: shapes, annotations: notes,
      legend: { orientation: "h" }
    }, { displaylogo: false, responsive: true }).then(function () { box.dataset.ready = "1"; });
  }
}());
