/*
 * smabot chat: a custom element with a shadow root, used by the chat page and by other sites.
 *
 * On another site, one tag adds a launcher button that opens the chat:
 *   <script src="https://HOST/widget.js" defer data-title="…" data-accent="#…"
 *           data-greeting="…" data-questions="…|…" data-helpline="…"></script>
 * No cookies, no inline script or style, no eval, nothing fetched from anyone but HOST.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const HOST = new URL(script && script.src ? script.src : location.href).origin;
  // The one list of the widget's settings: data-* on the script tag or on <smabot-chat>.
  const ATTRIBUTES = ["title", "accent", "greeting", "questions", "helpline", "locale"];
  const DEFAULTS = {
    title: "Ask about SMA treatments",
    greeting:
      "Ask a question about SMA treatments. Answers are passages from reviewed articles, " +
      "shown word for word with their sources.",
    questions: "",
    helpline: "",
    accent: "#005eb8",
    locale: "",
  };
  const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;
  const MAX_HISTORY = 10;
  const MAX_QUESTION = 500;
  const REQUEST_TIMEOUT_MS = 20000;
  const KIND_NOTES = {
    clinic_marketing: "Note: this source is a clinic's marketing page.",
    ai_generated: "Note: this source was written by AI and is marked as pending human review.",
  };
  const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;

  const fail = (message, error) => console.error(`[smabot] ${message}`, error ?? "");

  if (customElements.get("smabot-chat")) return;

  const SKELETON = `
    <link rel="stylesheet" href="${HOST}/static/widget.css">
    <div class="root">
      <button type="button" class="launcher" aria-expanded="false" aria-controls="panel">
        <span class="launcher-icon" aria-hidden="true">?</span>
        <span class="launcher-label"></span>
      </button>
      <section class="panel" id="panel" aria-labelledby="title">
        <header class="bar">
          <h2 class="title" id="title"></h2>
          <button type="button" class="close" aria-label="Close the chat">✕</button>
        </header>
        <div class="conversation">
          <p class="greeting"></p>
          <div class="starters" role="group" aria-label="Example questions"></div>
          <ol class="exchanges" aria-label="Conversation"></ol>
        </div>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
        <form class="ask" novalidate>
          <label class="label" for="question">Your question</label>
          <p class="form-error" id="form-error" hidden></p>
          <div class="row">
            <input id="question" name="question" type="text" autocomplete="off"
                   enterkeyhint="send" maxlength="${MAX_QUESTION}" aria-describedby="form-error">
            <button type="submit" class="send">Ask</button>
          </div>
        </form>
      </section>
    </div>`;

  /** Builds an element with a class and optional text. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Appends text[start:end] to parent, wrapping the parts inside highlight ranges in <mark>. */
  function appendMarked(parent, text, start, end, highlights) {
    let cursor = start;
    for (const [from, to] of highlights) {
      const a = Math.max(from, cursor);
      const b = Math.min(to, end);
      if (a >= b) continue;
      if (a > cursor) parent.append(text.slice(cursor, a));
      parent.append(el("mark", "", text.slice(a, b)));
      cursor = b;
    }
    if (cursor < end) parent.append(text.slice(cursor, end));
  }

  /** A passage as paragraphs and lists, its best sentences marked. */
  function renderPassageText(text, highlights) {
    const box = el("div", "passage-text");
    let list = null;
    let offset = 0;
    for (const line of text.split("\n")) {
      const start = offset;
      offset += line.length + 1;
      if (!line.trim()) {
        list = null;
        continue;
      }
      const marker = line.match(LIST_ITEM);
      if (marker) {
        const ordered = /\d/.test(marker[0]);
        if (!list || list.tagName !== (ordered ? "OL" : "UL")) {
          list = el(ordered ? "ol" : "ul");
          box.append(list);
        }
        const item = el("li");
        if (/^\s{2,}/.test(line)) item.className = "nested";
        appendMarked(item, text, start + marker[0].length, start + line.length, highlights);
        list.append(item);
      } else {
        list = null;
        const paragraph = el("p");
        appendMarked(paragraph, text, start, start + line.length, highlights);
        box.append(paragraph);
      }
    }
    return box;
  }

  /** Glossary terms that appear in a text, as [term as written, definition], at most three. */
  function termsIn(text, glossary) {
    const found = [];
    for (const [term, definition] of Object.entries(glossary)) {
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const match = text.match(new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, "i"));
      if (match) found.push([match[0], definition, match.index]);
    }
    return found
      .sort((a, b) => a[2] - b[2])
      .slice(0, 3)
      .map(([term, definition]) => [term, definition]);
  }

  /** A link to the source that scrolls to the passage where text fragments are supported. */
  function sourceLink(url, text, highlights) {
    const [from, to] = highlights[0] || [0, Math.min(text.length, 200)];
    const words = text.slice(from, to).replace(LIST_ITEM, "").trim().split(/\s+/);
    const encode = (s) => encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C");
    const fragment =
      words.length > 10
        ? `${encode(words.slice(0, 5).join(" "))},${encode(words.slice(-5).join(" "))}`
        : encode(words.join(" "));
    return `${url.split("#")[0]}#:~:text=${fragment}`;
  }

  class ChatError extends Error {
    constructor(message, retryable) {
      super(message);
      this.retryable = retryable;
    }
  }

  async function errorFor(response) {
    if (response.status === 429) {
      const wait = Number(response.headers.get("retry-after")) || 0;
      const when = wait ? `in ${wait} second${wait === 1 ? "" : "s"}` : "in a moment";
      return new ChatError(`Lots of questions are arriving at once. Please try again ${when}.`, true);
    }
    if (response.status >= 500) {
      return new ChatError("Something went wrong on our side. Please try again.", true);
    }
    let detail = "";
    try {
      detail = (await response.json()).error || "";
    } catch (error) {
      fail("unreadable error response", error);
    }
    return new ChatError(`That question could not be asked: ${detail || response.statusText}.`, false);
  }

  class SmabotChat extends HTMLElement {
    connectedCallback() {
      if (!this.shadowRoot) this.build();
      this.listen();
      this.apply();
      this.glossary ??= fetch(`${HOST}/api/glossary`, { credentials: "omit" })
        .then((response) => (response.ok ? response.json() : {}))
        .catch((error) => {
          fail("the glossary could not be loaded", error);
          return {};
        });
    }

    disconnectedCallback() {
      this.controller?.abort();
      this.pending?.abort();
    }

    get mode() {
      return this.dataset.mode === "page" ? "page" : "widget";
    }

    setting(name) {
      const value = this.dataset[name];
      return value === undefined || value === "" ? DEFAULTS[name] : value;
    }

    build() {
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = SKELETON;
      const $ = (selector) => root.querySelector(selector);
      this.ui = {
        root: $(".root"),
        launcher: $(".launcher"),
        panel: $(".panel"),
        close: $(".close"),
        title: $(".title"),
        greeting: $(".greeting"),
        starters: $(".starters"),
        exchanges: $(".exchanges"),
        announcer: $("[aria-live]"),
        form: $("form"),
        input: $("input"),
        send: $(".send"),
        formError: $(".form-error"),
      };
      this.history = [];
      if (this.mode === "page") {
        this.ui.launcher.remove();
        this.ui.close.remove();
        this.ui.root.classList.add("page");
      } else {
        this.ui.panel.hidden = true;
        this.ui.panel.setAttribute("role", "dialog");
      }
    }

    listen() {
      this.controller?.abort();
      this.controller = new AbortController();
      const options = { signal: this.controller.signal };
      const ui = this.ui;
      ui.launcher.addEventListener("click", () => this.open(), options);
      ui.close.addEventListener("click", () => this.close(), options);
      ui.panel.addEventListener(
        "keydown",
        (event) => {
          if (event.key === "Escape" && this.mode === "widget") {
            event.stopPropagation();
            this.close();
          }
        },
        options,
      );
      ui.form.addEventListener(
        "submit",
        (event) => {
          event.preventDefault();
          this.ask(ui.input.value);
        },
        options,
      );
      ui.starters.addEventListener(
        "click",
        (event) => {
          const button = event.target.closest("button");
          if (button) this.ask(button.textContent);
        },
        options,
      );
      // One listener for every button inside answers (follow-ups, feedback, try again), so they
      // keep working however many answers come and go, and after the element is re-attached.
      ui.exchanges.addEventListener(
        "click",
        (event) => {
          const button = event.target.closest("button");
          if (!button) return;
          if (button.classList.contains("suggestion")) this.ask(button.textContent);
          else if (button.classList.contains("feedback-button")) {
            this.sendFeedback(button.closest(".feedback"), button.dataset.helpful === "true");
          } else if (button.classList.contains("retry")) {
            this.ask(button.dataset.question, button.closest(".exchange"));
          }
        },
        options,
      );
    }

    /** Applies the data-* settings: title, greeting, starter questions and accent colour. */
    apply() {
      const ui = this.ui;
      ui.title.textContent = this.setting("title");
      ui.launcher.querySelector(".launcher-label").textContent = this.setting("title");
      ui.greeting.textContent = this.setting("greeting");
      ui.starters.replaceChildren(
        ...this.setting("questions")
          .split("|")
          .map((q) => q.trim())
          .filter(Boolean)
          .slice(0, 6)
          .map((q) => el("button", "starter", q)),
      );
      ui.starters.hidden = !ui.starters.childElementCount;
      const accent = this.setting("accent");
      if (/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent)) {
        // CSSOM, not a style attribute: allowed under a CSP without 'unsafe-inline'.
        this.style.setProperty("--smabot-accent", accent);
        this.style.setProperty("--smabot-on-accent", readableOn(accent));
      } else {
        fail(`data-accent must be a colour like #005eb8, not ${JSON.stringify(accent)}`);
      }
    }

    open() {
      this.ui.panel.hidden = false;
      this.ui.launcher.hidden = true;
      this.ui.launcher.setAttribute("aria-expanded", "true");
      this.ui.input.focus();
    }

    close() {
      this.ui.panel.hidden = true;
      this.ui.launcher.hidden = false;
      this.ui.launcher.setAttribute("aria-expanded", "false");
      this.ui.launcher.focus();
    }

    showFormError(message) {
      this.ui.formError.textContent = message;
      this.ui.formError.hidden = !message;
      this.ui.input.setAttribute("aria-invalid", message ? "true" : "false");
    }

    async ask(raw, exchange) {
      const question = String(raw || "").trim();
      if (!question) {
        this.showFormError("Type a question first.");
        this.ui.input.focus();
        return;
      }
      if (question.length > MAX_QUESTION) {
        this.showFormError(`Please keep the question under ${MAX_QUESTION} characters.`);
        return;
      }
      if (this.pending) return;
      this.showFormError("");
      this.ui.input.value = "";
      const item = exchange || this.addExchange(question);
      const answerBox = item.querySelector(".answer");
      answerBox.replaceChildren(el("p", "loading", "Looking through the reviewed articles…"));
      answerBox.setAttribute("aria-busy", "true");
      this.ui.send.disabled = true;
      this.pending = new AbortController();
      const timer = setTimeout(() => this.pending?.abort(), REQUEST_TIMEOUT_MS);
      try {
        const answer = await this.fetchAnswer(question, this.pending.signal);
        this.renderAnswer(answerBox, answer, question, await this.glossary);
        this.history = [...this.history, question].slice(-MAX_HISTORY);
        this.announce(answer);
      } catch (error) {
        this.renderError(answerBox, error, question);
      } finally {
        clearTimeout(timer);
        this.pending = null;
        this.ui.send.disabled = false;
        answerBox.removeAttribute("aria-busy");
      }
    }

    async fetchAnswer(question, signal) {
      let response;
      try {
        response = await fetch(`${HOST}/api/ask`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(this.requestBody(question)),
          credentials: "omit",
          signal,
        });
      } catch (error) {
        fail("the request failed", error);
        if (!navigator.onLine) {
          throw new ChatError("You seem to be offline. Check your connection and try again.", true);
        }
        throw new ChatError("smabot can't be reached right now. Please try again.", true);
      }
      if (!response.ok) throw await errorFor(response);
      return response.json();
    }

    requestBody(question) {
      const body = { question, history: this.history };
      const locale = this.setting("locale");
      if (LOCALE.test(locale)) body.locale = locale;
      else if (locale) fail(`data-locale must look like en-GB, not ${JSON.stringify(locale)}`);
      return body;
    }

    addExchange(question) {
      const item = el("li", "exchange");
      const asked = el("p", "question");
      asked.append(el("span", "visually-hidden", "You asked: "), question);
      item.append(asked, el("div", "answer"));
      this.ui.exchanges.append(item);
      return item;
    }

    renderAnswer(box, answer, question, glossary) {
      const parts = [];
      let alert = null;
      if (answer.status === "emergency") {
        alert = this.emergencyCard(answer);
        parts.push(alert);
      } else if (answer.status === "no_answer") {
        const card = el("div", "care-card non-urgent");
        card.append(el("h3", "", "Not covered by our articles"), el("p", "", answer.message));
        const helpline = this.setting("helpline");
        if (helpline) card.append(el("p", "helpline", `You can also call ${helpline}.`));
        parts.push(card);
      }
      if (answer.passages.length) {
        const list = el("ol", "passages");
        answer.passages.forEach((passage, index) =>
          list.append(this.renderPassage(passage, index, glossary)),
        );
        parts.push(list, this.feedback(question, answer.passages.map((p) => p.id)));
      }
      if (answer.suggestions?.length) {
        const box = el("div", "suggestions");
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", "You could also ask");
        box.append(el("p", "suggestions-label", "You could also ask:"));
        for (const text of answer.suggestions) {
          const button = el("button", "suggestion", text);
          button.type = "button";
          box.append(button);
        }
        parts.push(box);
      }
      parts.push(el("p", "disclaimer", answer.disclaimer));
      box.replaceChildren(...parts);
      this.reveal(box.closest(".exchange") || box, alert);
    }

    /** The emergency (call now) or urgent (care team now) card, announced as an alert. */
    emergencyCard(answer) {
      const flag = answer.red_flag || { level: "emergency", call: null };
      const urgent = flag.level === "urgent";
      const card = el("div", `care-card ${urgent ? "urgent" : "emergency"}`);
      card.setAttribute("role", "alert");
      card.tabIndex = -1;
      const heading = urgent
        ? "Contact your care team now"
        : flag.call
          ? `Call ${flag.call} now`
          : "Call your local emergency number now";
      card.append(el("h3", "", heading), el("p", "", answer.message));
      if (flag.call) {
        const call = el("a", "call", `Call ${flag.call}`);
        call.href = `tel:${flag.call}`;
        card.append(call);
      }
      const helpline = this.setting("helpline");
      if (urgent && helpline) card.append(el("p", "helpline", `You can also call ${helpline}.`));
      return card;
    }

    /** Brings the newest answer's top into view; an emergency card also takes focus. */
    reveal(exchange, alert) {
      exchange.scrollIntoView({ block: "start" });
      if (alert) alert.focus({ preventScroll: true });
    }

    renderPassage(passage, index, glossary) {
      const item = el("li", "passage");
      item.append(renderPassageText(passage.text, passage.highlights));
      for (const [term, definition] of termsIn(passage.text, glossary || {})) {
        const details = el("details", "definition");
        details.append(el("summary", "", `What does “${term}” mean?`), el("p", "", definition));
        item.append(details);
      }
      const c = passage.citation;
      if (KIND_NOTES[c.kind]) item.append(el("p", "kind-note", KIND_NOTES[c.kind]));
      const cite = el("p", "citation");
      const updated = c.last_updated ? `Updated ${c.last_updated}.` : "Date not stated.";
      const section = c.section ? `, ${c.section}` : "";
      const stop = /[.?!]$/.test(section || c.title) ? "" : ".";
      cite.append(
        el("span", "number", `[${index + 1}]`),
        ` ${c.publisher}, “${c.title}”${section}${stop} ${updated} `,
      );
      const link = el("a", "source-link", `Read at ${c.publisher}`);
      link.href = sourceLink(c.url, passage.text, passage.highlights);
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.append(el("span", "visually-hidden", " (opens in a new tab)"));
      cite.append(link);
      item.append(cite);
      return item;
    }

    /** "Was this helpful?" buttons; their clicks are handled by delegation (see listen). */
    feedback(question, passageIds) {
      const box = el("div", "feedback");
      box.dataset.question = question;
      box.dataset.passages = JSON.stringify(passageIds);
      const yes = el("button", "feedback-button", "Yes");
      const no = el("button", "feedback-button", "No");
      yes.type = no.type = "button";
      yes.dataset.helpful = "true";
      no.dataset.helpful = "false";
      box.append(el("span", "feedback-label", "Was this helpful?"), yes, no);
      return box;
    }

    async sendFeedback(box, helpful) {
      const buttons = box.querySelectorAll("button");
      buttons.forEach((b) => (b.disabled = true));
      try {
        const response = await fetch(`${HOST}/api/feedback`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            question: box.dataset.question,
            passage_ids: JSON.parse(box.dataset.passages || "[]"),
            helpful,
          }),
          credentials: "omit",
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const thanks = el("p", "feedback-thanks", "Thank you, that helps us improve.");
        thanks.tabIndex = -1;
        box.replaceChildren(thanks);
        thanks.focus({ preventScroll: true }); // focus stays in the chat, not on the page
        this.ui.announcer.textContent = thanks.textContent;
      } catch (error) {
        fail("feedback was not sent", error);
        buttons.forEach((b) => (b.disabled = false));
        box.querySelector(".feedback-label").textContent =
          "Sorry, that didn't send. Was this helpful?";
      }
    }

    renderError(box, error, question) {
      const known = error instanceof ChatError;
      if (!known) fail("unexpected error", error);
      const card = el("div", "care-card error");
      card.setAttribute("role", "alert");
      card.append(el("p", "", known ? error.message : "Something went wrong. Please try again."));
      if (!known || error.retryable) {
        const retry = el("button", "retry", "Try again");
        retry.type = "button";
        retry.dataset.question = question;
        card.append(retry);
      }
      box.replaceChildren(card);
    }

    /** Tells screen readers about the newest answer only, never the whole history. */
    announce(answer) {
      const first = answer.passages[0];
      const sentence = first?.highlights[0]
        ? first.text.slice(first.highlights[0][0], first.highlights[0][1])
        : "";
      const count = answer.passages.length;
      const summary = [
        answer.message || "",
        count ? `${count} passage${count === 1 ? "" : "s"} found.` : "",
        sentence,
      ]
        .filter(Boolean)
        .join(" ");
      this.ui.announcer.textContent = "";
      requestAnimationFrame(() => {
        this.ui.announcer.textContent = summary;
      });
    }
  }

  /** Black or white, whichever reads better on a background colour. */
  function readableOn(hex) {
    const full = hex.length === 4 ? hex.replace(/\w/g, (c) => c + c) : hex;
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(full.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return luminance > 0.179 ? "#000000" : "#ffffff";
  }

  customElements.define("smabot-chat", SmabotChat);

  /** On a host site, add the widget unless the page placed its own <smabot-chat>. */
  function mount() {
    if (document.querySelector("smabot-chat")) return;
    const chat = document.createElement("smabot-chat");
    chat.dataset.mode = "widget";
    for (const name of ATTRIBUTES) {
      const value = script?.dataset[name];
      if (value) chat.dataset[name] = value;
    }
    document.body.append(chat);
  }

  try {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", mount, { once: true });
    } else {
      mount();
    }
  } catch (error) {
    fail("could not start", error);
  }
})();
