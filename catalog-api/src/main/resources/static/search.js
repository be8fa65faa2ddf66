// The search page: text, facets with counts, one scientific condition with its unit, a sortable paged table.
// The page's address holds the whole query, so a search can be bookmarked and shared.
import { account, api, bytes, date, el, show, token } from "./catalog.js";
import { cart } from "./cart.js";

// [field, label, boolean?]: the lifecycle's facets are the data-policy officer's view of what is archivable,
// archived, retrievable or failed (with the cart to act on them)
const FACETS = [["type", "Type"], ["creationLocation", "Location"], ["ownerGroup", "Group"], ["keywords", "Keywords"],
  ["instrumentIds", "Instrument"], ["proposalIds", "Proposal"], ["owner", "Owner"],
  ["datasetlifecycle.archivable", "Archivable", true], ["datasetlifecycle.retrievable", "Retrievable", true],
  ["datasetlifecycle.archiveStatusMessage", "Archive status"], ["datasetlifecycle.retrieveStatusMessage", "Retrieve status"]];
const BOOLEAN = new Set(FACETS.filter(([, , bool]) => bool).map(([name]) => name));
const COLUMNS = [["datasetName", "Name"], ["type", "Type"], ["creationTime", "Created"], ["ownerGroup", "Group"],
  ["creationLocation", "Location"], ["size", "Size"], ["numberOfFiles", "Files"]];
const SIZES = [25, 50, 100];
const $ = (id) => document.getElementById(id);

/** The query as the address says it. */
function state() {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get("q") ?? "",
    facets: Object.fromEntries(FACETS.map(([name]) => [name, params.getAll(name)])),
    key: params.get("key") ?? "", relation: params.get("relation") ?? "GREATER_THAN",
    value: params.get("value") ?? "", unit: params.get("unit") ?? "",
    published: params.get("public") === "1",
    from: params.get("from") ?? "", to: params.get("to") ?? "",
    cols: (params.get("cols") ?? "").split(",").map((c) => c.trim()).filter(Boolean).slice(0, 8),
    // the standard columns shown, in their order; the name always (it links to the dataset)
    shown: COLUMNS.map(([name]) => name).filter((name) => !params.has("show") || name === "datasetName"
      || params.get("show").split(",").includes(name)),
    sort: params.get("sort") ?? "creationTime:desc",
    page: Math.max(1, Number(params.get("page")) || 1),
    size: SIZES.includes(Number(params.get("size"))) ? Number(params.get("size")) : SIZES[0],
  };
}

