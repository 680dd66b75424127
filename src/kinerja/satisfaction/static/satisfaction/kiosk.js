/* Kiosk mode of the SKM survey: one question per screen, resets after each answer, and keeps answers
   in a localStorage queue until the server has them. Each answer carries its own UUID, so resending
   after a network drop never counts twice. Plain JS, no build. */
(function () {
  "use strict";
  var form = document.getElementById("skm-kiosk");
  if (!form) return;
  var steps = Array.prototype.slice.call(form.querySelectorAll(".skm-step"));
  var thanks = document.getElementById("skm-thanks");
  var net = document.getElementById("skm-net");
  var queueKey = form.dataset.queue;
  var submitUrl = form.dataset.submit;
  var current = 0, sending = false, idleTimer = null;
  var IDLE_MS = 90000, THANKS_MS = 3500, RETRY_MS = 15000;

  function uuid4() {
    if (window.crypto && crypto.randomUUID && window.isSecureContext) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function queue() { try { return JSON.parse(localStorage.getItem(queueKey) || "[]"); } catch (e) { return []; } }
  function save(items) { localStorage.setItem(queueKey, JSON.stringify(items)); showNet(); }
  function showNet() {
    var n = queue().length;
    net.textContent = n ? n + " jawaban menunggu dikirim" : "";
  }

  function show(index) {
    current = Math.max(0, Math.min(index, steps.length - 1));
    steps.forEach(function (s, i) { s.hidden = i !== current; });
    var step = steps[current];
    form.classList.toggle("skm-at-start", current === 0);
    form.classList.toggle("skm-at-end", current === steps.length - 1);
    form.classList.toggle("skm-optional", !!step.dataset.optional);
    var first = step.querySelector("input:checked, input, textarea, button");
    if (first && current > 0) first.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  function missingStep() {
    for (var i = 0; i < steps.length; i++) {
      var s = steps[i];
      if (s.dataset.name && !s.dataset.optional && s.querySelector("input[type=radio]") && !s.querySelector("input:checked")) return i;
    }
    return -1;
  }
  function value(name) {
    var el = form.querySelector("[name='" + name + "']:checked") || form.querySelector("textarea[name='" + name + "']");
    return el ? el.value : "";
  }
  function reset() {
    form.reset();
    thanks.hidden = true;
    form.hidden = false;
    show(0);
  }
  function touch() {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(reset, IDLE_MS);
  }

  function flush() {
    if (sending) return;
    var items = queue();
    if (!items.length) return;
    sending = true;
    var item = items[0];
    var token = form.querySelector("[name=csrfmiddlewaretoken]").value;
    fetch(submitUrl, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token },
      body: JSON.stringify(item)
    }).then(function (r) {
      sending = false;
      if (r.status === 429 || r.status === 403 || r.status >= 500) { setTimeout(flush, RETRY_MS); return; }
      // Stored (201), already stored (200) or refused as invalid (400): it leaves the queue.
      save(queue().filter(function (q) { return q.id !== item.id; }));
      flush();
    }).catch(function () { sending = false; showNet(); setTimeout(flush, RETRY_MS); });
  }

  form.addEventListener("change", function (e) {
    touch();
    if (e.target.type === "radio") setTimeout(function () { if (current < steps.length - 1) show(current + 1); }, 180);
  });
  form.addEventListener("click", function (e) {
    touch();
    if (e.target.closest("[data-next]") || e.target.closest("[data-skip]")) show(current + 1);
    if (e.target.closest("[data-back]")) show(current - 1);
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var missing = missingStep();
    if (missing >= 0) { show(missing); return; }
    var answers = {};
    form.querySelectorAll(".skm-q").forEach(function (s) { answers[s.dataset.name] = value(s.dataset.name); });
    var item = {
      id: uuid4(), answered_at: new Date().toISOString(), answers: answers,
      age_group: value("age_group"), sex: value("sex"), education: value("education"),
      occupation: value("occupation"), comment: value("comment")
    };
    var items = queue(); items.push(item); save(items);
    form.hidden = true;
    thanks.hidden = false;
    setTimeout(reset, THANKS_MS);
    flush();
  });
  window.addEventListener("online", flush);
  setInterval(flush, RETRY_MS);
  show(0);
  showNet();
  flush();
})();
