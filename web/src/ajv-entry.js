// Browser entry for ajv: the same JSON Schema 2020-12 e-Form schemas the server validates.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
export function createValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv, ["date", "email"]);
  return ajv;
}
