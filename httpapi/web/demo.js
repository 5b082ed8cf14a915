// The demo page: a profile form, the <career-recommendations> widget and an SVG diagram
// of the best career paths to a target role. Everything comes from this service.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const SVG = "http://www.w3.org/2000/svg";

  async function gql(query, variables) {
    const res = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
    return body.data;
  }

  async function init() {
    const data = await gql(`{
      roles(first: 100, orderBy: {field: LEVEL}) { nodes { id title } }
      skills(first: 100, orderBy: {field: CATEGORY}) { nodes { id name category } }
      certifications(first: 100) { nodes { id name } }
      attributions { attribution }
    }`);
    $("attribution").textContent = data.attributions.map((a) => a.attribution).join(" ");
    for (const r of data.roles.nodes) {
      $("role").add(new Option(r.title, r.id));
      $("target").add(new Option(r.title, r.id));
    }
    $("target").value = "senior-it-infrastructure-engineer";
    let html = "", category = "";
    for (const s of data.skills.nodes) {
      if (s.category !== category) {
        category = s.category;
        html += `<h3>${esc(category.replace(/_/g, " ").toLowerCase())}</h3>`;
      }
      html += `<div class="skill"><label><input type="checkbox" name="skill" value="${esc(s.id)}"> ${esc(s.name)}</label>
        <select aria-label="Level of ${esc(s.name)}" data-level="${esc(s.id)}">${[1, 2, 3, 4, 5, 6, 7]
          .map((l) => `<option${l === 3 ? " selected" : ""}>${l}</option>`).join("")}</select></div>`;
    }
    $("skills").innerHTML = html;
    $("certifications").innerHTML = data.certifications.nodes.map((c) =>
      `<label><input type="checkbox" name="certification" value="${esc(c.id)}"> ${esc(c.name)}</label>`).join("");
    $("profile").dataset.ready = "true";
  }

  function readProfile() {
    const profile = { skills: [], certifications: [] };
    if ($("role").value) profile.currentRole = $("role").value;
    for (const box of document.querySelectorAll("input[name=skill]:checked")) {
      const level = document.querySelector(`select[data-level="${CSS.escape(box.value)}"]`).value;
      profile.skills.push({ skill: box.value, level: Number(level) });
    }
    for (const box of document.querySelectorAll("input[name=certification]:checked")) profile.certifications.push(box.value);
    if ($("years").value !== "") profile.yearsOfExperience = Number($("years").value);
    return profile;
  }

  function updateWidget(profile) {
    const w = $("widget");
    w.setAttribute("current-role", profile.currentRole || "");
    w.setAttribute("skills", profile.skills.map((s) => `${s.skill}:${s.level}`).join(","));
    w.setAttribute("certifications", profile.certifications.join(","));
    w.setAttribute("years", profile.yearsOfExperience ?? "");
  }

  async function drawPaths(profile) {
    const status = $("diagram-status"), box = $("diagram");
    box.innerHTML = "";
    if (!profile.currentRole && !profile.skills.length && !profile.certifications.length) {
      status.textContent = "Choose a current role or some skills first.";
      return;
    }
    status.textContent = "Finding paths…";
    try {
      const data = await gql(`query($p: ProfileInput, $to: ID!) {
        careerPaths(profile: $p, to: $to, first: 3) {
          start { role { id title } }
          paths { rank totalYears roles { id title } steps { kind typicalYears skillsToGain { skill { name } } } }
        } }`, { p: profile, to: $("target").value });
      const cp = data.careerPaths;
      if (!cp.paths.length) {
        status.textContent = `No path leads from ${cp.start.role.title} to that role within six moves.`;
        return;
      }
      status.textContent = `${cp.paths.length} path${cp.paths.length > 1 ? "s" : ""} from ${cp.start.role.title}, quickest first.`;
      box.appendChild(diagram(cp.paths));
    } catch (err) {
      status.textContent = `Paths are unavailable: ${err.message}`;
    }
  }

  // diagram draws each path as a row of role boxes joined by arrows labelled with the
  // typical years and kind of each move.
  function diagram(paths) {
    const W = 170, H = 64, GAP = 84, ROW = 116, TOP = 28;
    const cols = Math.max(...paths.map((p) => p.roles.length));
    const svg = el("svg", { viewBox: `0 0 ${cols * (W + GAP)} ${paths.length * ROW + 10}`, role: "img",
      "aria-label": "Career path diagram", id: "path-diagram" });
    const defs = el("defs", {});
    const marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" });
    marker.appendChild(el("path", { d: "M0,0 L10,5 L0,10 z", fill: "#5b6575" }));
    defs.appendChild(marker);
    svg.appendChild(defs);
    paths.forEach((p, i) => {
      const y = i * ROW + TOP;
      svg.appendChild(text(`Path ${p.rank} · ${p.totalYears} years`, 4, y - 10, { "font-weight": 600, "font-size": 13 }));
      p.roles.forEach((r, j) => {
        const x = j * (W + GAP) + 4;
        const g = el("g", { class: "role-node", "data-role": r.id });
        g.appendChild(el("rect", { x, y, width: W, height: H, rx: 8, fill: j === p.roles.length - 1 ? "#e6efff" : "#fff",
          stroke: "#2f6fdb", "stroke-width": 1.5 }));
        const lines = wrap(r.title, 22).slice(0, 3);
        lines.forEach((line, k) => g.appendChild(text(line, x + W / 2,
          y + H / 2 + 5 + (k - (lines.length - 1) / 2) * 16, { "text-anchor": "middle", "font-size": 13 })));
        const title = el("title", {});
        title.textContent = r.title;
        g.appendChild(title);
        svg.appendChild(g);
        if (j > 0) {
          const s = p.steps[j - 1];
          const x0 = x - GAP + 2, x1 = x - 2, ym = y + H / 2;
          svg.appendChild(el("line", { x1: x0, y1: ym, x2: x1, y2: ym, stroke: "#5b6575", "stroke-width": 1.5, "marker-end": "url(#arrow)" }));
          svg.appendChild(text(`${s.typicalYears}y`, (x0 + x1) / 2, ym - 6, { "text-anchor": "middle", "font-size": 11 }));
          svg.appendChild(text(s.kind.toLowerCase(), (x0 + x1) / 2, ym + 15, { "text-anchor": "middle", "font-size": 9, fill: "#5b6575" }));
        }
      });
    });
    return svg;
  }

  function el(name, attrs) {
    const n = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    return n;
  }

  function text(s, x, y, attrs) {
    const t = el("text", { x, y, "font-family": "system-ui, sans-serif", fill: "#1d2430", ...attrs });
    t.textContent = s;
    return t;
  }

  function wrap(s, width) {
    const lines = [""];
    for (const word of s.split(" ")) {
      const cur = lines[lines.length - 1];
      if (cur && (cur + " " + word).length > width) lines.push(word);
      else lines[lines.length - 1] = cur ? `${cur} ${word}` : word;
    }
    return lines;
  }

  $("profile").addEventListener("submit", (e) => {
    e.preventDefault();
    const profile = readProfile();
    updateWidget(profile);
    drawPaths(profile);
  });

  init().catch((err) => { $("skills").textContent = `Could not load the graph: ${err.message}`; });
})();
