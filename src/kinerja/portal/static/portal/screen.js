/* Waiting-room screen player. Rotates the slides of the playlist, polls for a new playlist every
 * minute (with jitter, If-None-Match), keeps the last playlist in localStorage, keeps rotating when
 * the server is unreachable, and reloads the page at most once a day (only if the server answers).
 * DOM is reused and text is set with textContent: nothing grows over days, nothing is injected. */
(function () {
  "use strict";
  var root = document.getElementById("screen");
  var stage = document.getElementById("stage");
  var tickerText = document.getElementById("ticker-text");
  var dots = document.getElementById("dots");
  var clock = document.getElementById("clock");
  var url = root.getAttribute("data-playlist-url");
  var storageKey = root.getAttribute("data-storage-key");
  var POLL_MS = 60000, JITTER_MS = 15000, startedAt = Date.now();
  var playlist = null, pending = null, index = -1, etag = null, timer = null;
  var slots = [makeSlot(), makeSlot()], active = 0;

  function makeSlot() {
    var el = document.createElement("section");
    el.className = "slide";
    stage.appendChild(el);
    return el;
  }
  function add(parent, tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) el.textContent = text;
    if (className) el.className = className;
    parent.appendChild(el);
    return el;
  }
  function fill(el, slide) {
    while (el.firstChild) el.removeChild(el.firstChild);
    el.className = "slide " + (slide.kind || "");
    if (slide.label) add(el, "span", slide.label, "label");
    add(el, "h1", slide.title || "");
    var body = add(el, "div", null, "body");
    var text = add(body, "div");
    if (slide.text) add(text, "p", slide.text);
    if (slide.facts && slide.facts.length) {
      var dl = add(text, "dl");
      slide.facts.forEach(function (f) { if (f[1]) { add(dl, "dt", f[0]); add(dl, "dd", f[1]); } });
    }
    if (slide.items && slide.items.length) {
      var ul = add(text, "ul");
      slide.items.forEach(function (item) { add(ul, "li", item); });
    }
    if (slide.bars && slide.bars.length) {
      var bars = add(text, "div", null, "bars" + (slide.bars.length > 6 ? " many" : ""));
      slide.bars.forEach(function (b) {
        var row = add(bars, "div", null, "bar-row");
        add(row, "span", b[0], "bar-name");
        var fillEl = add(add(row, "span", null, "bar-track"), "span", null, "bar-fill " + (b[3] || ""));
        fillEl.style.width = Math.max(0, Math.min(100, +b[2] || 0)) + "%";
        add(row, "span", b[1], "bar-value");
      });
    }
    if (slide.image) {
      var img = add(body, "img");
      img.src = slide.image;
      img.alt = slide.image_alt || "";
    }
  }
  function setPlaylist(next) {
    playlist = next;
    etag = '"' + next.version + '"';
    if (tickerText.textContent !== (next.running_text || "")) {
      tickerText.textContent = next.running_text || "";
      // Constant reading speed whatever the text's length: about an eighth of the screen height a second.
      var speed = Math.max(60, window.innerHeight * 0.12);
      tickerText.style.animationDuration = Math.max(10, tickerText.scrollWidth / speed) + "s";
    }
    root.setAttribute("data-slide-count", String((next.slides || []).length));
    while (dots.firstChild) dots.removeChild(dots.firstChild);
    (next.slides || []).forEach(function () { add(dots, "span"); });
  }
  function show() {
    if (pending) { setPlaylist(pending); pending = null; index = -1; }
    var slides = (playlist && playlist.slides) || [];
    if (!slides.length) { schedule(10); return; }
    index = (index + 1) % slides.length;
    var next = 1 - active;
    fill(slots[next], slides[index]);
    slots[next].classList.add("on");
    slots[active].classList.remove("on");
    active = next;
    for (var i = 0; i < dots.children.length; i++) dots.children[i].className = i === index ? "on" : "";
    root.setAttribute("data-slide-index", String(index));
    root.setAttribute("data-slide-title", slides[index].title || "");
    root.setAttribute("data-shown", String((+root.getAttribute("data-shown") || 0) + 1));
    if (index === slides.length - 1) maybeReload();
    schedule(playlist.slide_seconds || 15);
  }
  function schedule(seconds) {
    clearTimeout(timer);
    timer = setTimeout(show, seconds * 1000);
  }
  function save(data) {
    try { localStorage.setItem(storageKey, JSON.stringify(data)); } catch (e) { /* full or disabled */ }
  }
  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "null"); } catch (e) { return null; }
  }
  function poll() {
    var headers = etag ? { "If-None-Match": etag } : {};
    fetch(url, { headers: headers, cache: "no-store", credentials: "omit" })
      .then(function (response) {
        root.classList.remove("offline");
        if (response.status === 304) return null;
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        if (data && data.version && (!playlist || data.version !== playlist.version)) {
          pending = data;
          save(data);
        }
      })
      .catch(function () { root.classList.add("offline"); })
      .then(function () { setTimeout(poll, POLL_MS + Math.random() * JITTER_MS); });
  }
  function maybeReload() {
    var hours = (playlist && playlist.reload_after_hours) || 24;
    if (Date.now() - startedAt < hours * 3600000) return;
    fetch(location.href, { method: "HEAD", cache: "no-store" })
      .then(function (r) { if (r.ok) location.reload(); })
      .catch(function () { startedAt = Date.now() - (hours - 1) * 3600000; });
  }
  function tick() {
    var now = new Date();
    clock.textContent = ("0" + now.getHours()).slice(-2) + "." + ("0" + now.getMinutes()).slice(-2);
  }

  var initial = null;
  try { initial = JSON.parse(document.getElementById("initial-playlist").textContent); } catch (e) { initial = null; }
  var stored = load();
  setPlaylist(initial || stored || { version: "", slides: [] });
  if (initial) save(initial);
  tick();
  setInterval(tick, 15000);
  show();
  setTimeout(poll, POLL_MS / 2 + Math.random() * JITTER_MS);
})();
