// The jobs page: the jobs the signed-in user may read, newest first, their statuses kept current while the page is
// in view (read again every few seconds through the jobs API; a hidden tab asks nothing).
import { account, api, date, el, show, token } from "./catalog.js";

const EVERY_MS = 3000;
const $ = (id) => document.getElementById(id);
let timer;

/** The session addresses the owner asked for on this page, by job (in this page's memory only). */
const addresses = new Map();

function openLink(url) {
  return el("a", { href: url, target: "_blank", rel: "noopener noreferrer", class: "session" }, "Open the session");
}

/**
 * A running Jupyter session: its owner asks the catalog for its address with the token (the job holds it without),
 * then opens it; anyone else is told it is not theirs.
 */
function session(job) {
  if (job.type !== "jupyter" || !job.jobResultObject?.session) {
    addresses.delete(job.id);
    return "";
  }
  const holder = el("span", {});
  if (addresses.has(job.id)) {
    show(holder, " ", openLink(addresses.get(job.id)));
    return holder;
  }
  show(holder, " ", el("button", { type: "button", onclick: async () => {
    try {
      const answer = await api(`/api/v4/sessions/${encodeURIComponent(job.id)}`);
      if (/^https?:\/\//.test(answer.url)) {
        addresses.set(job.id, answer.url);
        show(holder, " ", openLink(answer.url));
      }
    } catch (e) {
      show(holder, " ", el("span", { class: "error" }, e.message));
    }
  } }, "Session address"));
  return holder;
}

function row(job) {
  const datasets = job.jobParams?.datasetList ?? [];
  return el("tr", { "data-id": job.id },
    el("td", {}, job.type), el("td", { class: `status ${job.statusCode}` }, job.statusCode),
    el("td", {}, job.statusMessage ?? "", session(job)),
    el("td", {}, datasets.map((d, i) => [i ? ", " : "",
      el("a", { href: `/dataset.html?pid=${encodeURIComponent(d.pid)}` }, d.pid)])),
    el("td", {}, job.ownerUser ?? job.ownerGroup ?? job.contactEmail ?? ""),
    el("td", {}, date(job.createdAt)), el("td", {}, date(job.updatedAt)));
}

async function refresh() {
  clearTimeout(timer);
  if (!token()) {
    show($("jobs").tBodies[0]);
    show($("updated"), "Sign in to see your jobs.");
    return;
  }
  try {
    const jobs = await api("/api/v4/jobs", { query: { filter: { order: "createdAt:desc", limit: 100 } } });
    show($("jobs").tBodies[0], jobs.map(row));
    show($("updated"), `${jobs.length} job${jobs.length === 1 ? "" : "s"}, as of ${new Date().toLocaleTimeString()}`);
    show($("error"));
  } catch (e) {
    show($("error"), e.message);
  }
  if (document.visibilityState === "visible") timer = setTimeout(refresh, EVERY_MS);
}

document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && refresh());
account($("account"), refresh).then(refresh);
