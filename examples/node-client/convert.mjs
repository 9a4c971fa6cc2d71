// The client from the command line:
//
//   node convert.mjs URL FORMAT INPUT [QUERY]     # the output on standard output
//
// QUERY is a URL query string of options (preset=newsroom&title=...); the token, if the service
// wants one, comes from QAFORMAT_TOKEN. Errors: one line on standard error,
// "qaformat: error: CODE (STATUS): DETAIL", and exit status 2.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { QaformatClient, QaformatError } from "./qaformat-client.mjs";

const [url, format, path, query] = process.argv.slice(2);
if (!path) {
  process.stderr.write("usage: node convert.mjs URL FORMAT INPUT [QUERY]\n");
  process.exit(2);
}
const client = new QaformatClient(url, process.env.QAFORMAT_TOKEN);
try {
  const options = Object.fromEntries(new URLSearchParams(query || ""));
  const { body } = await client.convert(await readFile(path), format, options, basename(path));
  process.stdout.write(body);
} catch (error) {
  if (!(error instanceof QaformatError)) throw error;
  process.stderr.write(`qaformat: error: ${error.code} (${error.status}): ${error.message}\n`);
  process.exit(2);
}
