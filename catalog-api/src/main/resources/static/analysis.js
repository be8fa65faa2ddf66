// The dataset page's analysis section: a form drawn from a tool's typed parameters (the job launcher's tools, as the
// catalog lists them), checked as the launcher will check it, then an analysis job; and a Jupyter session on the
// dataset. Both are jobs like any other: the job rules decide, the jobs page follows them.
import { api, el, show } from "./catalog.js";

/** One parameter's input, by its type; dataset parameters are the dataset itself and get none. */
function input(parameter) {
  const common = { name: parameter.name, id: `p-${parameter.name}`, "aria-describedby": `d-${parameter.name}` };
  const given = parameter.default;
  switch (parameter.type) {
    case "integer":
    case "float":
      return el("input", { ...common, type: "number", step: parameter.type === "integer" ? "1" : "any",
        min: parameter.minimum, max: parameter.maximum, value: given, required: parameter.required && given === undefined });
    case "boolean":
      return el("input", { ...common, type: "checkbox", checked: given === true });
    case "enumeration":
      return el("select", common, parameter.values.map((v) => el("option", { value: v, selected: v === given }, v)));
    default:
      return el("input", { ...common, type: "text", value: given, required: parameter.required && given === undefined });
  }
}

/** The form's values, typed as the tool's parameters are (empty fields left to the defaults). */
function values(form, tool) {
  const parameters = {};
  for (const parameter of tool.parameters ?? []) {
    const field = form.elements[parameter.name];
    if (!field) continue;
    if (parameter.type === "boolean") parameters[parameter.name] = field.checked;
    else if (field.value !== "") {
      parameters[parameter.name] = parameter.type === "integer" || parameter.type === "float" ? Number(field.value) : field.value;
    }
  }
  return parameters;
}

function drawForm(holder, tool, dataset, message) {
  const editable = (tool.parameters ?? []).filter((p) => p.type !== "dataset");
  const form = el("form", { class: "tool", "aria-label": `Parameters of ${tool.title ?? tool.name}` },
    tool.description ? el("p", {}, tool.description) : "",
    editable.map((p) => el("p", {}, el("label", { for: `p-${p.name}` }, p.label ?? p.name, " "), input(p),
      el("small", { id: `d-${p.name}` }, p.description ? ` ${p.description}` : ""))),
    el("button", { type: "submit" }, `Run ${tool.title ?? tool.name}`));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const parameters = values(form, tool);
    try {
      await api(`/api/v4/tools/${encodeURIComponent(tool.name)}/validate`, { method: "POST",
        body: { parameters, datasets: [dataset.pid] } });
      const job = await api("/api/v4/jobs", { method: "POST", body: { type: "analysis", ownerGroup: dataset.ownerGroup,
        jobParams: { tool: tool.name, parameters, datasetList: [{ pid: dataset.pid, files: [] }] } } });
      show(message, "Analysis job ", el("a", { href: "/jobs.html" }, job.id), `: ${job.statusMessage ?? job.statusCode}`);
    } catch (e) {
      show(message, el("span", { class: "error" }, `Not started: ${e.message}`));
    }
  });
  show(holder, form);
}

/** Draws the section when the catalog knows tools; a Jupyter session needs none. */
export async function analysis(section, dataset) {
  const tools = await api("/api/v4/tools").catch(() => []);
  const message = el("p", { role: "status" });
  const holder = el("div");
  const jupyter = el("button", { type: "button", onclick: async () => {
    try {
      const job = await api("/api/v4/jobs", { method: "POST", body: { type: "jupyter", ownerGroup: dataset.ownerGroup,
        jobParams: { datasetList: [{ pid: dataset.pid, files: [] }] } } });
      show(message, "Jupyter session job ", el("a", { href: "/jobs.html" }, job.id), ": its address appears on the jobs page once it runs");
    } catch (e) {
      show(message, el("span", { class: "error" }, `Not started: ${e.message}`));
    }
  } }, "Open a Jupyter session");
  const picker = el("select", { id: "tool", onchange: () => {
    const tool = tools.find((t) => t.name === picker.value);
    if (tool) drawForm(holder, tool, dataset, message); else show(holder);
  } }, el("option", { value: "" }, "Choose a tool"), tools.map((t) => el("option", { value: t.name },
    `${t.title ?? t.name} ${t.version ?? ""}`.trim())));
  show(section, el("h2", {}, "Analyse"),
    tools.length ? el("p", {}, el("label", { for: "tool" }, "Tool "), picker) : "", holder, jupyter, message);
  section.hidden = false;
}
