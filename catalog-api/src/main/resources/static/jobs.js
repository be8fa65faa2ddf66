// The jobs page: the jobs the signed-in user may read, newest first, their statuses kept current while the page is
// in view by the catalog's jobs stream (server-sent events, /api/v4/jobs/stream); a hidden tab holds no stream open.
import { account, api, date, el, show, token } from "./catalog.js";

const RECONNECT_MS = 2000;
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

let following;

function draw(jobs) {
  show($("jobs").tBodies[0], jobs.map(row));
  show($("updated"), `${jobs.length} job${jobs.length === 1 ? "" : "s"}, as of ${new Date().toLocaleTimeString()}`);
  show($("error"));
}

/** Reads the jobs stream (server-sent events, read with fetch so that the token goes in its header). */
async function follow() {
  following?.abort();
  clearTimeout(timer);
  if (!token()) {
    show($("jobs").tBodies[0]);
    show($("updated"), "Sign in to see your jobs.");
    return;
  }
  const mine = new AbortController();
  following = mine;
  try {
    const response = await fetch("/api/v4/jobs/stream", { signal: mine.signal,
      headers: { Accept: "text/event-stream", Authorization: `Bearer ${token()}` } });
    if (!response.ok) throw new Error((await response.json().catch(() => ({}))).detail ?? response.statusText);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const data = buffer.slice(0, end).split("\n").filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5)).join("\n");
        buffer = buffer.slice(end + 2);
        if (data) draw(JSON.parse(data));
      }
    }
  } catch (e) {
    if (e.name === "AbortError") return;
    show($("error"), e.message);
  }
  // the stream ended (it lasts ten minutes) or failed: connect again while the page is in view
  if (following === mine && document.visibilityState === "visible") timer = setTimeout(follow, RECONNECT_MS);
}

document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") follow();
  else following?.abort();
});
account($("account"), follow).then(follow);
