// The study page's script: reads the deck from its JSON block and runs the study modes.
// Every term, definition and extra column is put on the page with textContent (or, for decks
// exported with --html, rebuilt from an allow-list of tags without attributes): nothing from
// the glossary is ever parsed as markup of this page or run as script.
"use strict";

(function () {
  const DATA = JSON.parse(document.getElementById("deck-data").textContent);
  const TERMS = DATA.terms.map(([guid, term, definition, acronym, extras], index) => ({
    index, guid, term, definition, acronym, extras,
  }));
  // Every file:// page shares one storage origin, so the key names the deck's id namespace:
  // the same namespace the Anki export uses, each term stored under its note's GUID.
  const STORE_KEY = "glossary-export:" + DATA.namespace;
  const $ = (id) => document.getElementById(id);

  // ---- Building the page from text ------------------------------------------------------

  /** An element with attributes and children (strings become text nodes). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "text") node.textContent = value;
      else if (name === "class") node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  /** A glossary field: its own direction (Arabic and Hebrew read right to left), unless it
   * is the text its parent takes its direction from (`dir="auto"` skips children with a dir). */
  function field(tag, text, className, inherits) {
    const node = el(tag, inherits ? { class: className || "" } : { class: className || "", dir: "auto" });
    if (DATA.html) node.append(richText(text));
    else node.textContent = text;
    return node;
  }

  // --html decks: formatting tags are kept, everything else becomes its text. DOMParser makes
  // an inert document (no script runs, no image loads there); only copies of allowed tags,
  // with no attribute at all, and text nodes reach the page.
  const ALLOWED = new Set(["B", "STRONG", "I", "EM", "U", "S", "SUB", "SUP", "BR", "P", "DIV",
    "SPAN", "UL", "OL", "LI", "CODE", "PRE", "SMALL", "MARK"]);
  const DROPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "OBJECT", "EMBED",
    "NOSCRIPT", "TITLE", "SVG", "MATH"]);

  function richText(source) {
    const parsed = new DOMParser().parseFromString(source, "text/html");
    const out = document.createDocumentFragment();
    copyAllowed(parsed.body, out);
    return out;
  }

  function copyAllowed(from, to) {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED.has(node.nodeName.toUpperCase())) {
        if (ALLOWED.has(node.nodeName)) {
          const copy = document.createElement(node.nodeName.toLowerCase());
          copyAllowed(node, copy);
          to.append(copy);
        } else {
          copyAllowed(node, to);
        }
      }
    }
  }

  const plainCache = new Map();
  /** The text a reader sees: for --html decks the field without its tags. */
  function plain(text) {
    if (!DATA.html) return text;
    if (!plainCache.has(text)) {
      plainCache.set(text, new DOMParser().parseFromString(text, "text/html").body.textContent);
    }
    return plainCache.get(text);
  }

  /** The back of a card: acronym and extra columns under the main text. */
  function details(term) {
    const list = el("dl", { class: "details" });
    if (term.acronym) list.append(el("dt", { text: "Acronym" }), field("dd", term.acronym));
    for (const [name, value] of term.extras) {
      list.append(el("dt", { text: name, dir: "auto" }), field("dd", value));
    }
    return list.children.length ? list : null;
  }

  // ---- Progress: mastery per term, Leitner boxes, best matching time ----------------------

  function loadProgress() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE_KEY));
      if (saved && saved.version === 1) return saved;
    } catch (error) {
      // Storage disabled or unreadable: start afresh (the page still works for this visit).
    }
    return { version: 1, terms: {}, bestMatch: null, newDay: 0, newToday: 0 };
  }

  let progress = loadProgress();

  function saveProgress() {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify(progress));
    } catch (error) {
      // Full or disabled storage: progress lasts for this visit only.
    }
  }

  function recordOf(term) {
    return progress.terms[term.guid] || (progress.terms[term.guid] = { m: 0, box: 0, due: 0 });
  }

  /** Mastery, 0 to 100: a right answer closes a third of the gap to 100, a wrong one halves it. */
  function answered(term, right) {
    const record = recordOf(term);
    record.m = right ? Math.min(100, record.m + Math.ceil((100 - record.m) / 3))
      : Math.floor(record.m / 2);
    saveProgress();
  }

  function masteryText(term) {
    const record = progress.terms[term.guid];
    return record ? record.m + "%" : "–";
  }

  // ---- Small helpers ----------------------------------------------------------------------

  function shuffled(items) {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** Up to n distinct terms, drawn at random (without shuffling a 10,000-term list). */
  function sample(n, except) {
    const chosen = new Set();
    const want = Math.min(n, TERMS.length - (except ? 1 : 0));
    while (chosen.size < want) {
      const term = TERMS[Math.floor(Math.random() * TERMS.length)];
      if (term !== except) chosen.add(term);
    }
    return [...chosen];
  }

  /** Lower case, accents and punctuation gone, one space between words. */
  function folded(text) {
    return plain(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  const wordCache = new Map();
  function wordsOf(term) {
    if (!wordCache.has(term)) {
      const words = (folded(term.term) + " " + folded(term.definition)).split(" ");
      wordCache.set(term, new Set(words.filter((word) => word.length > 3)));
    }
    return wordCache.get(term);
  }

  /** n wrong answers for a question on `term`, preferring terms that look alike. */
  function distractors(term, n) {
    const candidates = TERMS.length <= 200 ? TERMS.filter((t) => t !== term) : sample(120, term);
    const mine = wordsOf(term);
    const answer = folded(term.term);
    const scored = candidates
      .filter((other) => folded(other.term) !== answer)
      .map((other) => {
        let shared = 0;
        for (const word of wordsOf(other)) if (mine.has(word)) shared++;
        const lengthGap = Math.abs(other.term.length - term.term.length) / 10;
        const sameKind = Boolean(other.acronym) === Boolean(term.acronym) ? 1 : 0;
        return { other, score: shared + sameKind - lengthGap + Math.random() * 1.5 };
      });
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, n).map((entry) => entry.other);
  }

  function today() {
    const now = new Date();
    return Math.floor((now.getTime() - now.getTimezoneOffset() * 60000) / 86400000);
  }

  function button(text, onClick, attributes) {
    const node = el("button", Object.assign({ type: "button" }, attributes || {}), text);
    node.addEventListener("click", onClick);
    return node;
  }

  // ---- Glossary: the full list with search --------------------------------------------

  // The list grows a page of entries at a time, as it is scrolled (or "Show more" is pressed):
  // laying out 10,000 entries at once, or hiding most of them for a search, takes seconds.
  const PAGE = 300;
  const EVERY_TERM = TERMS.map((_, i) => i);
  const glossary = { rows: [], haystacks: null, matches: EVERY_TERM, shown: 0, opened: false };

  function entryRow(i) {
    if (!glossary.rows[i]) {
      const term = TERMS[i];
      // The entry reads in its term's direction: "auto" on the entry, none on the term.
      const head = el("div", { class: "entry-head" }, field("h3", term.term, "term", true),
        el("span", { class: "mastery", title: "Mastery" }));
      glossary.rows[i] = el("li", { class: "entry", dir: "auto" }, head,
        field("p", term.definition, "definition"), details(term));
    }
    const row = glossary.rows[i];
    const figure = row.firstChild.lastChild;
    const shown = masteryText(TERMS[i]);
    if (figure.textContent !== shown) figure.textContent = shown;
    return row;
  }

  function showMore(all) {
    const { matches } = glossary;
    const end = all ? matches.length : Math.min(matches.length, glossary.shown + PAGE);
    const rows = document.createDocumentFragment();
    for (let k = glossary.shown; k < end; k++) rows.append(entryRow(matches[k]));
    $("entries").append(rows);
    glossary.shown = end;
    const left = matches.length - end;
    $("glossary-more").hidden = left === 0;
    $("glossary-more").textContent = `Show ${Math.min(PAGE, left)} more (${left} not shown)`;
    watchTheEnd();
  }

  function showGlossary() {
    if (glossary.opened) {
      for (let k = 0; k < glossary.shown; k++) entryRow(glossary.matches[k]); // fresh mastery
    } else {
      glossary.opened = true;
      search();
    }
  }

  function search() {
    const query = folded($("search").value);
    if (query) {
      glossary.haystacks = glossary.haystacks || TERMS.map((t) => folded(
        [t.term, t.acronym, t.definition, ...t.extras.map((pair) => pair[1])].join(" ")));
      glossary.matches = EVERY_TERM.filter((i) => glossary.haystacks[i].includes(query));
    } else {
      glossary.matches = EVERY_TERM;
    }
    $("entries").replaceChildren();
    glossary.shown = 0;
    showMore(false);
    $("glossary-count").textContent = query ? `${glossary.matches.length} of ${TERMS.length} terms`
      : `${TERMS.length} terms`;
  }

  $("glossary-more").addEventListener("click", () => showMore(false));
  // Scrolling near the end of the list shows the next page by itself. Observed afresh after
  // each page: an observer only calls back when the button comes into view, and a fast scroll
  // can keep it in view while the page is added.
  const nearTheEnd = window.IntersectionObserver && new IntersectionObserver((seen) => {
    if (seen.some((entry) => entry.isIntersecting) && glossary.opened) showMore(false);
  }, { rootMargin: "600px" });

  function watchTheEnd() {
    if (!nearTheEnd) return;
    nearTheEnd.unobserve($("glossary-more"));
    if (glossary.shown < glossary.matches.length) nearTheEnd.observe($("glossary-more"));
  }

  // ---- Cards: flip, previous and next, shuffle, start from the definition ----------------

  const cards = { order: TERMS.map((_, i) => i), at: 0, flipped: false };

  function showCard() {
    const card = $("card");
    card.replaceChildren();
    if (!TERMS.length) return;
    const term = TERMS[cards.order[cards.at]];
    const definitionFirst = $("cards-definition-first").checked;
    const termSide = definitionFirst === cards.flipped;
    card.classList.toggle("flipped", cards.flipped);
    card.append(el("span", { class: "side", text: termSide ? "Term" : "Definition" }));
    if (termSide) card.append(field("span", term.term, "card-term"));
    else card.append(field("span", term.definition, "card-definition"));
    if (cards.flipped) card.append(details(term) || "");
    $("cards-position").textContent = `${cards.at + 1} / ${TERMS.length}`;
  }

  function moveCard(step) {
    cards.at = (cards.at + step + TERMS.length) % TERMS.length;
    cards.flipped = false;
    showCard();
  }

  $("card").addEventListener("click", () => {
    cards.flipped = !cards.flipped;
    showCard();
  });
  $("cards-next").addEventListener("click", () => moveCard(1));
  $("cards-previous").addEventListener("click", () => moveCard(-1));
  $("cards-shuffle").addEventListener("click", () => {
    cards.order = shuffled(cards.order);
    cards.at = 0;
    cards.flipped = false;
    showCard();
  });
  $("cards-definition-first").addEventListener("change", () => {
    cards.flipped = false;
    showCard();
  });
  // Swipe left or right on a touch screen moves like the arrow keys.
  let swipeFrom = null;
  $("card").addEventListener("touchstart", (e) => { swipeFrom = e.changedTouches[0].clientX; },
    { passive: true });
  $("card").addEventListener("touchend", (e) => {
    const distance = e.changedTouches[0].clientX - swipeFrom;
    if (Math.abs(distance) > 60) {
      e.preventDefault();
      moveCard(distance < 0 ? 1 : -1);
    }
  });

  // ---- Learn: multiple choice rounds; a wrong answer comes back sooner --------------------

  const ROUND = 10;
  let learn = null;

  function newRound() {
    // The least mastered terms first, ties broken at random (in a big deck, the least
    // mastered of 400 drawn at random: sorting every term for each round would be slow).
    const candidates = TERMS.length > 2000 ? sample(400) : TERMS.slice();
    const keyed = candidates.map((t) => [masteryOf(t) + Math.random(), t]);
    keyed.sort((a, b) => a[0] - b[0]);
    const terms = keyed.slice(0, ROUND).map((pair) => pair[1]);
    learn = { queue: terms, size: terms.length, missed: new Set(), firstTry: 0 };
    askLearn();
  }

  function masteryOf(term) {
    const record = progress.terms[term.guid];
    return record ? record.m : 0;
  }

  function askLearn() {
    const body = $("learn-body");
    body.replaceChildren();
    if (!TERMS.length) return;
    if (!learn.queue.length) return endRound(body);
    const term = learn.queue[0];
    const choices = shuffled([term, ...distractors(term, 3)]);
    const feedback = el("p", { class: "feedback", "aria-live": "polite" });
    const list = el("div", { class: "choices" });
    const left = el("p", { class: "muted", text: `${learn.queue.length} left in this round` });
    body.append(left, el("p", { class: "prompt-label", text: "Which term is this?" }),
      field("p", term.definition, "prompt"), list, feedback);
    choices.forEach((choice, i) => {
      const option = button("", () => pick(choice, option), { class: "choice" });
      option.append(el("span", { class: "key", text: String(i + 1) }),
        field("span", choice.term));
      option.dataset.right = choice === term ? "yes" : "no";
      list.append(option);
    });
    list.firstChild.focus();

    function pick(choice, option) {
      for (const other of list.children) other.disabled = true;
      const right = choice === term;
      answered(term, right);
      learn.queue.shift();
      list.querySelector('[data-right="yes"]').classList.add("right");
      if (right) {
        if (!learn.missed.has(term)) learn.firstTry++;
        feedback.textContent = "Correct.";
      } else {
        option.classList.add("wrong");
        learn.missed.add(term);
        // Back sooner: two questions from now, not at the end of the round.
        learn.queue.splice(Math.min(2, learn.queue.length), 0, term);
        feedback.textContent = "Not quite: the answer is ";
        feedback.append(field("strong", term.term), ".");
      }
      const next = button("Continue", askLearn, { class: "primary", id: "learn-continue" });
      body.append(next);
      next.focus();
    }
  }

  function endRound(body) {
    body.append(el("p", { class: "score", id: "learn-summary",
      text: `Round done: ${learn.firstTry} of ${learn.size} right the first time.` }));
    if (learn.missed.size) {
      body.append(el("h3", { text: "Review these" }), reviewList([...learn.missed]));
    }
    const again = button("Next round", newRound, { class: "primary" });
    body.append(again);
    again.focus();
  }

  function reviewList(terms) {
    return el("ul", { class: "review" }, ...terms.map((t) =>
      el("li", {}, field("strong", t.term), " — ", field("span", t.definition))));
  }

  document.addEventListener("keydown", (e) => {
    if (e.target.matches("input, select, textarea") || e.altKey || e.ctrlKey || e.metaKey) return;
    if (currentMode === "cards" && (e.key === "ArrowRight" || e.key === "ArrowLeft")) {
      moveCard(e.key === "ArrowRight" ? 1 : -1);
    } else if (currentMode === "learn" && /^[1-4]$/.test(e.key)) {
      const choice = $("learn-body").querySelectorAll(".choice")[Number(e.key) - 1];
      if (choice && !choice.disabled) choice.click();
    }
  });

  // ---- Test: N questions of three kinds, scored at the end ------------------------------

  const KINDS = ["choice", "truefalse", "written"];
  const ARTICLES = new Set(["the", "a", "an", "le", "la", "les", "l", "un", "une", "el", "los",
    "las", "der", "die", "das"]);
  let test = null;

  /** An answer as compared: folded, without a leading article. */
  function answerKey(text) {
    const words = folded(text).split(" ");
    if (words.length > 1 && ARTICLES.has(words[0])) words.shift();
    return words.join(" ");
  }

  function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
      const next = [i];
      for (let j = 1; j <= b.length; j++) {
        next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      row = next;
    }
    return row[b.length];
  }

  /** "right", "near" (a typo away: shown as a near miss, not counted) or "wrong". */
  function gradeWritten(given, term) {
    const mine = answerKey(given);
    if (!mine) return "wrong";
    const accepted = [term.term, term.acronym, term.term.replace(/\s*\([^)]*\)$/, "")]
      .filter(Boolean).map(answerKey);
    if (accepted.includes(mine)) return "right";
    const close = accepted.some((key) => editDistance(mine, key) <= Math.max(1, Math.floor(key.length / 6)));
    return close ? "near" : "wrong";
  }

  function setUpTest() {
    const select = $("test-size");
    if (select.options.length) return;
    const sizes = [5, 10, 20, 50].filter((n) => n < TERMS.length);
    sizes.push(Math.min(TERMS.length, 100));
    for (const n of sizes) select.append(el("option", { value: String(n), text: String(n) }));
    select.value = String(Math.min(10, TERMS.length));
  }

  $("test-setup").addEventListener("submit", (e) => {
    e.preventDefault();
    startTest(Number($("test-size").value));
  });

  function startTest(size) {
    const form = $("test-form");
    form.replaceChildren();
    $("test-result").replaceChildren();
    const offset = Math.floor(Math.random() * KINDS.length);
    test = sample(size).map((term, i) => {
      const kind = TERMS.length < 2 ? "written" : KINDS[(i + offset) % KINDS.length];
      return { term, kind, number: i + 1 };
    });
    for (const question of test) form.append(questionBlock(question));
    form.append(el("button", { type: "submit", class: "primary", text: "Finish the test" }));
    form.hidden = false;
    form.querySelector("input").focus();
  }

  function questionBlock(question) {
    const { term, kind, number } = question;
    const name = "q" + number;
    const block = el("fieldset", { class: "question" },
      el("legend", { text: `Question ${number} of ${test.length}` }));
    question.block = block;
    if (kind === "choice") {
      block.append(el("p", { class: "prompt-label", text: "Which term is this?" }),
        field("p", term.definition, "prompt"));
      question.choices = shuffled([term, ...distractors(term, 3)]);
      question.choices.forEach((choice, i) => block.append(radio(name, String(i), choice.term)));
    } else if (kind === "truefalse") {
      // Half the statements pair the term with another term's definition.
      question.shown = Math.random() < 0.5 ? term : distractors(term, 1)[0] || term;
      block.append(el("p", { class: "prompt-label", text: "True or false?" }),
        field("p", term.term, "prompt-term"), field("p", question.shown.definition, "prompt"),
        radio(name, "true", "True"), radio(name, "false", "False"));
    } else {
      block.append(el("p", { class: "prompt-label", text: "Write the term:" }),
        field("p", term.definition, "prompt"),
        el("label", { class: "written" }, "Answer ",
          el("input", { type: "text", name, autocomplete: "off", spellcheck: "false",
            dir: "auto" })));
    }
    return block;
  }

  function radio(name, value, text) {
    const input = el("input", { type: "radio", name, value });
    return el("label", { class: "option" }, input, field("span", text));
  }

  $("test-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const form = e.target;
    const misses = [];
    let right = 0;
    for (const question of test) {
      const { term, kind, number } = question;
      const value = (form.elements["q" + number] || {}).value || "";
      let result;
      let given;
      if (kind === "choice") {
        const choice = question.choices[Number(value)];
        result = value !== "" && choice === term ? "right" : "wrong";
        given = choice ? choice.term : "";
      } else if (kind === "truefalse") {
        const truth = question.shown === term ? "true" : "false";
        result = value === truth ? "right" : "wrong";
        given = value;
      } else {
        given = value;
        result = gradeWritten(value, term);
      }
      answered(term, result === "right");
      question.block.classList.add(result);
      if (result === "right") right++;
      else misses.push({ question, given, result });
    }
    for (const block of form.querySelectorAll("fieldset")) block.disabled = true;
    form.querySelector("button[type=submit]").remove();
    showScore(right, misses);
  });

  function showScore(right, misses) {
    const result = $("test-result");
    const percent = Math.round((100 * right) / test.length);
    result.append(el("p", { class: "score", id: "test-score",
      text: `Score: ${right} of ${test.length} (${percent}%)` }));
    if (misses.length) {
      result.append(el("h3", { text: "Wrong answers" }), el("ul", { class: "review" },
        ...misses.map(({ question, given, result: how }) => {
          const item = el("li", { class: how === "near" ? "near" : "" },
            `Question ${question.number}: `);
          if (how === "near") item.append(el("em", { text: "near miss" }), " — ");
          item.append("you answered ", el("q", { dir: "auto", text: given || "nothing" }),
            "; the answer is ");
          if (question.kind === "truefalse") {
            item.append(question.shown === question.term ? "true" : "false", " (",
              field("strong", question.term.term), " — ", field("span", question.term.definition), ")");
          } else {
            item.append(field("strong", question.term.term), ".");
          }
          return item;
        })));
    }
    result.append(button("New test", () => startTest(test.length), { class: "primary" }));
    result.focus();
  }

  // ---- Matching: pair terms and definitions against the clock ---------------------------

  const PAIRS = 6;
  let match = null;

  function startMatching() {
    clearInterval(match && match.timer);
    const grid = $("matching-grid");
    grid.replaceChildren();
    const terms = sample(PAIRS);
    const tiles = shuffled(terms.flatMap((term) => [[term, "term"], [term, "definition"]]));
    // Each tile's term, to tell a pair without comparing texts (two terms may read alike).
    match = { selected: null, left: terms.length, started: performance.now(), timer: 0,
      termOf: new Map() };
    for (const [term, side] of tiles) {
      const tile = button("", () => pickTile(tile, term), { class: "tile " + side,
        "aria-pressed": "false" });
      tile.append(field("span", side === "term" ? term.term : term.definition));
      match.termOf.set(tile, term);
      grid.append(tile);
    }
    $("matching-status").textContent = "Pick a term, then its definition.";
    match.timer = setInterval(tick, 100);
    tick();
    showBest();
  }

  function tick() {
    $("matching-clock").textContent = ((performance.now() - match.started) / 1000).toFixed(1) + " s";
  }

  function pickTile(tile, term) {
    const selected = match.selected;
    if (selected === tile) {
      tile.setAttribute("aria-pressed", "false");
      match.selected = null;
    } else if (!selected || selected.classList.contains("term") === tile.classList.contains("term")) {
      if (selected) selected.setAttribute("aria-pressed", "false");
      tile.setAttribute("aria-pressed", "true");
      match.selected = tile;
    } else if (match.termOf.get(selected) === term) {
      for (const done of [selected, tile]) {
        done.disabled = true;
        done.classList.add("matched");
        done.setAttribute("aria-pressed", "false");
      }
      answered(term, true);
      match.selected = null;
      if (--match.left === 0) finishMatching();
    } else {
      for (const wrong of [selected, tile]) {
        wrong.classList.add("wrong");
        setTimeout(() => wrong.classList.remove("wrong"), 500);
      }
      selected.setAttribute("aria-pressed", "false");
      match.selected = null;
      $("matching-status").textContent = "Not a pair: try again.";
    }
  }

  function finishMatching() {
    clearInterval(match.timer);
    const time = performance.now() - match.started;
    const best = progress.bestMatch === null || time < progress.bestMatch;
    if (best) progress.bestMatch = time;
    saveProgress();
    $("matching-clock").textContent = (time / 1000).toFixed(1) + " s";
    $("matching-status").textContent = `All matched in ${(time / 1000).toFixed(1)} s` +
      (best ? " — a new best time!" : ".");
    showBest();
    $("matching-start").focus();
  }

  function showBest() {
    $("matching-best").textContent = progress.bestMatch === null ? ""
      : `Best: ${(progress.bestMatch / 1000).toFixed(1)} s`;
  }

  $("matching-start").addEventListener("click", startMatching);

  // ---- Spaced: Leitner boxes, due cards per day ------------------------------------------

  // Box n is reviewed every INTERVAL[n] days; a miss sends the card back to box 1.
  const INTERVAL = [0, 1, 2, 4, 8, 16];
  const NEW_PER_DAY = 10;
  let spaced = null;

  function dueToday() {
    const day = today();
    if (progress.newDay !== day) {
      progress.newDay = day;
      progress.newToday = 0;
    }
    const due = [];
    const fresh = [];
    for (const term of TERMS) {
      const record = progress.terms[term.guid];
      if (record && record.box > 0) {
        if (record.due <= day) due.push(term);
      } else if (fresh.length < NEW_PER_DAY - progress.newToday) {
        fresh.push(term);
      }
    }
    return due.concat(fresh);
  }

  function showSpaced() {
    spaced = { queue: dueToday() };
    askSpaced();
  }

  function showBoxes() {
    const counts = [0, 0, 0, 0, 0, 0];
    for (const term of TERMS) {
      const record = progress.terms[term.guid];
      counts[record ? record.box || 0 : 0]++;
    }
    $("spaced-boxes").textContent = `New: ${counts[0]} · ` +
      [1, 2, 3, 4, 5].map((n) => `Box ${n}: ${counts[n]}`).join(" · ") +
      ` · Due now: ${spaced.queue.length}`;
  }

  function askSpaced() {
    const body = $("spaced-body");
    body.replaceChildren();
    showBoxes();
    if (!spaced.queue.length) {
      body.append(el("p", { class: "score", id: "spaced-done",
        text: "Nothing more is due today. Come back tomorrow." }), nextDue());
      return;
    }
    const term = spaced.queue[0];
    const record = progress.terms[term.guid];
    const box = record ? record.box || 0 : 0;
    const card = el("div", { class: "card static" },
      el("span", { class: "side", text: box ? `Box ${box}` : "New" }),
      field("span", term.term, "card-term"));
    const reveal = button("Show the definition", () => {
      reveal.remove();
      card.append(field("span", term.definition, "card-definition"), details(term) || "");
      const knew = button("I knew it", () => review(term, true), { class: "primary" });
      body.append(el("div", { class: "controls" }, knew,
        button("Not yet", () => review(term, false))));
      knew.focus();
    }, { class: "primary" });
    body.append(card, reveal);
    reveal.focus();
  }

  function review(term, knew) {
    const record = recordOf(term);
    if (!record.box) progress.newToday++;
    record.box = knew ? Math.min(5, (record.box || 0) + 1) : 1;
    record.due = today() + (knew ? INTERVAL[record.box] : 0);
    answered(term, knew);
    spaced.queue.shift();
    if (!knew) spaced.queue.push(term); // again before the day is over
    askSpaced();
  }

  function nextDue() {
    const upcoming = TERMS.map((t) => progress.terms[t.guid]).filter((r) => r && r.box > 0)
      .map((r) => r.due);
    if (!upcoming.length) return "";
    const days = Math.min(...upcoming) - today();
    return el("p", { class: "muted", text: `Next review in ${days} day${days === 1 ? "" : "s"}.` });
  }

  // ---- Modes, the top bar, resetting ---------------------------------------------------------

  const MODES = { glossary: showGlossary, cards: showCard, learn: () => learn || newRound(),
    test: setUpTest, matching: () => match || startMatching(), spaced: showSpaced };
  let currentMode = null;

  function showMode() {
    const wanted = location.hash.slice(1);
    const mode = Object.prototype.hasOwnProperty.call(MODES, wanted) ? wanted : "glossary";
    currentMode = mode;
    for (const section of document.querySelectorAll(".mode")) section.hidden = section.id !== mode;
    for (const link of document.querySelectorAll("nav a")) {
      if (link.dataset.mode === mode) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    }
    MODES[mode]();
    window.scrollTo(0, 0); // the link's own jump would put the heading under the top bar
  }

  $("reset").addEventListener("click", () => {
    const area = $("reset-area");
    const keep = area.firstElementChild;
    const yes = button("Yes, reset", () => {
      try {
        localStorage.removeItem(STORE_KEY);
      } catch (error) {
        // Nothing stored to remove.
      }
      progress = loadProgress();
      learn = null;
      match = null;
      restore();
      showMode();
    }, { class: "danger", id: "reset-confirm" });
    const restore = () => area.replaceChildren(keep);
    area.replaceChildren(el("span", { text: "Forget all progress on this deck? " }), yes,
      button("Cancel", restore));
    yes.focus();
  });

  // Print the glossary whatever mode is open: the print style shows only the list.
  window.addEventListener("beforeprint", () => {
    if (!glossary.opened) showGlossary();
    showMore(true);
  });

  $("search").addEventListener("input", search);
  window.addEventListener("hashchange", showMode);
  document.title = DATA.deck;
  $("deck-title").textContent = DATA.deck;
  $("deck-description").textContent = DATA.description;
  $("deck-exported").textContent = `${TERMS.length} terms · exported ${DATA.exported}`;
  showMode();
  document.body.dataset.ready = "yes";
})();
