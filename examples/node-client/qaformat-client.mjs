// A small client for the qaformat service (`qaformat serve`), for Node CMSs such as Ghost or
// Strapi. It uses the fetch built into Node 18 and later; no dependencies.
//
//   import { QaformatClient } from "./qaformat-client.mjs";
//   const client = new QaformatClient("http://127.0.0.1:8000", process.env.QAFORMAT_TOKEN);
//   const { body } = await client.convert(transcript, "html", { preset: "newsroom" });
//
// Every call answers the service's bytes or throws a QaformatError carrying the service's
// problem document: status, code (as `qaformat check` reports it) and the one-line detail.

export class QaformatError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = "QaformatError";
    this.status = status;
    this.code = code;
  }
}

export class QaformatClient {
  constructor(baseUrl, token = null, { timeoutMs = 60000 } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.token = token || null;
    this.timeoutMs = timeoutMs;
  }

  // Convert a transcript (a string, or a Buffer/Uint8Array of a file) to an output format.
  async convert(input, to = "html", options = {}, filename = null) {
    const query = { ...options, to };
    if (filename) query.filename = filename;
    return this.#post("/v1/convert", input, query);
  }

  // The transcript's qaformat JSON with its diagnostics.
  async parse(input, options = {}) {
    return JSON.parse(new TextDecoder().decode((await this.#post("/v1/parse", input, options)).body));
  }

  // Render stored qaformat JSON (a string) in another format.
  async render(json, to = "html", options = {}) {
    return this.#post("/v1/render", json, { ...options, to }, "application/json");
  }

  // The diagnostics `qaformat check` would print.
  async check(input, options = {}) {
    return JSON.parse(new TextDecoder().decode((await this.#post("/v1/check", input, options)).body));
  }

  async formats() {
    return JSON.parse(new TextDecoder().decode((await this.#request("GET", "/v1/formats", null, {}, null)).body));
  }

  async #post(path, body, options, type = "application/octet-stream") {
    const query = {};
    for (const [name, value] of Object.entries(options)) {
      if (value === null || value === undefined) continue;
      query[name] = typeof value === "object" ? JSON.stringify(value) : String(value);
    }
    return this.#request("POST", path, body, query, type);
  }

  async #request(method, path, body, query, type) {
    const headers = {};
    if (type) headers["Content-Type"] = type;
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const search = new URLSearchParams(query).toString();
    let response;
    try {
      response = await fetch(this.baseUrl + path + (search ? `?${search}` : ""), {
        method, headers, body: body ?? undefined, signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new QaformatError(`the qaformat service could not be reached at ${this.baseUrl}`, 0, "unreachable");
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!response.ok) {
      let problem = {};
      try {
        problem = JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        // not a problem document: keep the status
      }
      throw new QaformatError(problem.detail || `the service answered ${response.status}`, response.status,
        problem.code || `http-${response.status}`);
    }
    const disposition = response.headers.get("content-disposition") || "";
    const match = /filename="([^"]+)"/.exec(disposition);
    return { body: bytes, contentType: response.headers.get("content-type") || "", filename: match ? match[1] : null };
  }
}
