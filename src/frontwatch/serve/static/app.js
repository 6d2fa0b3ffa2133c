"use strict";
// frontwatch's analyst page. Everything from the store is rendered with textContent: article text is data.
(function () {
  const STATUSES = {
    confirmed: { color: "#0072B2", cue: "filled", meaning: "the acting side and its adversary both say so, or the loser admits it" },
    corroborated: { color: "#009E73", cue: "half-filled", meaning: "two or more independent sources affirm it" },
    contested: { color: "#D55E00", cue: "dashed ring", meaning: "denied by a source, or its author is disputed" },
    "single-source": { color: "#7F6A00", cue: "hollow", meaning: "one independent source so far" },
  };
  const TYPES = ["withdrawal", "capture", "advance", "attack", "evacuation", "annexation", "mobilization", "casualties"];
  const EXPORTS = ["csv", "geojson", "jsonl", "parquet"];

  const $ = (sel) => document.querySelector(sel);
  const form = $("#filters");
  const listEl = $("#list");
  const countEl = $("#count");
  const cardEl = $("#card");
  const timelineEl = $("#timeline");

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "text") node.textContent = String(v);
      else if (k === "class") node.className = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
    return node;
  }

  function safeUrl(u) {
    // Only web links from articles become links; anything else (javascript:, data:) stays text.
    return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null;
  }

  // -- filters <-> URL ------------------------------------------------------------------------------

  for (const [name, s] of Object.entries(STATUSES)) {
    const box = el("input", { type: "checkbox", name: "status", value: name, checked: true });
    $("#statuses").append(el("label", { class: "status-chip", "data-status": name }, box, swatch(name), " " + name));
  }
  for (const t of TYPES) form.elements.type.append(el("option", { value: t, text: t }));

  function swatch(status) {
    return el("span", { class: "swatch cue-" + status, "aria-hidden": "true" });
  }

  function readUrl() {
    const q = new URLSearchParams(location.search);
    for (const name of ["since", "until", "type", "side", "place"]) form.elements[name].value = q.get(name) || "";
    form.elements.include_background.checked = q.get("include_background") === "true";
    const st = q.getAll("status");
    for (const box of form.querySelectorAll("input[name=status]")) box.checked = st.length === 0 || st.includes(box.value);
    return q.get("incident");
  }

  function filterQuery() {
    const q = new URLSearchParams();
    for (const name of ["since", "until", "type", "side", "place"]) {
      const v = form.elements[name].value.trim();
      if (v) q.set(name, v);
    }
    const boxes = [...form.querySelectorAll("input[name=status]")];
    const on = boxes.filter((b) => b.checked).map((b) => b.value);
    if (on.length < boxes.length) for (const s of on.length ? on : ["none"]) q.append("status", s);
    if (form.elements.include_background.checked) q.set("include_background", "true");
    return q;
  }

  function writeUrl() {
    const q = filterQuery();
    if (state.selected) q.set("incident", state.selected);
    history.replaceState(null, "", q.toString() ? "?" + q : location.pathname);
  }

  // -- map --------------------------------------------------------------------------------------------

  const map = L.map("map", { preferCanvas: true, minZoom: 3, maxZoom: 13, worldCopyJump: false }).setView([48.5, 34], 6);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth; places: GeoNames (CC BY 4.0)");
  map.createPane("base").style.zIndex = 250;
  map.createPane("labels").style.zIndex = 400;
  map.createPane("incidents").style.zIndex = 450;
  const baseRenderer = L.canvas({ pane: "base" });
  const incidentRenderer = L.canvas({ pane: "incidents", padding: 0.2 });
  const markers = L.layerGroup().addTo(map);
  const labels = L.layerGroup().addTo(map);
  let placeLabels = [];

  function loadBasemap() {
    fetch("/static/geo/countries-50m.json").then((r) => r.json()).then((topo) => {
      const countries = topojson.feature(topo, topo.objects.countries);
      L.geoJSON(countries, {
        pane: "base", renderer: baseRenderer, interactive: false,
        style: (f) => ({ color: "#777", weight: 1, fillColor: f.properties.a3 === "UKR" ? "#fbf8ef" : "#eeeeea", fillOpacity: 1 }),
      }).addTo(map);
    });
    fetch("/static/geo/ukraine-admin1.json").then((r) => r.json()).then((topo) => {
      const oblasts = topojson.feature(topo, topo.objects[Object.keys(topo.objects)[0]]);
      L.geoJSON(oblasts, { pane: "base", renderer: baseRenderer, interactive: false, style: { color: "#aaa", weight: 0.7, fill: false } }).addTo(map);
    });
    fetch("/geo/places.json").then((r) => r.json()).then((rows) => { placeLabels = rows; drawLabels(); });
  }

  function drawLabels() {
    labels.clearLayers();
    const z = map.getZoom();
    const minPop = z >= 10 ? 0 : z >= 9 ? 2000 : z >= 8 ? 10000 : z >= 7 ? 50000 : z >= 6 ? 200000 : 1000000;
    const b = map.getBounds().pad(0.1);
    let n = 0;
    const placed = [];
    for (const [name, lat, lon, pop] of placeLabels) {
      if (pop < minPop) break;  // sorted by population, largest first
      if (!b.contains([lat, lon])) continue;
      // a bigger place's label nearby wins (city districts would hide their city)
      const pt = map.latLngToContainerPoint([lat, lon]);
      if (placed.some((q) => Math.abs(q.x - pt.x) < 70 && Math.abs(q.y - pt.y) < 16)) continue;
      placed.push(pt);
      const icon = L.divIcon({ className: "place-label", html: "", iconSize: null });
      const m = L.marker([lat, lon], { icon, pane: "labels", interactive: false, keyboard: false });
      m.on("add", () => { m.getElement().textContent = name; });
      labels.addLayer(m);
      if (++n >= 250) break;
    }
  }
  map.on("moveend", drawLabels);

  function markerStyle(p, selected) {
    const s = STATUSES[p.status] || STATUSES["single-source"];
    const radius = 4 + 2.5 * Math.sqrt(Math.max(1, p.n));
    const style = { radius: selected ? radius + 3 : radius, color: s.color, weight: selected ? 4 : 2, fillColor: s.color,
      fillOpacity: 0.85, opacity: 1, dashArray: null, renderer: incidentRenderer, pane: "incidents" };
    if (p.status === "corroborated") style.fillOpacity = 0.45;
    if (p.status === "contested") { style.dashArray = "3 3"; style.weight = 3; style.fillOpacity = 0.3; }
    if (p.status === "single-source") style.fillOpacity = 0;
    if (selected) style.color = "#111";
    return style;
  }

  // -- state and rendering -------------------------------------------------------------------------------

  const state = { features: [], byId: new Map(), order: [], selected: null, markerById: new Map(), rowById: new Map(), loadSeq: 0 };

  function legend() {
    const box = $("#legend");
    box.replaceChildren(el("h2", { text: "What the colours and shapes mean" }));
    const dl = el("dl");
    for (const [name, s] of Object.entries(STATUSES)) {
      dl.append(el("dt", {}, swatch(name), " " + name + " (" + s.cue + ")"), el("dd", { text: s.meaning }));
    }
    box.append(dl, el("p", { class: "note", text: "Size: independent sources. Copies of one wire story count once." }));
  }

  function exportLinks(q) {
    const nav = $("#exports");
    nav.replaceChildren("export: ");
    for (const kind of EXPORTS) {
      nav.append(el("a", { href: "/api/v1/incidents." + kind + (q.toString() ? "?" + q : ""), "data-testid": "export-" + kind, text: kind.toUpperCase() }), " ");
    }
  }

  function dateLabel(d) {
    if (!d || !d.start) return "undated";
    return d.start === d.end ? d.start : d.start + " – " + d.end;
  }

  function item(columns, row) {
    const r = {};
    columns.forEach((c, i) => { r[c] = row[i]; });
    return { id: r.incident_id, type: r.type, status: r.status, start: r.day_start, end: r.day_end,
      place: r.place_name, lat: r.lat, lon: r.lon, n: r.n_independent, side: r.actor_side,
      background: r.background, geonameid: r.geonameid, country: r.country };
  }

  function itemPlace(it) {
    return it.place ? it.place + (it.country ? " (" + it.country + ")" : "") : "no place";
  }

  function placeLabel(p) {
    if (!p) return "no place";
    return p.name + (p.country ? " (" + p.country + ")" : "");
  }

  async function load() {
    const seq = ++state.loadSeq;
    const q = filterQuery();
    exportLinks(q);
    writeUrl();
    countEl.textContent = "loading…";
    let items = [];
    if (!q.getAll("status").includes("none")) {
      const resp = await fetch("/api/v1/map/incidents" + (q.toString() ? "?" + q : ""));
      if (!resp.ok) { countEl.textContent = "error " + resp.status; return; }
      const body = await resp.json();
      items = body.rows.map((row) => item(body.columns, row));
    }
    if (seq !== state.loadSeq) return;
    state.features = items;
    state.byId = new Map(items.map((it) => [it.id, it]));
    await render();
    if (state.selected && !state.byId.has(state.selected)) { /* keep the card: a permalink may point outside the filter */ }
  }

  function render() {
    const items = state.features;
    countEl.textContent = items.length + (items.length === 1 ? " incident" : " incidents");
    countEl.dataset.count = String(items.length);
    markers.clearLayers();
    state.markerById.clear();
    for (const it of items) {
      if (it.lat === null || it.lon === null) continue;
      const m = L.circleMarker([it.lat, it.lon], markerStyle(it, it.id === state.selected));
      m.on("click", () => select(it.id, { pan: false }));
      m.on("mouseover", () => {
        if (!m.getTooltip()) m.bindTooltip(it.type + " — " + itemPlace(it) + " — " + it.status, { sticky: true }).openTooltip();
      });
      markers.addLayer(m);
      state.markerById.set(it.id, m);
    }
    // the markers paint first; the list and histogram follow in the next task
    return new Promise((resolve) => requestAnimationFrame(() => {
      if (items.length) document.body.dataset.firstMarker = String(Math.round(performance.now()));
      setTimeout(() => { renderList(items); histogram(items); resolve(); }, 0);
    }));
  }

  function renderList(items) {
    // latest first
    state.order = items.slice().sort((a, b) => (b.start || "").localeCompare(a.start || "") || a.id.localeCompare(b.id)).map((it) => it.id);
    const frag = document.createDocumentFragment();
    state.rowById.clear();
    for (const id of state.order) {
      const it = state.byId.get(id);
      const row = el("li", { "data-testid": "incident-row", "data-id": id, "data-status": it.status, class: "row" + (id === state.selected ? " selected" : "") },
        swatch(it.status),
        el("span", { class: "date", text: dateLabel(it) }),
        el("span", { class: "what", text: it.type + " — " + itemPlace(it) }),
        el("span", { class: "status", text: it.status + " · " + it.n + " src" + (it.background ? " · background" : "") }));
      state.rowById.set(id, row);
      frag.append(row);
    }
    listEl.replaceChildren(frag);
  }

  listEl.addEventListener("click", (e) => {
    const row = e.target.closest("li[data-id]");
    if (row) select(row.dataset.id, { pan: true });
  });

  function histogram(items) {
    const box = $("#histogram");
    const perDay = new Map();
    for (const it of items) {
      if (it.start) perDay.set(it.start, (perDay.get(it.start) || 0) + 1);
    }
    const days = [...perDay.keys()].sort();
    box.replaceChildren();
    if (!days.length) { box.append(el("span", { class: "note", text: "no dated incidents" })); return; }
    const first = new Date(days[0] + "T00:00:00Z"), last = new Date(days[days.length - 1] + "T00:00:00Z");
    const span = Math.round((last - first) / 86400000) + 1;
    const max = Math.max(...perDay.values());
    const bars = el("div", { class: "bars" });
    let dragFrom = null;
    for (let i = 0; i < Math.min(span, 3000); i++) {
      const day = new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10);
      const n = perDay.get(day) || 0;
      const bar = el("div", { class: "bar", "data-day": day, title: day + ": " + n });
      const fill = el("div", { class: "fill" });
      fill.style.height = (n ? Math.max(6, (100 * n) / max) : 0) + "%";
      bar.append(fill);
      bar.addEventListener("mousedown", (e) => { dragFrom = day; e.preventDefault(); });
      bar.addEventListener("mouseup", () => {
        if (dragFrom === null) return;
        const [a, b] = [dragFrom, day].sort();
        dragFrom = null;
        form.elements.since.value = a;
        form.elements.until.value = b;
        load();
      });
      bars.append(bar);
    }
    const clear = el("button", { type: "button", text: "all dates" });
    clear.addEventListener("click", () => { form.elements.since.value = ""; form.elements.until.value = ""; load(); });
    box.append(el("div", { class: "axis" }, el("span", { text: days[0] }), el("span", { text: "incidents per day (click or drag to set the dates)" }), el("span", { text: days[days.length - 1] })), bars, clear);
  }

  // -- selection, card and timeline --------------------------------------------------------------------

  function select(id, opts) {
    const prev = state.selected;
    state.selected = id;
    if (prev && state.rowById.has(prev)) state.rowById.get(prev).classList.remove("selected");
    if (prev && state.markerById.has(prev)) state.markerById.get(prev).setStyle(markerStyle(state.byId.get(prev), false));
    const row = state.rowById.get(id);
    if (row) { row.classList.add("selected"); row.scrollIntoView({ block: "nearest" }); }
    const m = state.markerById.get(id);
    if (m) {
      m.setStyle(markerStyle(state.byId.get(id), true));
      m.bringToFront();
      if (opts && opts.pan) map.panTo(m.getLatLng(), { animate: false });
    }
    writeUrl();
    showCard(id);
  }

  async function showCard(id) {
    cardEl.hidden = false;
    cardEl.replaceChildren(el("p", { class: "note", text: "loading " + id + "…" }));
    const resp = await fetch("/api/v1/incidents/" + encodeURIComponent(id));
    if (!resp.ok) { cardEl.replaceChildren(el("p", { text: "no incident " + id })); return; }
    const d = await resp.json();
    if (state.selected !== id) return;  // another incident was chosen meanwhile
    const inc = d.incident;
    if (inc.incident_id !== id) { state.selected = inc.incident_id; writeUrl(); }  // followed a merge redirect
    cardEl.replaceChildren(
      el("h2", {}, swatch(inc.status), " " + inc.type + " — " + placeLabel(inc.place)),
      el("p", { class: "meta" }, el("span", { class: "badge", "data-status": inc.status, text: inc.status }), " " + dateLabel(inc.date) + " · acting side " + (inc.actor_side || "unknown") + " · ", el("code", { text: inc.incident_id })),
      el("h3", { text: "Why this status" }),
      el("p", { "data-testid": "why", text: d.why }),
    );
    if (inc.conflicts.length) {
      const ul = el("ul", { class: "conflicts", "data-testid": "conflicts" });
      for (const c of inc.conflicts) ul.append(el("li", {}, el("strong", { text: c.kind }), ": " + c.detail));
      cardEl.append(el("h3", { text: "Conflicts" }), ul);
    }
    cardEl.append(el("h3", { text: "Who says what (" + d.reports.length + ")" }));
    const ol = el("ol", { class: "reports" });
    for (const r of d.reports) {
      const doc = r.document || {};
      const who = r.source ? (r.source.name || "unnamed source") + (r.source.side ? " (" + r.source.side + ")" : "") : "the outlet itself";
      const url = safeUrl(doc.url);
      const title = doc.title || r.doc_id;
      const li = el("li", { class: "report" + (r.counted ? "" : " copy"), "data-testid": "report" },
        el("div", { class: "who" }, el("span", { class: "mstatus", text: r.status }), " " + who + (r.counted ? "" : " — copy, not counted")),
        el("blockquote", { "data-testid": "quote", text: r.evidence.text }),
        el("div", { class: "src" },
          url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: title }) : el("span", { text: title }),
          " · " + (doc.published || "undated") + " · ",
          el("a", { href: "/api/v1/documents/" + encodeURIComponent(r.doc_id), text: "text", title: "cleaned text; the quote is at characters " + r.evidence.start + "–" + r.evidence.end })));
      ol.append(li);
    }
    cardEl.append(ol);
    showTimeline(inc.place);
  }

  async function showTimeline(place) {
    if (!place || place.geonameid === null || place.geonameid === undefined) { timelineEl.hidden = true; return; }
    const resp = await fetch("/api/v1/places/" + place.geonameid + "/timeline");
    if (!resp.ok) { timelineEl.hidden = true; return; }
    const t = await resp.json();
    if (!t.places.length) { timelineEl.hidden = true; return; }
    timelineEl.hidden = false;
    timelineEl.replaceChildren(el("h3", { text: "Control of " + t.places[0].place.name + " over time" }));
    const strip = el("ol", { class: "strip" });
    for (const c of t.places[0].changes) {
      const when = c.date ? dateLabel(c.date) : c.before ? "before " + c.before : "undated";
      const step = el("li", {},
        el("button", { type: "button", class: "step side-" + (c.side || "unknown"), "data-testid": "timeline-step", "data-incident": c.incident_id },
          el("span", { class: "when", text: when }),
          el("span", { class: "held", text: (c.actor_side || "?") + " " + (c.change === "withdrawal" ? "withdrew" : "captured") + " → held by " + (c.side || "?") }),
          el("span", { class: "badge", "data-status": c.status, text: c.status })));
      step.firstChild.addEventListener("click", () => select(c.incident_id, { pan: true }));
      strip.append(step);
    }
    timelineEl.append(strip);
  }

  // -- keyboard stepping ------------------------------------------------------------------------------------

  listEl.addEventListener("keydown", (e) => {
    if (!state.order.length) return;
    const i = state.selected ? state.order.indexOf(state.selected) : -1;
    let j = null;
    if (e.key === "ArrowDown" || e.key === "j") j = Math.min(state.order.length - 1, i + 1);
    else if (e.key === "ArrowUp" || e.key === "k") j = Math.max(0, i - 1);
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = state.order.length - 1;
    if (j !== null) { e.preventDefault(); select(state.order[j], { pan: true }); }
  });

  let timer = null;
  form.addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(load, e.target.name === "place" ? 400 : 0);
  });
  form.addEventListener("submit", (e) => { e.preventDefault(); load(); });

  legend();
  const wanted = readUrl();
  if (wanted) state.selected = wanted;
  // incidents first: the outlines and labels are drawn beneath them when they arrive
  load().then(() => { if (wanted) select(wanted, { pan: true }); }).finally(loadBasemap);
  window.frontwatch = { map, state, select };
})();
