// The dataset page: details, scientific metadata as a tree with units, files paged, lineage both ways, lifecycle,
// attachments, and the archive and retrieve actions a signed-in user may start.
import { analysis } from "./analysis.js";
import { account, api, bytes, date, el, show, token } from "./catalog.js";

const FILES_PER_PAGE = 100;
const DETAILS = [["pid", "PID"], ["type", "Type"], ["description", "Description"], ["owner", "Owner"],
  ["ownerGroup", "Owner group"], ["accessGroups", "Access groups"], ["principalInvestigator", "Principal investigator"],
  ["creationTime", "Created"], ["creationLocation", "Location"], ["sourceFolder", "Source folder"],
  ["size", "Size"], ["numberOfFiles", "Files"], ["keywords", "Keywords"], ["proposalIds", "Proposals"],
  ["sampleIds", "Samples"], ["instrumentIds", "Instruments"], ["isPublished", "Published"]];
const $ = (id) => document.getElementById(id);
const pid = new URLSearchParams(location.search).get("pid");
const path = `/api/v3/datasets/${encodeURIComponent(pid ?? "")}`;

/** Fields whose values lead to the search narrowed to them (the other datasets of a proposal, sample, ...). */
const SEARCHABLE = new Set(["proposalIds", "instrumentIds", "keywords", "ownerGroup", "creationLocation", "type"]);

function value(name, v) {
  if (name === "creationTime") return date(v);
  if (name === "size") return bytes(v);
  if (SEARCHABLE.has(name)) {
    return (Array.isArray(v) ? v : [v]).map((one, i) => [i ? ", " : "",
      el("a", { href: `/?${new URLSearchParams({ [name]: String(one) })}` }, String(one))]);
  }
  if (Array.isArray(v)) return v.join(", ");
  return typeof v === "boolean" ? (v ? "yes" : "no") : String(v);
}

function details(dataset) {
  const present = (v) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
  show($("details"), DETAILS.filter(([name]) => present(dataset[name]))
    .flatMap(([name, label]) => [el("dt", {}, label), el("dd", {}, value(name, dataset[name]))]));
}

/** A quantity ({value, unit} or SciCat's older {v, u}) shows with its unit, its SI value in the tooltip. */
function quantity(entry) {
  const v = entry.value ?? entry.v;
  const unit = entry.unit ?? entry.u;
  const si = entry.valueSI !== undefined ? `${entry.valueSI} ${entry.unitSI ?? ""}`.trim() : undefined;
  return el("span", { class: "quantity", title: si ? `SI: ${si}` : undefined },
    Array.isArray(v) ? v.join(" – ") : String(v), unit ? el("span", { class: "unit" }, ` ${unit}`) : "");
}

function tree(metadata) {
  const entries = Object.entries(metadata ?? {});
  if (!entries.length) return el("p", {}, "None");
  return el("ul", { class: "tree" }, entries.map(([key, entry]) => {
    const leaf = entry === null || typeof entry !== "object" || Array.isArray(entry);
    const isQuantity = !leaf && ("value" in entry || "v" in entry);
    if (leaf || isQuantity) {
      return el("li", {}, el("span", { class: "key" }, key), ": ",
        isQuantity ? quantity(entry) : Array.isArray(entry) ? entry.map(String).join(", ") : String(entry));
    }
    return el("li", {}, el("details", { open: true }, el("summary", {}, el("span", { class: "key" }, key)), tree(entry)));
  }));
}

async function files(total, page) {
  const rows = await api("/api/v3/origdatablocks/fullquery/files", {
    query: { fields: { datasetId: pid }, limits: { skip: (page - 1) * FILES_PER_PAGE, limit: FILES_PER_PAGE } } });
  show($("files").tBodies[0], rows.flatMap((block) => block.dataFileList ?? []).map((file) => el("tr", {},
    el("td", {}, el("input", { type: "checkbox", "aria-label": `Choose ${file.path}`, checked: chosen.has(file.path),
      onchange: (e) => { if (e.target.checked) chosen.add(file.path); else chosen.delete(file.path); drawActions(); } })),
    el("td", {}, file.path), el("td", { class: "number" }, bytes(file.size)), el("td", {}, date(file.time)))));
  const last = Math.max(1, Math.ceil((total ?? rows.length) / FILES_PER_PAGE));
  show($("file-pages"), last === 1 ? [] : [
    el("button", { type: "button", disabled: page <= 1, onclick: () => files(total, page - 1) }, "Previous"),
    el("span", {}, `Page ${page} of ${last}`),
    el("button", { type: "button", disabled: page >= last, onclick: () => files(total, page + 1) }, "Next")]);
}

const link = (d) => el("li", {}, el("a", { href: `/dataset.html?pid=${encodeURIComponent(d.pid)}` }, d.datasetName ?? d.pid));

