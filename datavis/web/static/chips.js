// "How I read it": the answer's plan as chips — measure and aggregate, dimension and grain,
// colour, chart type, filters, top-N — each of which can be changed. A change is one plan
// edit (POST /charts/<id>/revisions), answered like a question.

export const AGGREGATES = [
  ["sum", "Total"], ["avg", "Average"], ["median", "Median"], ["min", "Minimum"],
  ["max", "Maximum"], ["count", "Count of rows"], ["count_distinct", "Distinct count"],
];
export const GRAINS = [
  ["year", "year"], ["quarter", "quarter"], ["month", "month"], ["week", "week"], ["day", "day"],
  ["weekday", "day of week"], ["month_of_year", "month of year"], ["hour", "hour"], ["", "exact dates"],
];
export const CHARTS = [
  ["bar", "Bar chart"], ["line", "Line chart"], ["area", "Area chart"], ["arc", "Pie chart"],
  ["point", "Scatter plot"], ["table", "Table"], ["kpi", "Single number"], ["histogram", "Histogram"],
  ["boxplot", "Box plot"], ["heatmap", "Heatmap"],
];
// The explained plan names grains as Vega-Lite time units.
const VEGA_GRAINS = {
  year: "year", yearquarter: "quarter", yearmonth: "month", yearweek: "week", yearmonthdate: "day",
  yearmonthdatehours: "hour", day: "weekday", month: "month_of_year", hours: "hour",
};
const OPS = {
  "=": "is", "!=": "is not", ">": ">", ">=": "≥", "<": "<", "<=": "≤", in: "is", not_in: "is not",
  between: "between", contains: "contains", not_contains: "does not contain",
  starts_with: "starts with", is_null: "is missing", not_null: "is present", weekday: "is on",
};
const LIMITS = [3, 5, 10, 20, 50];
const NUMERIC = new Set(["integer", "number"]);
const DATES = new Set(["date", "datetime"]);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// A <select> chip: picking another value calls pick(value).
function choice(name, options, current, pick) {
  const select = element("select", { "aria-label": name, "data-chip": name });
  const known = options.some(([value]) => value === current);
  for (const [value, label] of known ? options : [[current, current], ...options]) {
    const option = element("option", { value }, label);
    option.selected = value === current;
    select.append(option);
  }
  select.addEventListener("change", () => {
    if (select.value !== current) pick(select.value);
  });
  return select;
}

function chip(label, ...controls) {
  return element("span", { class: "chip" }, ...(label ? [element("span", { class: "chip-label" }, label)] : []), ...controls);
}

function filterText(filter) {
  const value = Array.isArray(filter.value) ? filter.value.join(filter.op === "between" ? " and " : ", ") : filter.value;
  const op = OPS[filter.op] || filter.op;
  return ["is_null", "not_null"].includes(filter.op) ? `${filter.field} ${op}` : `${filter.field} ${op} ${value}`;
}

function measureText(measure) {
  if (!measure.field) return "Count of rows";
  const agg = AGGREGATES.find(([value]) => value === measure.aggregate);
  return agg ? `${agg[1]} ${measure.field}` : measure.field;
}

// The chips of one chart; `columns` from the dataset's profile; edit(edit) sends one change.
export function chipsFor(chart, columns, edit) {
  const plan = chart.plan || {};
  const byName = new Map(columns.map((column) => [column.name, column]));
  const measures = columns.filter((c) => c.role === "measure" && NUMERIC.has(c.type)).map((c) => [c.name, c.name]);
  const dimensions = columns.filter((c) => c.role === "dimension" || c.role === "temporal").map((c) => [c.name, c.name]);
  const x = plan.x || null;
  const y = plan.y || (plan.measures || [])[0] || null;
  const chips = [];

  if (plan.intent === "correlation" && x && y && y.field) {
    chips.push(chip(`${x.field} against`, choice("Measure", measures, y.field, (v) => edit({ measure: v }))));
  } else if (x && x.bin) {
    chips.push(chip("Distribution of", choice("Measure", measures, x.field, (v) => edit({ measure: v }))));
  } else if (y) {
    const controls = [];
    if (y.aggregate) controls.push(choice("Aggregate", AGGREGATES, y.aggregate, (v) => edit({ aggregate: v })));
    const options = y.field ? measures : [["", "rows"], ...measures];
    controls.push(choice("Measure", options, y.field || "", (v) => edit({ measure: v })));
    chips.push(chip(null, ...controls));
  }
  // the other measures drawn beside the first (grouped bars, dots of two totals): named, not editable, since
  // an edit changes one measure (a raw scatter's two already are its axes)
  const shown = new Set([x && x.field, y && y.field]);
  const others = (plan.measures || []).slice(1).filter((m) => !shown.has(m.field)).map(measureText);
  if (y && others.length) chips.push(chip(`and ${others.join(", ")}`));
  if (!(x && x.bin) && plan.intent !== "correlation") {
    const dimension = x ? x.field : "";
    const options = x ? dimensions : [["", "—"], ...dimensions];
    const controls = [choice("Dimension", options, dimension, (v) => edit({ dimension: v }))];
    const column = x && byName.get(x.field);
    if (column && DATES.has(column.type)) {
      const grains = GRAINS.filter(([value]) => value !== "hour" || column.type === "datetime");
      const grain = VEGA_GRAINS[x.time_unit] || "";
      controls.push(choice("Time grain", grains, grain, (v) => edit({ time_unit: v || null })));
    }
    chips.push(chip("by", ...controls));
    if (x) {
      const colours = [["", "none"], ...dimensions.filter(([name]) => name !== x.field)];
      chips.push(chip("colour", choice("Colour", colours, plan.color || "", (v) => edit({ color: v || null }))));
    }
  }
  chips.push(chip(null, choice("Chart type", CHARTS, plan.chart_type || chart.chart_type, (v) => edit({ chart_type: v }))));
  if (plan.limit) {
    const limits = [...LIMITS.map((n) => [String(n), String(n)]), ["", "all"]];
    chips.push(chip("top", choice("Top", limits, String(plan.limit), (v) => edit({ limit: v ? Number(v) : null }))));
  }
  (plan.filters || []).forEach((filter, index) => {
    const remove = element("button", { type: "button", class: "chip-remove", "aria-label": `Remove the filter ${filterText(filter)}` }, "✕");
    remove.addEventListener("click", () => edit({ remove_filter: index }));
    chips.push(chip(filterText(filter), remove));
  });

  const box = element("div", { class: "readings" }, element("span", { class: "readings-title" }, "How I read it"), ...chips);
  if ((plan.assumptions || []).length) {
    box.append(element("p", { class: "assumptions muted" }, `Assumed: ${plan.assumptions.join(" · ")}`));
  }
  return box;
}
