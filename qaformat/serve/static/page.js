// The editor's page: reads a transcript (a file or pasted text), shows the preview, the
// speakers and the parser's findings, and offers every output format for download. It only
// calls the service's own API (/v1/...); the preview is the HTML renderer's fragment.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const ROLES = ["interviewer", "interviewee", "other"];
  const state = {
    input: null,        // {data: Blob|string, filename: string|null}
    speakers: [],       // [{label, name, role, turns}] as first found
    changes: {},        // label -> {name, role} the editor set
    fragment: null,     // the preview's HTML fragment
    generation: 0,      // answers to an older request are dropped
  };

  function setStatus(text) {
    $("status").textContent = text;
  }

  function showError(text) {
    const box = $("error");
    box.textContent = text;
    box.hidden = !text;
  }

  function headers(extra) {
    const result = Object.assign({}, extra || {});
    const token = $("token").value.trim();
    if (token) result.Authorization = "Bearer " + token;
    return result;
  }

  // What the service's problem document says, in one plain line.
  async function problemText(response) {
    try {
      const problem = await response.json();
      if (response.status === 401) {
        $("token").closest("details").open = true;
        return "This service needs an access token: enter it under Access token.";
      }
      return problem.detail || problem.title || ("The service answered " + response.status + ".");
    } catch (error) {
      return "The service answered " + response.status + " " + response.statusText + ".";
    }
  }

  function speakerMap() {
    const map = {};
    for (const [label, change] of Object.entries(state.changes)) {
      const entry = {};
      if (change.name) entry.name = change.name;
      if (change.role) entry.role = change.role;
      if (Object.keys(entry).length) map[label] = entry;
    }
    return map;
  }

  // The query for an action: the same options whatever is asked, so a download matches the preview.
  function query(extra) {
    const params = new URLSearchParams();
    if (state.input.filename) params.set("filename", state.input.filename);
    const from = $("from").value;
    if (from) params.set("from", from);
    const speakers = speakerMap();
    if (Object.keys(speakers).length) params.set("speakers", JSON.stringify(speakers));
    if ($("tidy").checked) params.set("tidy", "true");
    for (const [name, value] of Object.entries(extra || {})) {
      if (value !== null && value !== undefined && value !== "") params.set(name, value);
    }
    return params;
  }

  function renderQuery(extra) {
    return query(Object.assign({
      preset: $("preset").value,
      labels: $("labels").value,
      title: $("title").value.trim(),
      note: $("note").value.trim(),
    }, extra));
  }

  async function call(path, params) {
    const body = state.input.data;
    const type = typeof body === "string" ? "text/plain; charset=utf-8" : "application/octet-stream";
    return fetch(path + "?" + params.toString(), {method: "POST", body: body, headers: headers({"Content-Type": type})});
  }

  async function refresh(options) {
    if (!state.input) return;
    const generation = ++state.generation;
    setStatus("Reading the transcript…");
    try {
      const parsed = await call("/v1/parse", query({title: $("title").value.trim()}));
      if (generation !== state.generation) return;
      if (!parsed.ok) {
        fail(await problemText(parsed));
        return;
      }
      const model = await parsed.json();
      if (options && options.newInput) startSpeakers(model);
      updateSpeakers(model);
      showFindings(model.diagnostics || []);
      const preview = await call("/v1/convert", renderQuery({to: "html", standalone: "false"}));
      if (generation !== state.generation) return;
      if (!preview.ok) {
        fail(await problemText(preview));
        return;
      }
      state.fragment = await preview.text();
      $("preview").innerHTML = state.fragment;  // the renderer's own escaped markup
      showError("");
      enableOutputs(true);
      const turns = model.sections.reduce((n, s) => n + s.turns.length, 0);
      setStatus("Formatted: " + turns + " turns, " + model.speakers.length + " speakers.");
    } catch (error) {
      if (generation === state.generation) fail("The service could not be reached. Is qaformat serve still running?");
    }
  }

  function fail(text) {
    showError(text);
    setStatus("");
    enableOutputs(false);
  }

  function enableOutputs(enabled) {
    for (const button of document.querySelectorAll("#downloads button, #copy-fragment")) button.disabled = !enabled;
  }

  function turnCounts(model) {
    const counts = {};
    for (const section of model.sections) {
      for (const turn of section.turns) {
        if (turn.speaker) counts[turn.speaker] = (counts[turn.speaker] || 0) + 1;
      }
    }
    return counts;
  }

  function startSpeakers(model) {
    state.changes = {};
    state.speakers = model.speakers.map((s) => ({label: s.aliases[0] || s.name, name: s.name, role: s.role, turns: 0}));
    const body = $("speakers").querySelector("tbody");
    body.replaceChildren();
    state.speakers.forEach((speaker, index) => {
      const row = document.createElement("tr");
      const nameCell = document.createElement("td");
      const name = document.createElement("input");
      name.type = "text";
      name.id = "speaker-name-" + index;
      name.value = speaker.name;
      name.setAttribute("aria-label", "Name of " + speaker.name);
      name.addEventListener("change", () => changeSpeaker(speaker, {name: name.value.trim()}));
      nameCell.append(name);
      const roleCell = document.createElement("td");
      const role = document.createElement("select");
      role.id = "speaker-role-" + index;
      role.setAttribute("aria-label", "Role of " + speaker.name);
      for (const value of ROLES) {
        const option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        option.selected = value === speaker.role;
        role.append(option);
      }
      role.addEventListener("change", () => changeSpeaker(speaker, {role: role.value}));
      roleCell.append(role);
      const turns = document.createElement("td");
      turns.className = "turns";
      turns.id = "speaker-turns-" + index;
      row.append(nameCell, roleCell, turns);
      body.append(row);
    });
    $("speakers").hidden = state.speakers.length === 0;
    $("speakers-empty").hidden = state.speakers.length > 0;
  }

  function updateSpeakers(model) {
    const counts = turnCounts(model);
    state.speakers.forEach((speaker, index) => {
      const label = speaker.label.toLowerCase();
      const found = model.speakers.find((s) => s.aliases.some((a) => a.toLowerCase() === label));
      speaker.turns = found ? (counts[found.id] || 0) : 0;
      const cell = $("speaker-turns-" + index);
      if (cell) cell.textContent = String(speaker.turns);
    });
  }

  function changeSpeaker(speaker, change) {
    const current = Object.assign({}, state.changes[speaker.label] || {}, change);
    if (current.name === speaker.name) delete current.name;
    if (current.role === speaker.role) delete current.role;
    state.changes[speaker.label] = current;
    refresh();
  }

  function showFindings(diagnostics) {
    const list = $("diagnostics");
    list.replaceChildren();
    const convention = diagnostics.find((d) => d.code === "convention");
    $("convention").textContent = convention ? "Convention: " + convention.message : "";
    for (const d of diagnostics) {
      if (d === convention) continue;
      const item = document.createElement("li");
      item.className = "severity-" + d.severity;
      item.textContent = "Line " + (d.line || 1) + ": " + d.severity + " " + d.code + ": " + d.message;
      list.append(item);
    }
    if (!diagnostics.length) {
      const item = document.createElement("li");
      item.textContent = "Nothing to report.";
      list.append(item);
    }
  }

  function filenameFrom(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename="([^"]+)"/.exec(header);
    return match ? match[1] : fallback;
  }

  async function download(format, standalone) {
    setStatus("Preparing the download…");
    const extra = {to: format};
    if (format === "html") extra.standalone = standalone ? "true" : "false";
    try {
      const response = await call("/v1/convert", renderQuery(extra));
      if (!response.ok) {
        fail(await problemText(response));
        return;
      }
      const blob = await response.blob();
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = filenameFrom(response, "interview." + format);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
      setStatus("Downloaded " + link.download + ".");
    } catch (error) {
      fail("The service could not be reached. Is qaformat serve still running?");
    }
  }

  async function copyFragment() {
    if (!state.fragment) return;
    try {
      await navigator.clipboard.writeText(state.fragment);
      setStatus("The HTML fragment is on the clipboard.");
    } catch (error) {
      showError("The browser did not allow copying; select the preview's HTML from a download instead.");
    }
  }

  async function loadChoices() {
    try {
      const [formats, presets] = await Promise.all([
        fetch("/v1/formats", {headers: headers()}).then((r) => r.json()),
        fetch("/v1/presets", {headers: headers()}).then((r) => r.json()),
      ]);
      for (const input of formats.input) {
        $("from").append(new Option(input.name, input.name));
      }
      for (const preset of presets) {
        $("preset").append(new Option(preset.name + ": " + preset.description, preset.name));
      }
      const downloads = $("downloads");
      for (const output of formats.output) {
        const names = output.name === "html"
          ? [["HTML page", true], ["HTML fragment", false]]
          : [[output.name === "md" ? "Markdown" : output.name.toUpperCase(), null]];
        for (const [label, standalone] of names) {
          const button = document.createElement("button");
          button.type = "button";
          button.textContent = label;
          button.disabled = true;
          button.dataset.format = output.name;
          button.addEventListener("click", () => download(output.name, standalone));
          downloads.append(button);
        }
      }
    } catch (error) {
      showError("The service could not be reached. Is qaformat serve still running?");
    }
  }

  function useFile(file) {
    if (!file) return;
    state.input = {data: file, filename: file.name};
    $("paste").value = "";
    refresh({newInput: true});
  }

  let typing = null;
  function usePaste() {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const text = $("paste").value;
      if (!text.trim()) return;
      state.input = {data: text, filename: null};
      $("file").value = "";
      refresh({newInput: true});
    }, 400);
  }

  function later(fn) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, 400);
    };
  }

  document.addEventListener("DOMContentLoaded", () => {
    loadChoices();
    $("file").addEventListener("change", () => useFile($("file").files[0]));
    $("paste").addEventListener("input", usePaste);
    $("from").addEventListener("change", () => refresh({newInput: true}));
    for (const id of ["preset", "labels", "tidy"]) $(id).addEventListener("change", () => refresh());
    for (const id of ["title", "note"]) $(id).addEventListener("input", later(() => refresh()));
    $("copy-fragment").addEventListener("click", copyFragment);
    const zone = $("drop-zone");
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      useFile(event.dataTransfer.files[0]);
    });
  });
})();
