"""The HTML page of a view. Markers @@TITLE@@ (escaped), @@DATA@@ (escaped JSON), @@VIS@@ (library).

No network at all: the CSP forbids every fetch; all text is set with textContent, never innerHTML.
"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; \
style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@@TITLE@@</title>
<style>
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; }
body { display: flex; flex-direction: column; }
header { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; padding: 6px 12px;
  border-bottom: 1px solid #ccc; background: #fafafa; }
header h1 { font-size: 16px; margin: 0; }
#kg-message { color: #555; font-size: 12px; }
#kg-legend { display: flex; flex-wrap: wrap; gap: 10px; font-size: 12px; }
#kg-legend span.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px;
  border-radius: 2px; vertical-align: middle; }
#kg-main { flex: 1; display: flex; min-height: 0; }
#kg-network { flex: 1; min-width: 0; }
#kg-panel { width: 360px; overflow-y: auto; border-left: 1px solid #ccc; padding: 8px 12px; display: none; }
#kg-panel.open { display: block; }
#kg-panel h2 { font-size: 16px; margin: 4px 0; word-break: break-word; }
#kg-panel h3 { font-size: 13px; margin: 10px 0 2px; color: #555; }
#kg-panel ul { margin: 0; padding-left: 18px; }
#kg-panel li { margin-bottom: 6px; word-break: break-word; }
#kg-panel blockquote { margin: 0 0 2px; font-style: italic; }
#kg-panel .meta { color: #555; font-size: 12px; }
#kg-close { float: right; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 4px 6px; white-space: pre-wrap;
  max-width: 320px; background: #fffbe6; border: 1px solid #aaa; border-radius: 3px; font-size: 12px;
  pointer-events: none; z-index: 10; }
</style>
</head>
<body>
<header>
<h1 id="kg-title">@@TITLE@@</h1>
<form id="kg-search-form"><input id="kg-search" type="search" placeholder="Find a name or alias" \
aria-label="Find a node"> <button type="submit">Find</button> <span id="kg-search-result"></span></form>
<div id="kg-legend"></div>
<div id="kg-message"></div>
</header>
<div id="kg-main"><div id="kg-network"></div><aside id="kg-panel" aria-live="polite"></aside></div>
<script type="application/json" id="kg-data">@@DATA@@</script>
<script>@@VIS@@</script>
<script>
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = {};
  var styles = {};
  data.classes.forEach(function (c) { styles[c.key] = c; });
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }
  function tooltip(n) {
    // An element, not an HTML string: vis shows it as is, so markup in a name stays text.
    var lines = [n.name, styles[n.cls].name];
    if (n.dates.length) { lines.push(n.dates.join(" \\u2013 ")); }
    if (n.aliases.length) { lines.push("also: " + n.aliases.slice(0, 5).join("; ")); }
    return el("div", lines.join("\\n"));
  }
  document.getElementById("kg-message").textContent = data.message;
  var legend = document.getElementById("kg-legend");
  var present = {};
  data.nodes.forEach(function (n) { present[n.cls] = (present[n.cls] || 0) + 1; });
  data.classes.forEach(function (c) {
    if (!present[c.key]) { return; }
    var item = el("span");
    var swatch = el("span", null, "swatch");
    swatch.style.background = c.color;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(c.name + " (" + present[c.key] + ")"));
    legend.appendChild(item);
  });
  var visNodes = data.nodes.map(function (n) {
    byId[n.id] = n;
    return { id: n.id, label: n.label, title: tooltip(n), shape: styles[n.cls].shape,
      color: styles[n.cls].color, size: n.size, x: n.x, y: n.y };
  });
  var visEdges = data.edges.map(function (e, i) {
    var edge = { id: "e" + i, from: e.from, to: e.to, title: el("div", e.label) };
    if (data.edgeLabels) { edge.label = e.label; }
    return edge;
  });
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var big = !data.physics;
  var options = {
    autoResize: true,
    nodes: { font: { size: 12, multi: false }, borderWidth: 1 },
    edges: { arrows: { to: { enabled: true, scaleFactor: 0.5 } }, color: { color: "#999", highlight: "#333" },
      font: { size: 9, color: "#666", strokeWidth: 2, align: "middle" },
      smooth: big ? false : { type: "continuous" },
      width: 1 },
    interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: data.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, avoidOverlap: 0.4 },
      stabilization: { enabled: true, iterations: data.stabilizationIterations, updateInterval: 1000,
        fit: true }
    } : { enabled: false }
  };
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var view = { network: network, data: data, stable: null, focused: null };
  window.kgView = view;
  var settled = !data.physics;
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });
    settled = true;
  });
  network.on("afterDrawing", function () {
    if (settled && view.stable === null) { view.stable = performance.now(); }
  });
  if (!data.physics) { network.fit({ animation: false }); }

  var panel = document.getElementById("kg-panel");
  function section(title, items) {
    if (!items.length) { return; }
    panel.appendChild(el("h3", title));
    var list = el("ul");
    items.forEach(function (item) {
      list.appendChild(typeof item === "string" ? el("li", item) : item);
    });
    panel.appendChild(list);
  }
  function sourceItem(s) {
    var li = el("li");
    li.appendChild(el("blockquote", s.sentence));
    var meta = el("div", null, "meta");
    if (s.headline && /^https?:\\/\\//i.test(s.url)) {
      var link = el("a", s.headline);
      link.href = s.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      meta.appendChild(link);
    } else {
      meta.appendChild(el("span", s.headline || s.file));
      if (s.url && /^https?:\\/\\//i.test(s.url)) {
        var bare = el("a", s.url);
        bare.href = s.url;
        bare.rel = "noopener noreferrer";
        bare.target = "_blank";
        meta.appendChild(document.createTextNode(" "));
        meta.appendChild(bare);
      }
    }
    var rest = [s.outlet, s.published].filter(function (x) { return x; }).join(", ");
    if (rest) { meta.appendChild(document.createTextNode(" \\u2014 " + rest)); }
    li.appendChild(meta);
    return li;
  }
  function showPanel(id) {
    var n = byId[id];
    if (!n) { return; }
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    var close = el("button", "\\u00d7");
    close.id = "kg-close";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", function () { panel.className = ""; });
    panel.appendChild(close);
    panel.appendChild(el("h2", n.name));
    panel.appendChild(el("div", styles[n.cls].name + " \\u00b7 " + n.degree + " links", "meta"));
    section("Also written as", n.aliases);
    section("Posts", n.posts);
    section("Dates", n.dates);
    section("Facts", n.facts.map(function (f) { return f[0] + ": " + f[1]; }));
    section("Sources (" + n.sources.length + ")", n.sources.map(sourceItem));
    panel.className = "open";
    view.panelFor = id;
  }
  view.showPanel = showPanel;
  network.on("click", function (params) {
    if (params.nodes.length) { showPanel(params.nodes[0]); }
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var best = null;
    var bestRank = 9;
    data.nodes.forEach(function (n) {
      [n.name].concat(n.aliases).forEach(function (form) {
        var f = form.toLowerCase();
        var rank = f === q ? 0 : (f.indexOf(q) === 0 ? 1 : (f.indexOf(q) >= 0 ? 2 : 9));
        if (rank < bestRank) { best = n; bestRank = rank; }
      });
    });
    return best;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var found = find(document.getElementById("kg-search").value);
    var result = document.getElementById("kg-search-result");
    if (!found) { result.textContent = "no match"; return; }
    result.textContent = "";
    network.selectNodes([found.id]);
    network.focus(found.id, { scale: 1.4, animation: false });
    view.focused = found.id;
    showPanel(found.id);
  });
}());
</script>
</body>
</html>
"""
