/* Foro en vivo: taps the server never received are said, not lost silently (issue 18, finding 3).
 *
 * Streamlit merges button presses that arrive while a run is still going: at 30 taps a second
 * some +1 never reach the server. The browser counts every tap on a room's +1 and -1 buttons
 * itself; each render the server writes, in a div of class foro-toques, how many taps of this
 * session it received per button (ui/tally.py tap_check). Once the page is quiet (no tap for 2 s,
 * no run going) a difference is shown in that room as a warning line, and the count starts over.
 * Nothing here may look like a tag (a "less than" sign followed by a letter or a slash): the
 * HTML sanitiser drops a script whose text looks like markup. Installed once per browser tab.
 */
(function () {
  "use strict";
  var W = window;
  if (!W.__foroToques) {
    var clicks = {};   // button key -> taps seen by the browser
    var offset = {};   // button key -> taps already reported (or counted before this script)
    var lastTap = 0;
    var KEY = /st-key-(foro-(?:mas|menos)-[A-Za-z0-9_-]+)/;
    document.addEventListener("click", function (ev) {
      var el = ev.target && ev.target.closest ? ev.target.closest('[class*="st-key-foro-mas-"], [class*="st-key-foro-menos-"]') : null;
      if (!el) return;
      var m = KEY.exec(el.className);
      if (!m) return;
      clicks[m[1]] = (clicks[m[1]] || 0) + 1;
      lastTap = performance.now();
      var box = el.closest('[class*="st-key-foro-tally-"]');
      var out = box ? box.querySelector(".foro-toques-texto") : null;
      if (out) { out.textContent = ""; out.parentNode.classList.remove("foro-toques-aviso"); }
    }, true);
    var check = function () {
      if (performance.now() - lastTap > 2000 && !document.querySelector('[data-testid="stStatusWidget"]')) {
        var boxes = document.querySelectorAll(".foro-toques[data-foro]");
        for (var i = 0; i !== boxes.length; i++) {
          var d;
          try { d = JSON.parse(boxes[i].getAttribute("data-foro")); } catch (e) { continue; }
          var lost = 0;
          for (var k in d.recibidos) {
            var diff = (clicks[k] || 0) - (offset[k] || 0) - d.recibidos[k];
            offset[k] = (offset[k] || 0) + diff;  // start over: a difference is said once
            if (diff > 0) lost += diff;
          }
          if (lost > 0) {
            var out = boxes[i].querySelector(".foro-toques-texto");
            out.textContent = (lost === 1 ? d.uno : d.varios).replace("{n}", String(lost));
            boxes[i].classList.add("foro-toques-aviso");
          }
        }
      }
    };
    W.__foroToques = { check: check };
    W.setInterval(check, 500);
  }
})();
