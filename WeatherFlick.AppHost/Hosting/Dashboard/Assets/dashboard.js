// Live updates for the server-rendered pages: rows and console lines arrive over Server-Sent Events.
(function () {
  const page = document.body.dataset.page;
  const status = document.getElementById("connection");

  function watch(url, handlers) {
    const source = new EventSource(url);
    source.onopen = () => { status.textContent = "live"; };
    source.onerror = () => { status.textContent = "reconnecting…"; };
    for (const [event, handle] of Object.entries(handlers)) {
      source.addEventListener(event, (e) => handle(JSON.parse(e.data)));
    }
  }

  if (page === "resources") {
    const body = document.querySelector("#resources tbody");
    watch("/api/resources/stream", {
      resource: ({ name, html }) => {
        const row = document.getElementById("resource-" + name);
        const template = document.createElement("template");
        template.innerHTML = html.trim();
        if (row) { row.replaceWith(template.content.firstElementChild); } else { body.appendChild(template.content.firstElementChild); }
      },
    });
    body.addEventListener("click", async (e) => {
      const button = e.target.closest("button[data-command]");
      if (!button) { return; }
      const name = button.closest("tr").dataset.resource;
      button.disabled = true;
      // The custom header makes this a non-simple request: another site's page cannot send it.
      const response = await fetch(`/api/resources/${encodeURIComponent(name)}/commands/${button.dataset.command}`,
        { method: "POST", headers: { "X-WeatherFlick-Dashboard": "1" } });
      if (!response.ok) { alert(`${button.textContent} ${name} failed: ${await response.text()}`); }
    });
  }

  if (page === "console") {
    const console = document.getElementById("console");
    const name = console.dataset.resource;
    let last = 0;
    watch(`/api/resources/${encodeURIComponent(name)}/console/stream`, {
      line: ({ n, text, error }) => {
        if (n <= last) { return; } // after a reconnect the backlog is sent again
        last = n;
        const follow = console.scrollTop + console.clientHeight >= console.scrollHeight - 4;
        const line = document.createElement("div");
        line.className = error ? "line error" : "line";
        const number = document.createElement("span");
        number.className = "n";
        number.textContent = n;
        line.append(number, document.createTextNode(text));
        console.appendChild(line);
        while (console.childElementCount > 5000) { console.firstElementChild.remove(); }
        if (follow) { console.scrollTop = console.scrollHeight; }
      },
    });
  }
})();
