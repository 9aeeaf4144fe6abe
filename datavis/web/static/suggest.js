// Suggested first questions, computed from the dataset's profile (columns with type and
// role): a time trend if there is a date, the top few of the main measure by the main
// dimension, a distribution, a share, and an average.

// Words that name a main measure, most telling first.
const MAIN_MEASURE = ["revenue", "sales", "amount", "total", "profit", "income", "spend", "cost", "value",
  "price", "quantity", "units", "count"];
const NUMERIC = new Set(["integer", "number"]);

// Column names as words ("order_date" → "order date"): the planner reads either.
const words = (name) => name.replace(/[_]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim();

export function suggestions(columns) {
  const measures = columns.filter((c) => c.role === "measure" && NUMERIC.has(c.type));
  const dimensions = columns.filter((c) => c.role === "dimension");
  const time = columns.find((c) => c.role === "temporal" && (c.type === "date" || c.type === "datetime"));
  const named = (word) => measures.find((c) => c.name.toLowerCase().includes(word));
  const measure = MAIN_MEASURE.map(named).find(Boolean) || measures[0];
  const other = measures.find((c) => c !== measure);
  const [dimension, second] = dimensions;
  const out = [];
  if (time) out.push(measure ? `Total ${words(measure.name)} by month` : "Number of rows by month");
  if (measure && dimension) out.push(`Top 5 ${words(dimension.name)} by ${words(measure.name)}`);
  if (measure) out.push(`Distribution of ${words(measure.name)}`);
  if (measure && (second || dimension)) out.push(`Share of ${words(measure.name)} by ${words((second || dimension).name)}`);
  if (other && dimension) out.push(`Average ${words(other.name)} by ${words(dimension.name)}`);
  if (dimension) out.push(`How many rows per ${words(dimension.name)}`);
  return out.slice(0, 6);
}
