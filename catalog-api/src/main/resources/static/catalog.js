// The catalog's web GUI, shared part: calls to the REST API with the signed-in user's token, and small DOM helpers.
// Every page reads through the same API and access rules as any other client; nothing here sees more.

const TOKEN = "catalog.token";

/** The token of the signed-in user, kept for this browser tab only. */
export const token = () => sessionStorage.getItem(TOKEN);

/** Calls the API; answers the parsed JSON body, or throws an Error carrying the problem's message and status. */
export async function api(path, { method = "GET", query, body } = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  const headers = { Accept: "application/json" };
  if (token()) headers.Authorization = `Bearer ${token()}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const reasons = (json?.errors ?? []).map((e) => `${e.field ?? e.parameter}: ${e.reason}`).join("; ");
    const error = new Error(reasons || json?.detail || json?.message || response.statusText);
    error.status = response.status;
    throw error;
  }
  return json;
}

/** Makes an element with attributes and children; text is always set as text, never parsed as markup. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces the element's content. */
export function show(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter((c) => c !== undefined && c !== null));
}

/** A byte count as people read it. */
export function bytes(n) {
  if (n === undefined || n === null) return "";
  const units = ["B", "kB", "MB", "GB", "TB", "PB"];
  let i = 0;
  for (; n >= 1000 && i < units.length - 1; i++) n /= 1000;
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

/** A date as people read it (the instant itself in the tooltip). */
export function date(iso) {
  return iso ? el("time", { datetime: iso, title: iso }, new Date(iso).toLocaleString()) : "";
}

// The identity provider's sign-in ends on a page of the catalog with the catalog's token in the address (SciCat's
// access-token and user-id): keep the token for this tab and take both out of the address and its history.
const arrived = new URLSearchParams(location.search);
if (arrived.has("access-token")) {
  sessionStorage.setItem(TOKEN, arrived.get("access-token"));
  arrived.delete("access-token");
  arrived.delete("user-id");
  history.replaceState(null, "", `${location.pathname}${arrived.size ? `?${arrived}` : ""}`);
}

/** Whether the catalog signs in through an identity provider (its start answers with a redirect, else 404). */
async function providerSignIn() {
  try {
    return (await fetch("/api/v3/auth/oidc", { redirect: "manual" })).type === "opaqueredirect";
  } catch (e) {
    return false;
  }
}

/** Shows the signed-in user, or a sign-in form, in the page header; calls back after a change. */
export async function account(header, changed) {
  if (token()) {
    try {
      const me = await api("/api/v3/users/my/self");
      show(header, el("span", { class: "who" }, "Signed in as ", el("strong", {}, me.username)),
        el("button", { type: "button", onclick: async () => {
          const answer = await api("/api/v3/auth/logout", { method: "POST" }).catch(() => null);
          sessionStorage.removeItem(TOKEN);
          // signed in through the identity provider: end its session too, or the next sign-in skips the password
          if (answer?.logoutURL) location.assign(answer.logoutURL);
          else account(header, changed).then(changed);
        } }, "Sign out"));
      return me;
    } catch (e) {
      sessionStorage.removeItem(TOKEN);
    }
  }
  const message = el("span", { class: "error", role: "alert" });
  const form = el("form", { class: "signin", "aria-label": "Sign in" },
    el("label", {}, "User ", el("input", { name: "username", autocomplete: "username", required: true })),
    el("label", {}, "Password ", el("input", { name: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit" }, "Sign in"), message);
  providerSignIn().then((yes) => yes && form.append(" or ",
    el("a", { href: "/api/v3/auth/oidc", id: "provider-sign-in" }, "sign in with your institution")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const answer = await api("/api/v3/auth/login", { method: "POST",
        body: { username: form.username.value, password: form.password.value } });
      sessionStorage.setItem(TOKEN, answer.id);
      await account(header, changed);
      changed();
    } catch (e) {
      show(message, e.message);
    }
  });
  show(header, form);
  return null;
}