/** The analysis that made a derived dataset: its job (on the jobs page) and the values it ran with. */
function madeBy(parameters) {
  if (!parameters || typeof parameters !== "object" || !Object.keys(parameters).length) return [];
  const { jobId, parameters: values, ...rest } = parameters;
  const shown = { ...rest, ...(values && typeof values === "object" ? values : {}) };
  return [el("h3", {}, "Analysis"), jobId ? el("p", {}, "Job ", el("a", { href: "/jobs.html" }, String(jobId))) : "",
    el("dl", { class: "parameters" }, Object.entries(shown).filter(([, v]) => v !== null && typeof v !== "object")
      .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))]))];
}

async function lineage(dataset) {
  const inputs = dataset.inputDatasets ?? [];
  const derived = await api("/api/v3/datasets", { query: { filter: {
    where: { inputDatasets: pid }, fields: ["pid", "datasetName"], limits: { limit: 100 } } } }).catch(() => []);
  const software = dataset.usedSoftware ?? [];
  show($("lineage"),
    el("h3", {}, "Made from"), inputs.length ? el("ul", {}, inputs.map((p) => link({ pid: p }))) : el("p", {}, "No input datasets"),
    software.length ? [el("h3", {}, "Software"), el("ul", {}, software.map((s) => el("li", {}, String(s))))] : [],
    madeBy(dataset.jobParameters),
    el("h3", {}, "Derived datasets"), derived.length ? el("ul", {}, derived.map(link)) : el("p", {}, "None"));
}

function lifecycle(dataset) {
  const life = dataset.datasetlifecycle ?? {};
  show($("lifecycle"), Object.entries(life).filter(([, v]) => v !== null && typeof v !== "object")
    .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))]));
}

async function attachments() {
  const found = await api(`${path}/attachments`).catch(() => []);
  show($("attachments"), found.length ? found.map((a) => el("figure", {},
    a.thumbnail?.startsWith("data:image/") ? el("img", { src: a.thumbnail, alt: a.caption ?? "attachment" }) : "",
    el("figcaption", {}, a.caption ?? ""))) : el("p", {}, "None"));
}

/** A job's way so far (its status history), folded. */
function history(job) {
  const steps = job.statusHistory ?? [];
  return steps.length < 2 ? "" : el("details", { class: "history" }, el("summary", {}, `${steps.length} steps`),
    el("ol", {}, steps.map((step) => el("li", {}, date(step.updatedAt ?? step.createdAt), " ", step.statusCode,
      step.statusMessage ? `: ${step.statusMessage}` : ""))));
}

/** The jobs the signed-in user may read that name this dataset, newest first, with their history. */
async function jobs() {
  if (!token()) {
    $("jobs-section").hidden = true;
    return;
  }
  const found = await api("/api/v4/jobs", { query: { filter: {
    where: { "jobParams.datasetList.pid": pid }, order: "createdAt:desc", limit: 20 } } }).catch(() => []);
  show($("jobs").tBodies[0], found.map((job) => el("tr", {}, el("td", {}, job.type),
    el("td", { class: `status ${job.statusCode}` }, job.statusCode), el("td", {}, job.statusMessage ?? "", history(job)),
    el("td", {}, date(job.createdAt)))));
  $("jobs-section").hidden = found.length === 0;
}

/** The files chosen for a partial retrieve, by path. */
const chosen = new Set();
let current;
const message = el("span", { class: "message", role: "status" });

/** Archive or retrieve: a job of that type over this dataset (or the chosen files), owned by the dataset's group. */
function job(type, files, label) {
  return el("button", { type: "button", onclick: async () => {
    try {
      const created = await api("/api/v4/jobs", { method: "POST", body: { type, ownerGroup: current.ownerGroup,
        jobParams: { datasetList: [{ pid, files }] } } });
      show(message, `${type} job ${created.id}: ${created.statusMessage ?? created.statusCode}`);
      jobs();
    } catch (e) {
      show(message, el("span", { class: "error" }, `${type} refused: ${e.message}`));
    }
  } }, label);
}

function drawActions() {
  const life = current?.datasetlifecycle ?? {};
  show($("actions"), token() && current ? [life.archivable ? job("archive", [], "Archive") : "",
    life.retrievable ? job("retrieve", [], "Retrieve") : "",
    life.retrievable && chosen.size ? job("retrieve", [...chosen], `Retrieve ${chosen.size} chosen file${chosen.size === 1 ? "" : "s"}`) : "",
    message] : []);
}

async function render() {
  show($("error"));
  try {
    const dataset = await api(path);
    document.title = `${dataset.datasetName ?? pid} · Catalog`;
    show($("name"), dataset.datasetName ?? pid);
    details(dataset);
    show($("metadata"), tree(dataset.scientificMetadata));
    current = dataset;
    drawActions();
    if (token()) analysis($("analysis"), dataset);
    else $("analysis").hidden = true;
    lifecycle(dataset);
    await Promise.all([files(dataset.numberOfFiles, 1), lineage(dataset), attachments(), jobs()]);
  } catch (e) {
    show($("error"), e.status === 403 || e.status === 404 || e.status === 401
      ? "This dataset does not exist or you may not see it; signing in may help." : e.message);
  }
}

account($("account"), render).then(render);
