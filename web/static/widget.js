/*
 * smabot chat: a custom element with a shadow root, used by the chat page and by other sites.
 *
 * On another site, one tag adds a launcher button that opens the chat:
 *   <script src="https://HOST/widget.js" defer data-title="…" data-accent="#…"
 *           data-greeting="…" data-questions="…|…" data-helpline="…" data-locale="en-GB"
 *           data-lang="es" data-operator="…" data-privacy-url="https://…" data-position="left">
 *   </script>
 * No cookies, no inline script or style, no eval, nothing fetched from anyone but HOST.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const HOST = new URL(script && script.src ? script.src : location.href).origin;
  // The server rewrites this path to the fingerprinted (immutable) stylesheet when it serves
  // the script; read as a file, the plain path still works.
  const STYLESHEET = "/static/widget.css";
  // The one list of the widget's settings: data-* on the script tag or on <smabot-chat>.
  const ATTRIBUTES = [
    "title",
    "accent",
    "greeting",
    "questions",
    "helpline",
    "locale",
    "lang",
    "position",
    "operator",
    "privacyUrl",
  ];
  const DEFAULTS = { questions: "", helpline: "", accent: "#005eb8", locale: "", position: "right" };
  const LOCALE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;
  const MAX_HISTORY = 10;
  const MAX_QUESTION = 500; // the API's limit (models.MAX_QUESTION_CHARS)
  const COUNTER_FROM = MAX_QUESTION - 100; // the counter appears this close to the limit
  const MAX_SAVED = 20; // exchanges kept in sessionStorage
  const STORAGE_KEY = "smabot-conversation";
  const REQUEST_TIMEOUT_MS = 20000;
  const LIST_ITEM = /^\s*(?:[-*+]|\d+[.)])\s+/;
  const PHONE = "(max-width: 480px)"; // where the open widget covers the screen (widget.css)

  // UI strings; passages are never translated (they are quoted word for word). English is
  // built in; other languages are fetched from /static/i18n/ only when a page or host asks for
  // them. {x} is filled in; an object picks the plural form (Intl.PluralRules) for {n}.
  const EN = {
    dir: "ltr",
    title: "Ask about SMA treatments",
    greeting:
      "Ask a question about SMA treatments. Answers are passages from published articles, " +
      "shown word for word with their sources and the kind of each source.",
    close: "Close the chat",
    restart: "Start again",
    restarted: "The conversation was cleared.",
    runBy: "Run by {o}.",
    privacy: "What we store",
    examples: "Example questions",
    conversation: "Conversation",
    label: "Your question",
    send: "Ask",
    left: { one: "{n} character left", other: "{n} characters left" },
    over: {
      one: "{n} character over the {max} limit: please shorten it.",
      other: "{n} characters over the {max} limit: please shorten it.",
    },
    empty: "Type a question first.",
    loading: "Looking through the articles…",
    youAsked: "You asked: ",
    notCovered: "Not covered by our articles",
    alsoCall: "You can also call {h}.",
    careTeam: "Contact your care team now",
    callNow: "Call {n} now",
    callLocal: "Call your local emergency number now",
    call: "Call {n}",
    alsoAsk: "You could also ask:",
    nearAsk: "The articles do answer these questions:",
    answersPart: "These passages answer part of your message: “{q}”. For the rest, ask your care team.",
    meaning: "What does “{t}” mean?",
    updated: "Updated {d}.",
    noDate: "Date not stated.",
    readAt: "Read at {p}",
    newTab: " (opens in a new tab)",
    source: "Source",
    helpful: "Was this helpful?",
    yes: "Yes",
    no: "No",
    thanks: "Thank you, that helps us improve.",
    unsent: "Sorry, that didn't send. Was this helpful?",
    busy: "Lots of questions are arriving at once. Please try again {w}.",
    inSeconds: { one: "in {n} second", other: "in {n} seconds" },
    inAMoment: "in a moment",
    serverError: "Something went wrong on our side. Please try again.",
    offline: "You seem to be offline. Check your connection and try again.",
    unreachable: "smabot can't be reached right now. Please try again.",
    refused: "That question could not be asked: {d}.",
    unexpected: "Something went wrong. Please try again.",
    retry: "Try again",
    found: { one: "{n} passage found.", other: "{n} passages found." },
    whole: "Read the whole passage",
    more: { one: "{n} more passage from other sources", other: "{n} more passages from other sources" },
    copy: "Copy the answer with its sources",
    copied: "Copied, with the sources.",
    kinds: {
      charity: "Charity",
      regulator_label: "Regulator's label",
      consumer_health: "Health website",
      clinic_marketing: "Clinic marketing: an advert for a clinic",
      ai_generated: "AI-generated, pending human review",
      other: "Other source",
    },
  };
  // The server rewrites these paths to the fingerprinted (immutable) catalogs.
  const CATALOGS = { es: "/static/i18n/es.json", ar: "/static/i18n/ar.json" };
  const loaded = { en: EN };
  const loading = { en: Promise.resolve(EN) };
  /** A language's messages, fetched once; English stands in if they cannot be loaded. */
  const catalog = (lang) =>
    (loading[lang] ??= fetch(HOST + CATALOGS[lang])
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((messages) => (loaded[lang] = { ...EN, ...messages }))
      .catch((error) => fail(`the ${lang} messages could not be loaded`, error)));

  const fail = (message, error) => console.error(`[smabot] ${message}`, error ?? "");

  if (customElements.get("smabot-chat")) return;

  const SKELETON = `
    <link rel="stylesheet" href="${HOST}${STYLESHEET}">
    <div class="root" hidden>
      <button type="button" class="launcher" aria-expanded="false" aria-controls="panel">
        <span class="launcher-icon" aria-hidden="true">?</span>
        <span class="launcher-label"></span>
      </button>
      <section class="panel" id="panel" aria-labelledby="title">
        <div class="bar">
          <h2 class="title" id="title"></h2>
          <button type="button" class="restart" hidden></button>
          <button type="button" class="close">✕</button>
        </div>
        <p class="about"><span></span> <a target="_blank" rel="noopener"></a></p>
        <div class="conversation">
          <p class="greeting"></p>
          <div class="starters" role="group"></div>
          <ol class="exchanges"></ol>
        </div>
        <div class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
        <form class="ask" novalidate>
          <label class="label" for="question"></label>
          <p class="form-error" id="form-error" hidden></p>
          <div class="row">
            <textarea id="question" name="question" rows="1" autocomplete="off"
                      enterkeyhint="send" aria-describedby="form-error counter"></textarea>
            <button type="submit" class="send"></button>
          </div>
          <p class="counter" id="counter" hidden></p>
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

  /** Marks the server's own (English) words as such, reading in their own direction. */
  function english(node) {
    node.lang = "en";
    node.dir = "auto";
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
    // Passages keep their own direction: English reads left to right on a right-to-left page.
    english(box);
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
          list.dir = "auto";
          box.append(list);
        }
        const item = el("li");
        if (/^\s{2,}/.test(line)) item.className = "nested";
        appendMarked(item, text, start + marker[0].length, start + line.length, highlights);
        list.append(item);
      } else {
        list = null;
        const paragraph = el("p");
        paragraph.dir = "auto";
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
    const encode = (x) => encodeURIComponent(x).replace(/-/g, "%2D").replace(/,/g, "%2C");
    const fragment =
      words.length > 10
        ? `${encode(words.slice(0, 5).join(" "))},${encode(words.slice(-5).join(" "))}`
        : encode(words.join(" "));
    return `${url.split("#")[0]}#:~:text=${fragment}`;
  }

  /**
   * The conversation of this tab: sessionStorage, so a reload or the host's next page keeps it
   * and closing the tab forgets it. Nothing of it goes to the server. Storage can be refused
   * (sandboxed frames, private modes): then the chat simply forgets, which is not an error.
   */
  const saved = {
    read() {
      try {
        const records = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || "[]");
        return Array.isArray(records) ? records.filter((r) => r && r.q && r.a) : [];
      } catch {
        return [];
      }
    },
    write(records) {
      try {
        if (records.length) {
          sessionStorage.setItem(STORAGE_KEY, JSON.stringify(records.slice(-MAX_SAVED)));
        } else sessionStorage.removeItem(STORAGE_KEY);
      } catch {
        // full or refused: the conversation just isn't kept
      }
    },
  };

  /**
   * The best sentences of a passage, word for word and marked, as the answer's first lines. A
   * bare "No." or "Yes." gets the heading of the section it answers.
   */
  function leadOf(passage) {
    const { text, highlights } = passage;
    const lead = el("blockquote", "lead");
    english(lead);
    const sentence = el("p");
    highlights.forEach(([from, to], i) => {
      // adjacent sentences join with a space, sentences apart with an ellipsis
      if (i) sentence.append(text.slice(highlights[i - 1][1], from).trim() ? " … " : " ");
      sentence.append(el("mark", "", text.slice(from, to).replace(LIST_ITEM, "").trim()));
    });
    const section = passage.citation.section;
    if (section && /^\W*(no|yes)\b/i.test(sentence.textContent)) {
      lead.append(el("p", "lead-heading", section));
    }
    lead.append(sentence);
    return lead;
  }

  class ChatError extends Error {
    constructor(message, retryable) {
      super(message);
      this.retryable = retryable;
    }
  }

  async function errorFor(response, chat) {
    if (response.status === 429) {
      const wait = Number(response.headers.get("retry-after")) || 0;
      const w = wait ? chat.tr("inSeconds", { n: wait }) : chat.t.inAMoment;
      return new ChatError(chat.tr("busy", { w }), true);
    }
    if (response.status >= 500) return new ChatError(chat.t.serverError, true);
    let detail = "";
    try {
      detail = (await response.json()).error || "";
    } catch (error) {
      fail("unreadable error response", error);
    }
    return new ChatError(chat.tr("refused", { d: detail || response.statusText }), false);
  }

  class SmabotChat extends HTMLElement {
    static messages = EN; // the English catalog, the reference for the others (tests read it)

    static get observedAttributes() {
      return ATTRIBUTES.map((name) => `data-${name.replace(/[A-Z]/g, "-$&").toLowerCase()}`);
    }

    connectedCallback() {
      if (!this.shadowRoot) this.build();
      this.listen();
      this.apply();
      if (this.mode === "widget") this.toggled(this.isOpen); // detaching closed the top layer
      this.glossary ??= fetch(`${HOST}/api/glossary`, { credentials: "omit" })
        .then((response) => (response.ok ? response.json() : {}))
        .catch((error) => {
          fail("the glossary could not be loaded", error);
          return {};
        });
      this.restored ??= this.restore();
    }

    disconnectedCallback() {
      this.controller?.abort();
      this.pending?.abort();
    }

    /** A host changing data-* after the chat started (title, colour, language…) is followed. */
    attributeChangedCallback() {
      if (this.ui) this.apply();
    }

    get mode() {
      return this.dataset.mode === "page" ? "page" : "widget";
    }

    get t() {
      return loaded[this.lang2] || EN;
    }

    /** A message with its {placeholders} filled in, in the plural form {n} calls for. */
    tr(key, vars) {
      let message = this.t[key];
      if (typeof message === "object") {
        message = message[new Intl.PluralRules(this.lang2).select(vars.n)] ?? message.other;
      }
      return message.replace(/\{(\w+)\}/g, (_, name) => vars[name]);
    }

    /** The UI language: data-lang, else the host page's, else the browser's; English if unknown. */
    get lang2() {
      const wanted = [this.dataset.lang, document.documentElement.lang, ...navigator.languages];
      for (const tag of wanted) {
        const code = String(tag || "").split(/[-_]/)[0].toLowerCase();
        if (loading[code] || CATALOGS[code]) return code;
      }
      return "en";
    }

    setting(name) {
      const value = this.dataset[name];
      if (value !== undefined && value !== "") return value;
      return name in DEFAULTS ? DEFAULTS[name] : this.t[name];
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
        restart: $(".restart"),
        title: $(".title"),
        greeting: $(".greeting"),
        starters: $(".starters"),
        conversation: $(".conversation"),
        exchanges: $(".exchanges"),
        announcer: $("[aria-live]"),
        form: $("form"),
        input: $("textarea"),
        send: $(".send"),
        counter: $(".counter"),
        formError: $(".form-error"),
      };
      this.history = [];
      this.revealWhenStyled($("link"));
      if (this.mode === "page") {
        this.ui.launcher.remove();
        this.ui.close.remove();
        this.ui.root.classList.add("page");
        return;
      }
      const panel = this.ui.panel;
      panel.setAttribute("role", "dialog");
      // The top layer: no host z-index, transform or overflow can cover or clip the open chat.
      if (panel.showPopover) panel.popover = "manual";
      else panel.hidden = true;
    }

    /** Shows the chat once its stylesheet has loaded, so unstyled content never flashes. */
    revealWhenStyled(link) {
      const styled = new Promise((show) => {
        link.addEventListener("load", show, { once: true });
        link.addEventListener("error", () => {
          fail(`the stylesheet ${link.href} could not be loaded`);
          show();
        });
      });
      // nor English flashing before the page's language; never hidden for more than 4 s
      const late = new Promise((show) => setTimeout(show, 4000));
      Promise.race([Promise.all([styled, catalog(this.lang2)]), late]).then(
        () => (this.ui.root.hidden = false),
      );
    }

    listen() {
      this.controller?.abort();
      this.controller = new AbortController();
      const on = (target, type, handler) =>
        target.addEventListener(type, handler, { signal: this.controller.signal });
      const ui = this.ui;
      on(ui.launcher, "click", () => this.open());
      on(ui.close, "click", () => this.close());
      on(ui.restart, "click", () => this.restart());
      on(ui.panel, "toggle", (event) => this.toggled(event.newState === "open"));
      on(ui.panel, "keydown", (event) => this.panelKey(event));
      on(ui.input, "keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault(); // Enter sends; Shift+Enter is a new line
          this.ask(ui.input.value);
        }
      });
      on(ui.input, "input", () => this.inputChanged());
      on(ui.form, "submit", (event) => {
        event.preventDefault();
        this.ask(ui.input.value);
      });
      on(ui.starters, "click", (event) => {
        const button = event.target.closest("button");
        if (button) this.ask(button.textContent);
      });
      // One listener for every button inside answers (follow-ups, feedback, try again), so they
      // keep working however many answers come and go, and after the element is re-attached.
      on(ui.exchanges, "click", (event) => {
        const button = event.target.closest("button");
        if (!button) return;
        if (button.classList.contains("suggestion")) this.ask(button.textContent);
        else if (button.classList.contains("feedback-button")) {
          this.sendFeedback(button.closest(".feedback"), button.dataset.helpful === "true");
        } else if (button.classList.contains("copy")) {
          this.copyAnswer(button);
        } else if (button.classList.contains("retry")) {
          this.ask(button.dataset.question, button.closest(".exchange"));
        }
      });
    }

    /** Applies the data-* settings and the UI language. */
    apply() {
      const ui = this.ui;
      const lang = this.lang2;
      if (!loaded[lang]) catalog(lang).then(() => this.lang2 === lang && this.apply());
      const t = this.t;
      ui.root.lang = lang;
      ui.root.dir = t.dir;
      const operator = this.dataset.operator;
      const [runBy, privacy] = ui.panel.querySelector(".about").children;
      runBy.textContent = operator ? this.tr("runBy", { o: operator }) : "";
      let policy = this.dataset.privacyUrl;
      if (policy && !/^https?:\/\//.test(policy)) {
        fail(`data-privacy-url must be an http(s) address, not ${JSON.stringify(policy)}`);
        policy = "";
      }
      privacy.href = policy || `${HOST}/privacy`;
      privacy.textContent = t.privacy;
      privacy.append(el("span", "visually-hidden", t.newTab));
      ui.root.dataset.position = this.setting("position") === "left" ? "left" : "right";
      ui.title.textContent = this.setting("title");
      ui.launcher.querySelector(".launcher-label").textContent = this.setting("title");
      ui.greeting.textContent = this.setting("greeting");
      ui.close.setAttribute("aria-label", t.close);
      ui.restart.textContent = t.restart;
      ui.starters.setAttribute("aria-label", t.examples);
      ui.exchanges.setAttribute("aria-label", t.conversation);
      ui.form.querySelector("label").textContent = t.label;
      ui.send.textContent = t.send;
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
      this.inputChanged();
    }

    get isOpen() {
      const panel = this.ui.panel;
      return panel.popover ? panel.matches(":popover-open") : !panel.hidden;
    }

    open() {
      const panel = this.ui.panel;
      if (!this.isOpen) {
        if (panel.popover) panel.showPopover();
        else panel.hidden = false;
      }
      this.toggled(true);
      this.ui.input.focus();
    }

    close() {
      const panel = this.ui.panel;
      if (this.isOpen) {
        if (panel.popover) panel.hidePopover();
        else panel.hidden = true;
      }
      this.toggled(false);
      this.ui.launcher.focus();
    }

    /** Keeps the launcher in step with the panel, however it was opened or closed. */
    toggled(open) {
      this.ui.launcher.hidden = open;
      this.ui.launcher.setAttribute("aria-expanded", String(open));
      // On a phone the open chat covers the page: it is modal there, and focus stays in it.
      if (open && matchMedia(PHONE).matches) this.ui.panel.setAttribute("aria-modal", "true");
      else this.ui.panel.removeAttribute("aria-modal");
    }

    panelKey(event) {
      if (this.mode !== "widget") return;
      if (event.key === "Escape") {
        event.stopPropagation();
        this.close();
      } else if (event.key === "Tab" && this.ui.panel.hasAttribute("aria-modal")) {
        this.trapTab(event);
      }
    }

    /** Tab from the last control goes to the first, Shift+Tab from the first to the last. */
    trapTab(event) {
      const controls = [
        ...this.ui.panel.querySelectorAll("button, a[href], textarea, summary, [tabindex='0']"),
      ].filter((c) => !c.disabled && c.getClientRects().length);
      if (!controls.length) return;
      const first = controls[0];
      const last = controls[controls.length - 1];
      const active = this.shadowRoot.activeElement;
      if (event.shiftKey && (active === first || !this.ui.panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !this.ui.panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }

    /** The counter near the limit, and no sending past it: nothing is ever silently cut. */
    inputChanged() {
      const { input, counter } = this.ui;
      const t = this.t;
      if (!CSS.supports("field-sizing", "content")) {
        input.style.height = "auto"; // CSSOM: allowed by the CSP
        input.style.height = `${input.scrollHeight + 4}px`;
      }
      const length = input.value.trim().length;
      const over = length - MAX_QUESTION;
      const wasOver = counter.classList.contains("over");
      counter.hidden = length < COUNTER_FROM;
      counter.classList.toggle("over", over > 0);
      counter.textContent = over > 0 ? this.tr("over", { n: over, max: MAX_QUESTION }) : this.tr("left", { n: -over });
      if (over > 0 && !wasOver) this.ui.announcer.textContent = counter.textContent;
      input.setAttribute("aria-invalid", String(over > 0));
      if (over <= 0) this.showFormError("");
      this.updateSend();
    }

    updateSend() {
      const over = this.ui.input.value.trim().length > MAX_QUESTION;
      this.ui.send.disabled = Boolean(this.pending) || over;
    }

    showFormError(message) {
      this.ui.formError.textContent = message;
      this.ui.formError.hidden = !message;
      if (message) this.ui.input.setAttribute("aria-invalid", "true");
    }

    async ask(raw, exchange) {
      const t = this.t;
      const question = String(raw || "").trim();
      if (!question) {
        this.showFormError(t.empty);
        this.ui.input.focus();
        return;
      }
      if (question.length > MAX_QUESTION) {
        // The question stays in the field, whole, for the caregiver to shorten; the counter
        // under it already says by how much, and screen readers hear it again.
        this.ui.announcer.textContent = "";
        requestAnimationFrame(() => {
          this.ui.announcer.textContent = this.tr("over", { n: question.length - MAX_QUESTION, max: MAX_QUESTION });
        });
        this.ui.input.focus();
        return;
      }
      if (this.pending) return;
      this.showFormError("");
      if (!exchange) {
        this.ui.input.value = "";
        this.inputChanged();
      }
      const item = exchange || this.addExchange(question);
      const answerBox = item.querySelector(".answer");
      answerBox.replaceChildren(el("p", "loading", t.loading));
      answerBox.setAttribute("aria-busy", "true");
      this.pending = new AbortController();
      this.updateSend();
      const timer = setTimeout(() => this.pending?.abort(), REQUEST_TIMEOUT_MS);
      try {
        const answer = await this.fetchAnswer(question, this.pending.signal);
        this.renderAnswer(answerBox, answer, question, await this.glossary);
        item.record = { q: question, a: answer };
        this.history = [...this.history, question].slice(-MAX_HISTORY);
        this.save();
        this.announce(answer);
      } catch (error) {
        this.renderError(answerBox, error, question);
      } finally {
        clearTimeout(timer);
        this.pending = null;
        this.updateSend();
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
        throw new ChatError(navigator.onLine ? this.t.unreachable : this.t.offline, true);
      }
      if (!response.ok) throw await errorFor(response, this);
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
      // the words in their own direction, whatever the language of the hidden "You asked"
      asked.append(el("span", "visually-hidden", this.t.youAsked), el("bdi", "", question));
      item.append(asked, el("div", "answer"));
      this.ui.exchanges.append(item);
      this.ui.restart.hidden = false;
      return item;
    }

    /** Stores the answered exchanges (question, answer, feedback given) for this tab. */
    save() {
      const records = [...this.ui.exchanges.children].map((item) => item.record).filter(Boolean);
      saved.write(records);
    }

    /** Shows the conversation kept for this tab, before anything asked since. Sends nothing. */
    async restore() {
      const records = saved.read();
      if (!records.length) return;
      await catalog(this.lang2);
      const glossary = await this.glossary;
      const items = records.map((record) => {
        const item = this.addExchange(record.q);
        item.record = record;
        this.renderAnswer(item.querySelector(".answer"), record.a, record.q, glossary, true);
        return item;
      });
      this.ui.exchanges.prepend(...items);
      this.history = [...records.map((r) => r.q), ...this.history].slice(-MAX_HISTORY);
      this.ui.conversation.scrollTop = this.ui.conversation.scrollHeight;
    }

    /** "Start again": forgets the conversation here and in this tab's storage. */
    restart() {
      this.ui.exchanges.replaceChildren();
      this.history = [];
      saved.write([]);
      this.ui.restart.hidden = true;
      this.ui.input.focus();
      this.ui.announcer.textContent = this.t.restarted;
    }

    renderAnswer(box, answer, question, glossary, restoring = false) {
      const t = this.t;
      const parts = [];
      let alert = null;
      if (answer.status === "emergency") {
        alert = this.emergencyCard(answer);
        parts.push(alert);
      } else if (answer.status === "no_answer") {
        const card = el("div", "care-card non-urgent");
        card.append(el("h3", "", t.notCovered), english(el("p", "", answer.message)));
        const helpline = this.setting("helpline");
        if (helpline) card.append(el("p", "helpline", this.tr("alsoCall", { h: helpline })));
        parts.push(card);
      }
      if (answer.answered_part) {
        // of several questions, the passages answer one: say which, so the rest is not missed
        parts.push(el("p", "part-note", this.tr("answersPart", { q: answer.answered_part })));
      }
      if (answer.passages.length) {
        // Answer first: the best passage leads; the others wait, collapsed, one tap away.
        const [best, ...others] = answer.passages;
        const list = el("ol", "passages");
        list.append(this.renderPassage(best, 0, glossary, true));
        parts.push(list);
        if (others.length) {
          const more = el("details", "more");
          const rest = el("ol", "passages");
          rest.start = 2;
          others.forEach((p, i) => rest.append(this.renderPassage(p, i + 1, glossary, false)));
          more.append(el("summary", "", this.tr("more", { n: others.length })), rest);
          parts.push(more);
        }
        const tools = el("div", "tools");
        const copy = el("button", "copy", t.copy);
        copy.type = "button";
        tools.append(copy);
        if (!box.closest(".exchange")?.record?.fb) {
          tools.prepend(this.feedback(question, answer.passages.map((p) => p.id)));
        }
        parts.push(tools);
      }
      if (answer.suggestions?.length) {
        // after an answer, what its section also answers; after "not covered", the questions
        // the articles do answer, nearest in meaning or of the sections that nearly answered
        const label = answer.status === "no_answer" ? t.nearAsk : t.alsoAsk;
        const group = el("div", "suggestions");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", label);
        group.append(el("p", "suggestions-label", label));
        for (const text of answer.suggestions) {
          const button = english(el("button", "suggestion", text));
          button.type = "button";
          group.append(button);
        }
        parts.push(group);
      }
      parts.push(english(el("p", "disclaimer", answer.disclaimer)));
      box.replaceChildren(...parts);
      if (alert && restoring) alert.removeAttribute("role"); // not announced again on reload
      if (!restoring) this.reveal(box.closest(".exchange") || box, alert);
    }

    /** The emergency (call now) or urgent (care team now) card, announced as an alert. */
    emergencyCard(answer) {
      const t = this.t;
      const flag = answer.red_flag || { level: "emergency", call: null };
      const urgent = flag.level === "urgent";
      const card = el("div", `care-card ${urgent ? "urgent" : "emergency"}`);
      card.setAttribute("role", "alert");
      card.tabIndex = -1;
      const heading = urgent ? t.careTeam : flag.call ? this.tr("callNow", { n: flag.call }) : t.callLocal;
      // the heading and the call link in the page's language; the server's words as they came
      card.append(el("h3", "", heading), english(el("p", "", answer.message)));
      if (flag.call) {
        const call = el("a", "call", this.tr("call", { n: flag.call }));
        call.href = `tel:${flag.call}`;
        card.append(call);
      }
      const helpline = this.setting("helpline");
      if (urgent && helpline) card.append(el("p", "helpline", this.tr("alsoCall", { h: helpline })));
      return card;
    }

    /** Brings the newest answer's top into view; an emergency card also takes focus. */
    reveal(exchange, alert) {
      exchange.scrollIntoView({ block: "start" });
      if (alert) alert.focus({ preventScroll: true });
    }

    /**
     * One passage under its source badge. The best one leads with its best sentences and its
     * source line, the whole passage one tap away; the others show their text in full.
     */
    renderPassage(passage, index, glossary, best) {
      const t = this.t;
      const c = passage.citation;
      const item = el("li", best ? "passage best" : "passage");
      // The kind of source comes before its words: a clinic's advert is read as one.
      const badge = el("p", `badge kind-${/^[a-z_]+$/.test(c.kind) ? c.kind : "other"}`);
      badge.append(el("span", "visually-hidden", `${t.source}: `), t.kinds[c.kind] || t.kinds.other);
      item.append(badge);
      const text = renderPassageText(passage.text, passage.highlights);
      const cite = this.citation(passage, index);
      if (best && passage.highlights.length) {
        const whole = el("details", "whole");
        whole.append(el("summary", "", t.whole), text);
        item.append(leadOf(passage), cite, whole);
      } else item.append(text);
      for (const [term, definition] of termsIn(passage.text, glossary || {})) {
        const details = el("details", "definition");
        details.append(el("summary", "", this.tr("meaning", { t: term })), english(el("p", "", definition)));
        item.append(details);
      }
      if (!item.contains(cite)) item.append(cite);
      return item;
    }

    /** The source line: number, publisher, title, section, date and a link to the passage. */
    citation(passage, index) {
      const t = this.t;
      const c = passage.citation;
      const cite = el("p", "citation");
      const updated = c.last_updated ? this.tr("updated", { d: c.last_updated }) : t.noDate;
      const section = c.section ? `, ${c.section}` : "";
      const stop = /[.?!]$/.test(section || c.title) ? "" : ".";
      cite.append(
        el("span", "number", `[${index + 1}]`),
        " ",
        el("bdi", "", `${c.publisher}, “${c.title}”${section}${stop}`),
        ` ${updated} `,
      );
      const link = el("a", "source-link", this.tr("readAt", { p: c.publisher }));
      link.href = sourceLink(c.url, passage.text, passage.highlights);
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.append(el("span", "visually-hidden", t.newTab));
      cite.append(link);
      return cite;
    }

    /** Copies the answer as plain text with its numbered sources and their addresses. */
    async copyAnswer(button) {
      const record = button.closest(".exchange")?.record;
      if (!record) return;
      const lines = [record.q, ""];
      record.a.passages.forEach((p, i) => {
        const c = p.citation;
        lines.push(`[${i + 1}] ${p.text.trim()}`, `    ${c.publisher}, “${c.title}”: ${c.url}`, "");
      });
      lines.push(record.a.disclaimer);
      try {
        await navigator.clipboard.writeText(lines.join("\n"));
        button.textContent = this.t.copied;
        this.ui.announcer.textContent = this.t.copied;
      } catch (error) {
        fail("the answer could not be copied", error);
      }
    }

    /** "Was this helpful?" buttons; their clicks are handled by delegation (see listen). */
    feedback(question, passageIds) {
      const t = this.t;
      const box = el("div", "feedback");
      box.dataset.question = question;
      box.dataset.passages = JSON.stringify(passageIds);
      const yes = el("button", "feedback-button", t.yes);
      const no = el("button", "feedback-button", t.no);
      yes.type = no.type = "button";
      yes.dataset.helpful = "true";
      no.dataset.helpful = "false";
      box.append(el("span", "feedback-label", t.helpful), yes, no);
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
        const thanks = el("p", "feedback-thanks", this.t.thanks);
        thanks.tabIndex = -1;
        box.replaceChildren(thanks);
        thanks.focus({ preventScroll: true }); // focus stays in the chat, not on the page
        this.ui.announcer.textContent = thanks.textContent;
        const record = box.closest(".exchange")?.record;
        if (record) {
          record.fb = true; // a reload does not ask again
          this.save();
        }
      } catch (error) {
        fail("feedback was not sent", error);
        buttons.forEach((b) => (b.disabled = false));
        box.querySelector(".feedback-label").textContent = this.t.unsent;
      }
    }

    renderError(box, error, question) {
      const known = error instanceof ChatError;
      if (!known) fail("unexpected error", error);
      const card = el("div", "care-card error");
      card.setAttribute("role", "alert");
      card.append(el("p", "", known ? error.message : this.t.unexpected));
      if (!known || error.retryable) {
        const retry = el("button", "retry", this.t.retry);
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
      // the server's English marked as such, for screen readers speaking another language
      const summary = [
        english(el("span", "", answer.message || "")),
        count ? ` ${this.tr("found", { n: count })} ` : " ",
        english(el("span", "", sentence)),
      ];
      this.ui.announcer.textContent = "";
      requestAnimationFrame(() => this.ui.announcer.replaceChildren(...summary));
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
