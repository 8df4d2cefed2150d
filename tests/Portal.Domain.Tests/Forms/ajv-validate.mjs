// Runs the site's own e-Form validation (web/js/validation.js: ajv 2020 as bundled for the browser, plus the
// portal's rules) over the per-form sample cases, for BrowserServerAgreementTests. Prints one JSON array:
// [{ procedure, name, valid, fields }] where fields are the field ids of the errors, sorted.
// Usage: node --experimental-detect-module ajv-validate.mjs <catalogue procedures dir> <samples dir> <web dir>
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [proceduresDir, samplesDir, webDir] = process.argv.slice(2);
const { compileForm, fieldIdOf } = await import(pathToFileURL(path.join(webDir, "js", "validation.js")).href);

const results = [];
for (const file of readdirSync(samplesDir).filter((f) => f.endsWith(".json")).sort()) {
  const samples = JSON.parse(readFileSync(path.join(samplesDir, file), "utf8"));
  const procedure = JSON.parse(readFileSync(path.join(proceduresDir, `${samples.procedure}.json`), "utf8"));
  const validate = compileForm(procedure.form);
  for (const sample of samples.cases) {
    // Keywords that only say "a sub-schema failed" carry no field of their own, as in mapErrors.
    const errors = validate(sample.data, samples.today).filter((e) => !["if", "then", "else", "allOf", "$ref"].includes(e.keyword));
    const fields = [...new Set(errors.map(fieldIdOf))].sort();
    results.push({ procedure: samples.procedure, name: sample.name, valid: errors.length === 0, fields });
  }
}
process.stdout.write(JSON.stringify(results));