function address(s) {
  const params = new URLSearchParams();
  if (s.q) params.set("q", s.q);
  for (const [name, values] of Object.entries(s.facets)) values.forEach((v) => params.append(name, v));
  if (s.key) {
    params.set("key", s.key); params.set("relation", s.relation); params.set("value", s.value);
    if (s.unit) params.set("unit", s.unit);
  }
  if (s.published) params.set("public", "1");
  if (s.from) params.set("from", s.from);
  if (s.to) params.set("to", s.to);
  if (s.cols.length) params.set("cols", s.cols.join(","));
  if (s.shown.length !== COLUMNS.length) params.set("show", s.shown.join(","));
  if (s.sort !== "creationTime:desc") params.set("sort", s.sort);
  if (s.page > 1) params.set("page", s.page);
  if (s.size !== SIZES[0]) params.set("size", s.size);
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** Moves to another query: a new history entry, then the results. */
function go(change) {
  const next = { ...state(), page: 1, ...change };
  history.pushState(null, "", address(next));
  render();
}

/** SciCat's fullquery fields for the query. */
function fields(s, without) {
  const f = {};
  if (s.q) f.text = s.q;
  for (const [name, values] of Object.entries(s.facets)) {
    if (values.length && name !== without) f[name] = BOOLEAN.has(name) ? values.map((v) => v === "true") : values;
  }
  if (s.key && s.value !== "") {
    const numeric = s.relation !== "EQUAL_TO_STRING" && s.value.trim() !== "" && !Number.isNaN(Number(s.value));
    f.scientific = [{ lhs: s.key, relation: s.relation, rhs: numeric ? Number(s.value) : s.value,
      ...(s.unit ? { unit: s.unit } : {}) }];
  }
  if (s.published) f.isPublished = true;
  if (s.from || s.to) {
    f.creationTime = { begin: s.from ? `${s.from}T00:00:00Z` : "1900-01-01T00:00:00Z",
      end: s.to ? `${s.to}T23:59:59.999Z` : "9999-12-31T23:59:59Z" };
  }
  return f;
}

function fillForm(s) {
  $("q").value = s.q; $("key").value = s.key; $("relation").value = s.relation;
  $("value").value = s.value; $("unit").value = s.unit; $("public").checked = s.published;
  $("from").value = s.from; $("to").value = s.to; $("cols").value = s.cols.join(", ");
  $("public-switch").hidden = !token();
}

function facetList(s, counts) {
  return FACETS.map(([name, label]) => {
    const chosen = s.facets[name];
    const values = (counts[name] ?? []).filter((c) => c._id !== null && c._id !== undefined && c._id !== "");
    if (!values.length && !chosen.length) return null;
    return el("section", { class: "facet" }, el("h2", {}, label),
      el("ul", {}, values.slice(0, 12).map((c) => {
        const on = chosen.includes(String(c._id));
        return el("li", {}, el("button", { type: "button", class: on ? "chosen" : "", "aria-pressed": String(on),
          onclick: () => go({ facets: { ...s.facets, [name]: on ? chosen.filter((v) => v !== String(c._id)) : [...chosen, String(c._id)] } }) },
        BOOLEAN.has(name) ? (c._id ? "yes" : "no") : String(c._id), " ", el("span", { class: "n" }, c.count)));
      })));
  });
}

/** A scientific-metadata value for a column: the quantity with its unit, or the value itself. */
function metadataCell(dataset, key) {
  let entry = dataset.scientificMetadata;
  for (const part of key.split(".")) entry = entry?.[part];
  if (entry === undefined || entry === null) return "";
  if (typeof entry === "object" && ("value" in entry || "v" in entry)) {
    return `${entry.value ?? entry.v}${entry.unit ?? entry.u ? ` ${entry.unit ?? entry.u}` : ""}`;
  }
  return typeof entry === "object" ? JSON.stringify(entry) : String(entry);
}

/** A standard column's cell; the name column links to the dataset page. */
function cell(d, name) {
  switch (name) {
    case "datasetName":
      return el("td", {}, el("a", { href: `/dataset.html?pid=${encodeURIComponent(d.pid)}` }, d.datasetName ?? d.pid));
    case "creationTime":
      return el("td", {}, date(d.creationTime));
    case "size":
      return el("td", { class: "number" }, bytes(d.size));
    case "numberOfFiles":
      return el("td", { class: "number" }, d.numberOfFiles ?? "");
    default:
      return el("td", {}, d[name] ?? "");
  }
}

/** Which standard columns show: a tick box each, the name always. */
function columnPicker(s) {
  return el("fieldset", { class: "columns-picker" }, el("legend", {}, "Columns"),
    COLUMNS.filter(([name]) => name !== "datasetName").map(([name, label]) => el("label", {},
      el("input", { type: "checkbox", name: "show", value: name, checked: s.shown.includes(name),
        onchange: (e) => go({ sort: s.sort, page: s.page, shown: e.target.checked ? [...s.shown, name]
          : s.shown.filter((c) => c !== name) }) }), ` ${label}`)));
}

function table(s, rows) {
  const [sortField, direction] = s.sort.split(":");
  const picked = cart.pids();
  show($("results").tHead, el("tr", {}, el("th", { scope: "col" }, el("span", { class: "visually-hidden" }, "In cart")),
    COLUMNS.filter(([name]) => s.shown.includes(name)).map(([name, label]) => {
      const sorted = name === sortField;
      const next = sorted && direction === "asc" ? "desc" : "asc";
      return el("th", { scope: "col", "aria-sort": sorted ? (direction === "asc" ? "ascending" : "descending") : "none" },
        el("button", { type: "button", onclick: () => go({ sort: `${name}:${next}`, page: s.page }) },
          label, sorted ? (direction === "asc" ? " ▲" : " ▼") : ""));
    }), s.cols.map((key) => el("th", { scope: "col", class: "metadata" }, key))));
  show($("results").tBodies[0], rows.map((d) => el("tr", {},
    el("td", {}, el("input", { type: "checkbox", "aria-label": `Cart: ${d.datasetName ?? d.pid}`,
      checked: picked.includes(d.pid), onchange: (e) => cart.toggle(d, e.target.checked) })),
    COLUMNS.filter(([name]) => s.shown.includes(name)).map(([name]) => cell(d, name)),
    s.cols.map((key) => el("td", { class: "metadata" }, metadataCell(d, key))))));
}

function pages(s, total) {
  const last = Math.max(1, Math.ceil(total / s.size));
  show($("pages"),
    el("button", { type: "button", disabled: s.page <= 1, onclick: () => go({ page: s.page - 1, sort: s.sort }) }, "Previous"),
    el("span", {}, `Page ${s.page} of ${last}`),
    el("button", { type: "button", disabled: s.page >= last, onclick: () => go({ page: s.page + 1, sort: s.sort }) }, "Next"),
    el("label", {}, " Rows ", el("select", { onchange: (e) => go({ size: Number(e.target.value), sort: s.sort }) },
      SIZES.map((n) => el("option", { value: n, selected: n === s.size }, n)))));
}

let rendering = 0;

async function render() {
  const mine = ++rendering;
  const s = state();
  fillForm(s);
  show($("error"));
  try {
    const limits = { skip: (s.page - 1) * s.size, limit: s.size, order: s.sort };
    const [rows, facets] = await Promise.all([
      api("/api/v3/datasets/fullquery", { query: { fields: fields(s), limits } }),
      api("/api/v3/datasets/fullfacet", { query: { fields: fields(s), facets: FACETS.map(([name]) => name) } }),
    ]);
    if (mine !== rendering) return; // a newer query was asked meanwhile: its answer wins
    const counts = facets[0] ?? {};
    const total = counts.all?.[0]?.totalSets ?? rows.length;
    show($("count"), `${total} dataset${total === 1 ? "" : "s"}`);
    show($("facets"), facetList(s, counts));
    table(s, rows);
    show($("column-picker"), columnPicker(s));
    pages(s, total);
  } catch (e) {
    show($("error"), e.message);
  }
}

/** Key completion with the units each key is written in. */
async function keys() {
  try {
    const uses = await api("/api/v3/datasets/metadataKeys", { query: { detail: "true" } });
    show($("keys"), uses.slice(0, 500).map((u) => el("option", { value: u.key },
      u.units?.length ? `${u.key} (${u.units.join(", ")})` : u.key)));
    const units = new Set(uses.flatMap((u) => u.units ?? []));
    show($("units"), [...units].slice(0, 200).map((unit) => el("option", { value: unit })));
  } catch (e) {
    show($("keys"));
  }
}

$("query").addEventListener("submit", (event) => {
  event.preventDefault();
  go({ q: $("q").value.trim(), key: $("key").value.trim(), relation: $("relation").value,
    value: $("value").value.trim(), unit: $("unit").value.trim(), published: $("public").checked,
    from: $("from").value, to: $("to").value,
    cols: $("cols").value.split(",").map((c) => c.trim()).filter(Boolean).slice(0, 8) });
});
window.addEventListener("popstate", render);
account($("account"), () => { render(); keys(); cart.draw(); }).then(() => { render(); keys(); cart.draw(); });
