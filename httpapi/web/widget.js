// <career-recommendations>: a dependency-free custom element that shows a person's next
// roles and the certifications that close most of their gap, from the careergraph API.
//
//   <script src="https://careers.example.com/widget.js" defer></script>
//   <career-recommendations current-role="help-desk-technician"
//       skills="ticketing-user-support:3,networking-fundamentals:2"
//       certifications="comptia-network-plus" years="2" area="48" limit="5"></career-recommendations>
//   <career-recommendations current-title="Desktop Support Tech II"
//       profile-text="I reset Active Directory accounts in ServiceNow…"></career-recommendations>
//
// Attributes: endpoint (defaults to /graphql on the server that served this script),
// current-role, or current-title (a job title as written, matched to a role), skills (id:level
// pairs, levels 0-7), profile-text (a résumé: the skills and certifications it names count
// as held), certifications (ids), years, area
// (a BLS area code for pay: 48 Texas, 12420 Austin; the nation when absent), limit
// (1-20), heading. Pay is BLS's OEWS median, shown once the service has wages imported. Theme it with CSS custom properties on the element or an ancestor:
// --cr-font, --cr-fg, --cr-bg, --cr-muted, --cr-accent, --cr-border, --cr-radius.
// It fires "career-recommendations-loaded" (detail: the data) and
// "career-recommendations-error" (detail: the message).
(() => {
  "use strict";
  const scriptOrigin = (() => {
    try { return new URL(document.currentScript.src).origin; } catch { return location.origin; }
  })();

  const QUERY = `query Recommendations($profile: ProfileInput!, $first: Int) {
    recommendations(profile: $profile, first: $first) {
      start { role { id title } matchedFromProfile matchedFromTitle titleMatch { score matchedTitle }
        skillsFromText { skill { name } }
        certificationsFromText { certification { name } } }
      roles {
        role { id title level salary { min max currency } }
        wages { median hourlyMedian topCoded topCodedFigures nationalFallback area { name } }
        score reason
        matchedSkills { id name }
        missingSkills { skill { id name } weight }
      }
      certifications { certification { id name vendor } share closes { name } }
      certificationsNote
    }
  }`;

  const STYLE = `
    :host { display: block; font: 15px/1.45 var(--cr-font, system-ui, sans-serif);
      color: var(--cr-fg, #1d2430); background: var(--cr-bg, #fff); }
    .box { border: 1px solid var(--cr-border, #d6dbe3); border-radius: var(--cr-radius, 10px); padding: 1rem 1.25rem; }
    h2 { font-size: 1.1rem; margin: 0 0 .75rem; }
    h3 { font-size: 1rem; margin: 0; }
    ol { margin: 0 0 1rem; padding: 0; list-style: none; counter-reset: rank; }
    li { counter-increment: rank; padding: .6rem 0; border-top: 1px solid var(--cr-border, #e3e7ee); }
    li:first-child { border-top: 0; }
    li.role h3::before { content: counter(rank) ". "; color: var(--cr-muted, #5b6575); }
    .bar { height: 6px; border-radius: 3px; background: var(--cr-border, #e3e7ee); margin: .35rem 0; }
    .bar > span { display: block; height: 100%; border-radius: 3px; background: var(--cr-accent, #2f6fdb); }
    .meta, .reason, .skills { color: var(--cr-muted, #5b6575); font-size: .9em; margin: .15rem 0; }
    .status { color: var(--cr-muted, #5b6575); }
    .error { color: #a4161a; }
    details summary { cursor: pointer; color: var(--cr-accent, #2f6fdb); font-size: .9em; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `;

  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) =>
    ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const pct = (x) => `${Math.round(x * 100)}%`;
  const money = (s) => s ? `${s.currency} ${Math.round(s.min / 1000)}K–${Math.round(s.max / 1000)}K` : "";
  const dollars = (n) => `$${Math.round(n).toLocaleString("en-US")}`;
  // pay says a BLS median in words: "$66,780 a year in Texas", "$29.05 an hour", "$239,200 or more".
  const pay = (w) => {
    if (!w) return "";
    const where = w.nationalFallback ? " nationally" : w.area.name === "U.S." ? " in the U.S." : ` in ${w.area.name}`;
    if (w.median != null) return `Median pay ${dollars(w.median)} a year${where}`;
    if (w.hourlyMedian != null) return `Median pay $${w.hourlyMedian.toFixed(2)} an hour${where}`;
    if (w.topCodedFigures.includes("median")) return `Median pay $239,200 or more a year${where}`;
    return "";
  };

  class CareerRecommendations extends HTMLElement {
    static get observedAttributes() {
      return ["endpoint", "current-role", "current-title", "profile-text", "skills", "certifications", "years", "area",
        "limit", "heading"];
    }

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this.shadowRoot.innerHTML = `<style>${STYLE}</style>
        <section class="box" part="box" aria-labelledby="h" aria-busy="false">
          <h2 id="h" part="heading"></h2>
          <div class="body"></div>
        </section>`;
      this.section = this.shadowRoot.querySelector("section");
      this.body = this.shadowRoot.querySelector(".body");
      this.request = 0;
    }

    connectedCallback() { this.schedule(); }
    attributeChangedCallback() { if (this.isConnected) this.schedule(); }

    schedule() {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.load(), 30);
    }

    profile() {
      const profile = { skills: [], certifications: [] };
      const role = this.getAttribute("current-role");
      if (role) profile.currentRole = role;
      const title = (this.getAttribute("current-title") || "").trim();
      if (title && !role) profile.title = title;
      const text = (this.getAttribute("profile-text") || "").trim();
      if (text) profile.text = text;
      for (const pair of (this.getAttribute("skills") || "").split(",")) {
        const [skill, level] = pair.split(":").map((s) => s.trim());
        if (skill) profile.skills.push({ skill, level: level === undefined ? 3 : Number(level) });
      }
      for (const id of (this.getAttribute("certifications") || "").split(",")) {
        if (id.trim()) profile.certifications.push(id.trim());
      }
      const years = this.getAttribute("years");
      if (years) profile.yearsOfExperience = Number(years);
      const area = this.getAttribute("area");
      if (area) profile.area = area;
      return profile;
    }

    async load() {
      const id = ++this.request;
      const profile = this.profile();
      this.shadowRoot.getElementById("h").textContent = this.getAttribute("heading") || "Your next roles";
      if (!profile.currentRole && !profile.title && !profile.text && !profile.skills.length && !profile.certifications.length) {
        this.show(`<p class="status" role="status">Tell us your job title, skills or résumé to see recommendations.</p>`);
        return;
      }
      this.section.setAttribute("aria-busy", "true");
      this.show(`<p class="status" role="status" aria-live="polite">Loading recommendations…</p>`);
      const endpoint = this.getAttribute("endpoint") || `${scriptOrigin}/graphql`;
      try {
        const res = await fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/graphql-response+json, application/json" },
          body: JSON.stringify({ query: QUERY, variables: { profile, first: Number(this.getAttribute("limit") || 5) } }),
        });
        const body = await res.json().catch(() => ({}));
        if (id !== this.request) return; // a newer request has started
        if (body.errors && body.errors.length) throw new Error(body.errors[0].message);
        if (!res.ok || !body.data) throw new Error(`the service answered ${res.status}`);
        this.render(body.data.recommendations);
        this.dispatchEvent(new CustomEvent("career-recommendations-loaded", { detail: body.data.recommendations, bubbles: true }));
      } catch (err) {
        if (id !== this.request) return;
        this.show(`<p class="error" role="alert">Recommendations are unavailable: ${esc(err.message)}</p>`);
        this.dispatchEvent(new CustomEvent("career-recommendations-error", { detail: err.message, bubbles: true }));
      } finally {
        if (id === this.request) this.section.setAttribute("aria-busy", "false");
      }
    }

    show(html) { this.body.innerHTML = html; }

    render(rec) {
      const roles = rec.roles.map((r) => `
        <li class="role" data-role="${esc(r.role.id)}" data-median="${r.wages?.median ?? ""}">
          <h3>${esc(r.role.title)}</h3>
          <div class="bar" role="img" aria-label="Match ${pct(r.score)}"><span style="width:${pct(r.score)}"></span></div>
          <p class="meta">Match ${pct(r.score)}${r.role.salary ? ` · ${esc(money(r.role.salary))}` : ""}</p>
          ${pay(r.wages) ? `<p class="meta pay">${esc(pay(r.wages))}</p>` : ""}
          <p class="reason">${esc(r.reason)}</p>
          <details><summary>Skills <span class="sr">for ${esc(r.role.title)}</span></summary>
            <p class="skills"><strong>You have:</strong> ${r.matchedSkills.map((s) => esc(s.name)).join(", ") || "none yet"}</p>
            <p class="skills"><strong>To build:</strong> ${r.missingSkills.map((s) => esc(s.skill.name)).join(", ") || "nothing"}</p>
          </details>
        </li>`).join("");
      const certs = rec.certifications.slice(0, 5).map((c) => `
        <li class="cert" data-certification="${esc(c.certification.id)}">
          <h3>${esc(c.certification.name)}</h3>
          <p class="meta">${esc(c.certification.vendor)} · closes ${pct(c.share)} of your gap (${c.closes.map((s) => esc(s.name)).join(", ")})</p>
        </li>`).join("");
      const named = [...rec.start.skillsFromText.map((m) => m.skill.name),
        ...rec.start.certificationsFromText.map((m) => m.certification.name)];
      const from = (rec.start.matchedFromTitle
        ? `<p class="meta understood" data-role="${esc(rec.start.role.id)}">We read your title as <strong>${esc(rec.start.role.title)}</strong>.</p>`
        : rec.start.matchedFromProfile
          ? `<p class="meta">Your skills look closest to <strong>${esc(rec.start.role.title)}</strong>.</p>` : "") +
        (named.length ? `<p class="meta from-text">From your text: ${[...new Set(named)].map(esc).join(", ")}.</p>` : "");
      const note = !certs && rec.certificationsNote ? `<p class="meta note">${esc(rec.certificationsNote)}</p>` : "";
      const source = rec.roles.some((r) => r.wages)
        ? `<p class="meta source">Pay: U.S. Bureau of Labor Statistics, OEWS, May 2025.</p>` : "";
      this.show(`${from}
        <ol class="roles" aria-label="Recommended roles, best first">${roles}</ol>
        ${certs ? `<h2>Certifications that close most of your gap</h2>
        <ol class="certs" aria-label="Recommended certifications, best first">${certs}</ol>` : note}${source}`);
    }
  }

  if (!customElements.get("career-recommendations")) {
    customElements.define("career-recommendations", CareerRecommendations);
  }
})();
