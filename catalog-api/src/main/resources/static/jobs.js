// The jobs page: the jobs the signed-in user may read, newest first, their statuses kept current while the page is
// in view (read again every few seconds through the jobs API; a hidden tab asks nothing).
import { account, api, date, el, show, token } from "./catalog.js";

const EVERY_MS = 3000;
const $ = (id) => document.getElementById(id);
let timer;

/** A running Jupyter session's address, as the launcher reports it in the job's result. */
function session(job) {
  const url = job.type === "jupyter" ? job.jobResultObject?.url : undefined;
  return typeof url === "string" && /^https?:\/\//.test(url)
    ? [" ", el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, "Open the session")] : "";
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
