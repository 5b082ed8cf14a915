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

  // allCertifications reads every certification, a page of 100 at a time.
  async function allCertifications() {
    const out = [];
    let after = null;
    for (;;) {
      const data = await gql(`query($after: String) {
        certifications(first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }`, { after });
      out.push(...data.certifications.nodes);
      if (!data.certifications.pageInfo.hasNextPage) return out;
      after = data.certifications.pageInfo.endCursor;
    }
  }

  async function init() {
    const data = await gql(`{ attributions { attribution } }`);
    const certifications = await allCertifications();
    $("attribution").textContent = data.attributions.map((a) => a.attribution).join(" ");
    typeahead($("role"), "role", () => {}, searchFor("Role"));
    typeahead($("target"), "role", () => {}, searchFor("Role"));
    typeahead($("skill-search"), "skill", (id, name) => {
      addSkill(id, name);
      $("skill-search").value = "";
    }, searchFor("Skill"));
    typeahead($("area"), "area", () => {}, async (text) => {
      const data = await gql(`query($t: String) { areas(search: $t, first: 10) { nodes { id name } } }`, { t: text });
      return data.areas.nodes.map((a) => ({ id: a.id, label: a.name }));
    });
    $("certifications").innerHTML = certifications.map((c) =>
      `<label><input type="checkbox" name="certification" value="${esc(c.id)}"> ${esc(c.name)}</label>`).join("");
    $("widget").addEventListener("career-recommendations-loaded", (e) => titleUnderstood(e.detail));
    $("widget").addEventListener("career-recommendations-error", (e) => {
      if ($("title").value.trim()) $("title-understood").textContent = e.detail;
    });
    $("profile").dataset.ready = "true";
  }

  // searchFor looks up nodes of one kind through the API's full-text search.
  function searchFor(kind) {
    return async (text) => {
      const data = await gql(`query($t: String!) { search(text: $t, first: 30) {
        node { __typename id ... on Role { title } ... on Skill { name } } } }`, { t: text });
      return data.search.map((h) => h.node).filter((n) => n.__typename === kind).slice(0, 10)
        .map((n) => ({ id: n.id, label: n.title || n.name }));
    };
  }

  // typeahead turns a text input into a picker: typing lists up to ten matches that
  // lookup(text) finds, and choosing one keeps its id on the input (data-id) and calls
  // pick(id, label). Editing the text forgets the choice.
  function typeahead(input, kind, pick, lookup) {
    const list = document.createElement("ul");
    list.className = "suggest";
    list.id = `${input.id}-options`;
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.autocomplete = "off";
    let timer, latest = 0;
    input.addEventListener("input", () => {
      delete input.dataset.id;
      clearTimeout(timer);
      const text = input.value.trim();
      if (text.length < 2) {
        list.hidden = true;
        return;
      }
      timer = setTimeout(async () => {
        const mine = ++latest;
        let hits = [];
        try {
          hits = await lookup(text);
        } catch (err) {
          list.innerHTML = `<li class="none">Search failed: ${esc(err.message)}</li>`;
          list.hidden = false;
          return;
        }
        if (mine !== latest) return;
        list.innerHTML = hits.length ? hits.map((n) =>
          `<li role="option"><button type="button" data-id="${esc(n.id)}">${esc(n.label)}</button></li>`).join("")
          : `<li class="none">No ${kind} matches “${esc(text)}”.</li>`;
        list.hidden = false;
      }, 150);
    });
    list.addEventListener("click", (e) => {
      const b = e.target.closest("button");
      if (!b) return;
      input.value = b.textContent;
      input.dataset.id = b.dataset.id;
      list.hidden = true;
      pick(b.dataset.id, b.textContent);
    });
    input.addEventListener("keydown", (e) => { if (e.key === "Escape") list.hidden = true; });
  }

  // addSkill adds a chosen skill to the profile with a level picker (3 to start).
  function addSkill(id, name) {
    if (document.querySelector(`input[name=skill][value="${CSS.escape(id)}"]`)) return;
    const none = $("skills").querySelector(".none");
    if (none) none.remove();
    const row = document.createElement("div");
    row.className = "skill";
    row.innerHTML = `<label><input type="checkbox" name="skill" value="${esc(id)}" checked> ${esc(name)}</label>
      <select aria-label="Level of ${esc(name)}" data-level="${esc(id)}">${[1, 2, 3, 4, 5, 6, 7]
        .map((l) => `<option${l === 3 ? " selected" : ""}>${l}</option>`).join("")}</select>`;
    $("skills").appendChild(row);
  }

  function readProfile() {
    const profile = { skills: [], certifications: [] };
    if ($("role").dataset.id) profile.currentRole = $("role").dataset.id;
    else if ($("title").value.trim()) profile.title = $("title").value.trim();
    if ($("resume").value.trim()) profile.text = $("resume").value;
    for (const box of document.querySelectorAll("input[name=skill]:checked")) {
      const level = document.querySelector(`select[data-level="${CSS.escape(box.value)}"]`).value;
      profile.skills.push({ skill: box.value, level: Number(level) });
    }
    for (const box of document.querySelectorAll("input[name=certification]:checked")) profile.certifications.push(box.value);
    if ($("years").value !== "") profile.yearsOfExperience = Number($("years").value);
    if ($("area").dataset.id) profile.area = $("area").dataset.id;
    return profile;
  }

  function updateWidget(profile) {
    const w = $("widget");
    w.setAttribute("current-role", profile.currentRole || "");
    w.setAttribute("current-title", profile.title || "");
    w.setAttribute("profile-text", profile.text || "");
    w.setAttribute("skills", profile.skills.map((s) => `${s.skill}:${s.level}`).join(","));
    w.setAttribute("certifications", profile.certifications.join(","));
    w.setAttribute("years", profile.yearsOfExperience ?? "");
    w.setAttribute("area", profile.area || "");
  }

  async function drawPaths(profile) {
    const status = $("diagram-status"), box = $("diagram");
    box.innerHTML = "";
    if (!profile.currentRole && !profile.title && !profile.text && !profile.skills.length && !profile.certifications.length) {
      status.textContent = "Write your job title, choose a role from the list, or add some skills, first.";
      return;
    }
    const to = $("target").dataset.id;
    if (!to) {
      status.textContent = "Choose a target role from the list under the field.";
      return;
    }
    status.textContent = "Finding paths…";
    try {
      const data = await gql(`query($p: ProfileInput, $to: ID!, $area: ID) {
        careerPaths(profile: $p, to: $to, first: 3) {
          start { role { id title } }
          paths { rank totalYears roles { id title wages(area: $area) { median hourlyMedian topCodedFigures nationalFallback } }
            steps { kind typicalYears skillsToGain { skill { name } } } }
        } }`, { p: profile, to, area: profile.area || null });
      const cp = data.careerPaths;
      if (!cp.paths.length) {
        status.textContent = `No path leads from ${cp.start.role.title} to that role within six moves.`;
        return;
      }
      status.textContent = `${cp.paths.length} path${cp.paths.length > 1 ? "s" : ""} from ${cp.start.role.title}, quickest first.`;
      if (cp.paths.some((p) => p.roles.some((r) => r.wages))) {
        status.textContent += ` Under each role, its median yearly pay ${profile.area ? `in ${$("area").value}` : "in the U.S."}` +
          " (BLS OEWS, May 2025; (US) where the area has no estimate).";
      }
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
        const label = payLabel(r.wages);
        if (label) {
          g.setAttribute("data-median", r.wages.median ?? "");
          g.appendChild(text(label, x + W / 2, y + H + 14, { "text-anchor": "middle", "font-size": 11, fill: "#1f6f43", class: "pay" }));
        }
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

  // payLabel is a role's median pay under its box: "$66,780", "$29.05/h", "≥ $239,200";
  // "(US)" marks the nation's figure where the area has none.
  function payLabel(w) {
    if (!w) return "";
    const us = w.nationalFallback ? " (US)" : "";
    if (w.median != null) return `$${w.median.toLocaleString("en-US")}${us}`;
    if (w.hourlyMedian != null) return `$${w.hourlyMedian.toFixed(2)}/h${us}`;
    if (w.topCodedFigures.includes("median")) return `≥ $239,200${us}`;
    return "";
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

  // showUnderstood marks the skills and certifications the résumé names, as the service
  // reads them; the widget's answer says which role the title named (see init).
  async function showUnderstood(profile) {
    const said = $("title-understood"), marked = $("resume-understood");
    said.textContent = profile.title ? "Reading your title…" : "";
    delete said.dataset.role;
    marked.innerHTML = "";
    if (!profile.text) return;
    try {
      const data = await gql(`query($s: String!) { extractSkills(text: $s) {
        skills { skill { id name } offset length }
        certifications { certification { id name } offset length } } }`, { s: profile.text });
      marked.innerHTML = highlight(profile.text, data.extractSkills);
    } catch (err) {
      marked.textContent = `Could not read the text: ${err.message}`;
    }
  }

  // titleUnderstood says which role the widget's answer started from the title.
  function titleUnderstood(rec) {
    const said = $("title-understood");
    if (!$("title").value.trim() || $("role").dataset.id) return;
    const m = rec.start.titleMatch;
    said.textContent = m ? `Understood as ${rec.start.role.title} (match ${Math.round(m.score * 100)}%, like “${m.matchedTitle}”).` : "";
    said.dataset.role = rec.start.role.id;
  }

  // highlight is the text with each mention marked; offsets count characters (code
  // points), so the text is sliced as code points too.
  function highlight(text, found) {
    const chars = Array.from(text);
    const spans = new Map();
    for (const m of found.skills) addSpan(spans, m, m.skill.name, "found-skill", m.skill.id);
    for (const m of found.certifications) addSpan(spans, m, m.certification.name, "found-cert", m.certification.id);
    let out = "", at = 0;
    for (const s of [...spans.values()].sort((a, b) => a.offset - b.offset)) {
      if (s.offset < at) continue;
      out += esc(chars.slice(at, s.offset).join(""));
      out += `<mark class="${s.kind}" data-ids="${esc(s.ids.join(" "))}" title="${esc(s.names.join(", "))}">` +
        `${esc(chars.slice(s.offset, s.offset + s.length).join(""))}</mark>`;
      at = s.offset + s.length;
    }
    const count = found.skills.length + found.certifications.length;
    return `${count ? "" : "No skill or certification named. "}${out}${esc(chars.slice(at).join(""))}`;
  }

  function addSpan(spans, m, name, kind, id) {
    const key = `${m.offset}:${m.length}`;
    const s = spans.get(key) || { offset: m.offset, length: m.length, kind, names: [], ids: [] };
    if (!s.ids.includes(id)) { s.ids.push(id); s.names.push(name); }
    spans.set(key, s);
  }

  $("profile").addEventListener("submit", (e) => {
    e.preventDefault();
    const profile = readProfile();
    updateWidget(profile);
    drawPaths(profile);
    showUnderstood(profile);
  });

  init().catch((err) => { $("skills").textContent = `Could not load the graph: ${err.message}`; });
})();
