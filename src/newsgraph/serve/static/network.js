// The network page: reads its own JSON twin and draws it with vis-network (served locally).
(function () {
  "use strict";
  var box = document.getElementById("network");
  if (!box || typeof vis === "undefined") { return; }
  var css = getComputedStyle(document.documentElement);
  function colour(name) { return (css.getPropertyValue("--" + name) || "").trim() || "#8a8f98"; }

  fetch(box.dataset.source, { headers: { "Accept": "application/json" } })
    .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
    .then(draw)
    .catch(function (err) { box.textContent = "Could not load the network: " + err.message; });

  function draw(data) {
    var maxMentions = Math.max.apply(null, [1].concat(data.nodes.map(function (n) { return n.mentions; })));
    var nodes = new vis.DataSet(data.nodes.map(function (n) {
      return {
        id: n.id, label: n.name, value: n.mentions,
        title: n.name + " (" + n.type.replace("_", " ") + ")\n" + n.mentions + " mentions in " + n.documents + " articles",
        color: { background: colour(n.type), border: "#ffffff", highlight: { background: colour(n.type), border: "#1d232b" } },
        font: { size: 13 + Math.round(8 * n.mentions / maxMentions) }
      };
    }));
    var edges = new vis.DataSet(data.edges.map(function (e, i) {
      return {
        id: "e" + i, from: e.source, to: e.target, value: e.events,
        title: e.events + " events: " + e.cooperation + " cooperation, " + e.conflict + " conflict" +
               (e.first ? "\n" + e.first + (e.last && e.last !== e.first ? " – " + e.last : "") : ""),
        color: { color: colour(e.kind === "cooperation" ? "coop" : e.kind === "conflict" ? "conflict" : "mixed"), opacity: 0.8 }
      };
    }));
    var network = new vis.Network(box, { nodes: nodes, edges: edges }, {
      nodes: { shape: "dot", scaling: { min: 8, max: 40 }, borderWidth: 2 },
      edges: { scaling: { min: 1, max: 10 }, smooth: { type: "continuous" } },
      physics: { solver: "forceAtlas2Based", stabilization: { iterations: 200 } },
      interaction: { hover: true, tooltipDelay: 120 }
    });
    var settled = false;
    function settle() {  // freeze the layout once it has settled, so nodes stay where they are drawn
      if (settled) { return; }
      settled = true;
      network.setOptions({ physics: false });
      box.dataset.ready = "1";
    }
    network.once("stabilizationIterationsDone", settle);
    setTimeout(settle, 4000);  // a layout that never reports stabilising still ends up usable
    network.on("click", function (params) {
      if (params.nodes.length === 1) {
        window.location.href = "/actors/" + encodeURIComponent(params.nodes[0]);
      }
    });
    // For tests and scripts: where a node is drawn, in viewport coordinates.
    window.newsgraphNetwork = {
      network: network,
      nodePosition: function (id) {
        var p = network.canvasToDOM(network.getPositions([id])[id]);
        var rect = box.getBoundingClientRect();
        return { x: rect.left + p.x, y: rect.top + p.y };
      }
    };
    if (!data.nodes.length) { box.dataset.ready = "1"; box.textContent = "No actors match these filters."; }
  }
}());
