// Upload forms (data-progress): how much of the file has been sent, then that it is being checked.
// On a Puskesmas' connection sending a file can take a minute; checking and storing it, seconds.
(function () {
  "use strict";
  let sent = false; // the upload finished: later progress events are the answer coming back

  function parts(event) {
    const form = event.target.closest ? event.target.closest("form[data-progress]") : null;
    const box = form ? document.getElementById(form.dataset.progress) : null;
    return box ? { box: box, bar: box.querySelector("progress"), text: box.querySelector("[data-text]") } : null;
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    const p = parts(event);
    if (!p) return;
    sent = false;
    p.bar.removeAttribute("value");
    p.text.textContent = p.box.dataset.sending;
  });

  document.addEventListener("htmx:xhr:progress", function (event) {
    const p = parts(event);
    const detail = event.detail;
    if (!p || sent || !detail.lengthComputable || !detail.total) return;
    if (detail.loaded < detail.total) {
      const percent = Math.floor((100 * detail.loaded) / detail.total);
      p.bar.value = percent;
      p.text.textContent = p.box.dataset.sending + " " + percent + "%";
    } else {
      sent = true;
      p.bar.removeAttribute("value"); // moving without an end: the server is at work
      p.text.textContent = p.box.dataset.checking;
    }
  });
})();
