// The personal API tokens page: create one (its secret shown once, here only), list them, revoke one.
import { account, api, date, el, show, token } from "./catalog.js";

const $ = (id) => document.getElementById(id);

async function list() {
  if (!token()) {
    show($("tokens").tBodies[0]);
    show($("error"), "Sign in to manage your tokens.");
    $("create").hidden = true;
    return;
  }
  $("create").hidden = false;
  show($("error"));
  try {
    const tokens = await api("/api/v3/users/my/tokens");
    show($("tokens").tBodies[0], tokens.map((t) => el("tr", {},
      el("td", {}, t.name ?? ""), el("td", {}, (t.groups ?? []).join(", ") || "all"),
      el("td", {}, date(t.createdAt)), el("td", {}, t.expiresAt ? date(t.expiresAt) : "never"),
      el("td", {}, el("button", { type: "button", "aria-label": `Revoke ${t.name ?? t.id}`, onclick: async () => {
        await api(`/api/v3/users/my/tokens/${encodeURIComponent(t.id)}`, { method: "DELETE" })
          .catch((e) => show($("error"), e.message));
        list();
      } }, "Revoke")))));
  } catch (e) {
    show($("error"), e.message);
  }
}

$("create").addEventListener("submit", async (event) => {
  event.preventDefault();
  const groups = $("groups").value.split(",").map((g) => g.trim()).filter(Boolean);
  const body = { name: $("name").value.trim(), ...(groups.length ? { groups } : {}),
    ...($("expires").value ? { expiresAt: new Date(`${$("expires").value}T23:59:59Z`).toISOString() } : {}) };
  try {
    const created = await api("/api/v3/users/my/tokens", { method: "POST", body });
    show($("secret"), el("p", {}, "Copy it now; it is not shown again: ", el("code", { id: "new-token" }, created.token)));
    $("create").reset();
    list();
  } catch (e) {
    show($("error"), e.message);
  }
});

account($("account"), list).then(list);
