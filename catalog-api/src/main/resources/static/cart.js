// The cart: datasets picked from the search table, kept for this browser tab, and the jobs started over all of
// them at once (archive, retrieve). The job's rules decide; a refusal is shown with its reason.
import { api, el, show, token } from "./catalog.js";

const KEY = "catalog.cart";
const MAX = 500;
const $ = (id) => document.getElementById(id);

function load() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
  } catch (e) {
    return [];
  }
}

function save(items) {
  sessionStorage.setItem(KEY, JSON.stringify(items.slice(0, MAX)));
  cart.draw();
}

async function start(type, message) {
  const items = load();
  const groups = [...new Set(items.map((d) => d.ownerGroup))];
  try {
    const job = await api("/api/v4/jobs", { method: "POST", body: { type, ownerGroup: groups[0],
      jobParams: { datasetList: items.map((d) => ({ pid: d.pid, files: [] })) } } });
    show(message, `${type} job ${job.id} over ${items.length} dataset${items.length === 1 ? "" : "s"}: ${job.statusMessage ?? job.statusCode}`);
  } catch (e) {
    show(message, el("span", { class: "error" }, `${type} refused: ${e.message}`));
  }
}

export const cart = {
  pids: () => load().map((d) => d.pid),

  toggle(dataset, on) {
    const items = load().filter((d) => d.pid !== dataset.pid);
    save(on ? [...items, { pid: dataset.pid, name: dataset.datasetName, ownerGroup: dataset.ownerGroup }] : items);
  },

  draw() {
    const node = $("cart");
    const items = load();
    if (!node) return;
    if (!items.length) {
      show(node);
      return;
    }
    const message = el("span", { class: "message", role: "status" });
    show(node, el("strong", {}, `Cart: ${items.length} dataset${items.length === 1 ? "" : "s"}`),
      token() ? [el("button", { type: "button", onclick: () => start("archive", message) }, "Archive all"),
        el("button", { type: "button", onclick: () => start("retrieve", message) }, "Retrieve all")] : " (sign in to act on it)",
      el("button", { type: "button", onclick: () => { save([]); document.querySelectorAll("#results input[type=checkbox]")
        .forEach((box) => { box.checked = false; }); } }, "Empty"), message);
  },
};
