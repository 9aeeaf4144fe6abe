// An answer's chart: drawn with vega-embed (vendored, pinned), and its downloads.
//
// The page's Content-Security-Policy forbids eval, so Vega runs with its expression
// interpreter (vega-interpreter) and vega-embed's `ast: true`.

import { blob } from "./api.js";

// The server's specs have fixed widths; fit them to the message instead (phones).
function fitted(spec, description) {
  const copy = { ...spec, description };
  if (typeof copy.width === "number") {
    copy.width = "container";
    copy.autosize = { type: "fit", contains: "padding" };
  }
  return copy;
}

// SVG keeps marks in the document (crisp, inspectable); past this many rows a canvas draws
// several times faster (a 5,000-point scatter: ~400 ms as SVG on a slow machine).
const SVG_MAX_ROWS = 1000;

export async function draw(element, chart, description) {
  const result = await window.vegaEmbed(element, fitted(chart.spec, description), {
    renderer: chart.data.length > SVG_MAX_ROWS ? "canvas" : "svg",
    actions: false,
    ast: true,
    expr: window.vega.expressionInterpreter,
    tooltip: { theme: "light" },
  });
  const drawing = element.querySelector("svg, canvas");
  if (drawing) {
    drawing.setAttribute("role", "img");
    drawing.setAttribute("aria-label", `${chart.title}. ${description}`);
  }
  return result.view;
}

function slug(text) {
  return (text || "chart").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "chart";
}

function save(content, filename) {
  const url = URL.createObjectURL(content);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function csvCell(value) {
  if (value === null || value === undefined) return "";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// `first`: the columns to put first (the chart's x, colour and y), in that order.
export function toCsv(rows, first = []) {
  const columns = first.filter((name) => name && rows.some((row) => name in row));
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(csvCell).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvCell(row[column])).join(","));
  return lines.join("\r\n") + "\r\n";
}

// The download buttons: [label, what it saves].
export const DOWNLOADS = [
  ["PNG", "png"],
  ["SVG", "svg"],
  ["CSV", "csv"],
  ["Vega-Lite", "spec"],
  ["SQL", "sql"],
];

export async function download(chart, kind) {
  const name = slug(chart.title);
  const id = encodeURIComponent(chart.id);
  if (kind === "png" || kind === "svg") {
    // Rendered by the server (vl-convert): the same image the API gives other clients.
    save(await blob(`/charts/${id}.${kind}`), `${name}.${kind}`);
  } else if (kind === "csv") {
    const fields = (chart.plan && chart.plan.data_fields) || {};
    save(new Blob([toCsv(chart.data, [fields.x, fields.color, fields.y])], { type: "text/csv" }), `${name}.csv`);
  } else if (kind === "spec") {
    save(new Blob([JSON.stringify(chart.spec, null, 2)], { type: "application/json" }), `${name}.vl.json`);
  } else {
    save(new Blob([chart.sql + "\n"], { type: "application/sql" }), `${name}.sql`);
  }
}
