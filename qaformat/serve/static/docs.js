// The API docs page: reads /openapi.json and lists each operation with its parameters and a
// form that sends a request to this server and shows the answer.
"use strict";

(function () {
  const make = (tag, props, ...children) => {
    const element = Object.assign(document.createElement(tag), props || {});
    element.append(...children);
    return element;
  };
  let counter = 0;

  function parameterRow(parameter) {
    const schema = parameter.schema || {};
    const kind = schema.enum ? schema.enum.join(" | ") : schema.type || "";
    return make("tr", {}, make("td", {}, make("code", {}, parameter.name)), make("td", {}, kind),
      make("td", {}, parameter.description || ""));
  }

  function tryForm(path, method, operation) {
    const form = make("form", {className: "try"});
    const fields = [];
    for (const parameter of operation.parameters || []) {
      const id = "field-" + (++counter);
      const schema = parameter.schema || {};
      let input;
      if (schema.enum || schema.type === "boolean") {
        input = make("select", {id: id});
        input.append(new Option("(not set)", ""));
        for (const value of schema.enum || ["true", "false"]) input.append(new Option(String(value), String(value)));
      } else {
        input = make("input", {id: id, type: "text"});
      }
      fields.push([parameter.name, input]);
      form.append(make("label", {htmlFor: id}, parameter.name), input);
    }
    let body = null;
    if (operation.requestBody) {
      const id = "field-" + (++counter);
      body = make("textarea", {id: id, rows: 6});
      const fileId = "field-" + (++counter);
      const file = make("input", {id: fileId, type: "file"});
      form.append(make("label", {htmlFor: id}, "Body (text)"), body, make("label", {htmlFor: fileId}, "or a file"), file);
      body.file = file;
    }
    const answer = make("pre", {className: "answer", tabIndex: 0, hidden: true});
    answer.setAttribute("aria-live", "polite");
    form.append(make("div", {className: "buttons"}, make("button", {type: "submit"}, "Send " + method.toUpperCase() + " " + path)), answer);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const params = new URLSearchParams();
      for (const [name, input] of fields) if (input.value) params.set(name, input.value);
      const headers = {};
      const token = document.getElementById("token").value.trim();
      if (token) headers.Authorization = "Bearer " + token;
      const init = {method: method.toUpperCase(), headers: headers};
      if (body) {
        const chosen = body.file.files[0];
        init.body = chosen || body.value;
        headers["Content-Type"] = chosen ? "application/octet-stream" : "text/plain; charset=utf-8";
        if (chosen && !params.has("filename") && (operation.parameters || []).some((p) => p.name === "filename")) {
          params.set("filename", chosen.name);
        }
      }
      answer.hidden = false;
      answer.textContent = "Sending…";
      try {
        const query = params.toString();
        const response = await fetch(path + (query ? "?" + query : ""), init);
        const type = response.headers.get("Content-Type") || "";
        const head = response.status + " " + response.statusText + "\nContent-Type: " + type + "\n";
        const disposition = response.headers.get("Content-Disposition");
        if (/^text\/|json|xml/.test(type)) {
          answer.textContent = head + (disposition ? "Content-Disposition: " + disposition + "\n" : "") + "\n" + await response.text();
        } else {
          const blob = await response.blob();
          answer.textContent = head + "\n" + blob.size + " bytes; ";
          const link = make("a", {href: URL.createObjectURL(blob), download: "qaformat-output"}, "download them");
          answer.append(link);
        }
      } catch (error) {
        answer.textContent = "The service could not be reached.";
      }
    });
    return form;
  }

  async function load() {
    const target = document.getElementById("operations");
    try {
      const spec = await (await fetch("/openapi.json")).json();
      target.replaceChildren(make("p", {}, spec.info.description));
      for (const [path, item] of Object.entries(spec.paths)) {
        for (const [method, operation] of Object.entries(item)) {
          const section = make("section", {className: "panel operation"});
          section.append(make("h2", {}, make("span", {className: "method"}, method.toUpperCase()), path));
          section.append(make("p", {}, operation.summary + (operation.description ? ". " + operation.description : "")));
          if ((operation.parameters || []).length) {
            const table = make("table", {}, make("caption", {className: "visually-hidden"}, "Query parameters of " + path),
              make("thead", {}, make("tr", {}, make("th", {scope: "col"}, "Parameter"), make("th", {scope: "col"}, "Values"),
                make("th", {scope: "col"}, "Meaning"))),
              make("tbody", {}, ...operation.parameters.map(parameterRow)));
            section.append(table);
          }
          const responses = Object.entries(operation.responses || {}).map(([code, r]) => code + ": " + r.description);
          section.append(make("p", {}, "Answers: " + responses.join(" ")));
          const details = make("details", {}, make("summary", {}, "Try it"), tryForm(path, method, operation));
          section.append(details);
          target.append(section);
        }
      }
    } catch (error) {
      target.textContent = "The API description could not be loaded.";
    }
  }

  document.addEventListener("DOMContentLoaded", load);
})();
