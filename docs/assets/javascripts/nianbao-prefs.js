/* 适老化 preferences: 大字 (three text sizes) and 高对比 (high-contrast colours), remembered per site
   in localStorage through Material's own __md_get/__md_set (nianbao-scope.js), so two sites on one
   portal do not share them. Loaded in <head>, before the page is painted: the reader never sees the
   page flash in the small text or the low contrast first. The two buttons (partials/palette.html)
   are hidden in the HTML and shown here, so a page without JavaScript shows no control that does
   nothing. They are <button>s: Tab, Enter and Space work without extra code. */
(function () {
  "use strict";
  var root = document.documentElement;
  // The visible step mark and the words a screen reader hears, per 大字 step (0 = 标准).
  var TEXT_STEPS = [["", "：标准"], ["+", "：大"], ["++", "：特大"]];

  function load(key) {
    try {
      return __md_get(key);
    } catch (e) {
      return null; // storage blocked, or the scope script missing: the defaults, nothing breaks
    }
  }
  function save(key, value) {
    try {
      __md_set(key, value);
    } catch (e) {
      /* as above: the choice lasts for this page only */
    }
  }

  var text = load("__nb_text");
  text = typeof text === "number" && text > 0 && text < TEXT_STEPS.length ? text : 0;
  var contrast = load("__nb_contrast");
  if (typeof contrast !== "boolean") {
    // No choice made yet: follow the system's request for more contrast.
    contrast = !!(window.matchMedia && matchMedia("(prefers-contrast: more)").matches);
  }

  function apply() {
    if (text) root.setAttribute("data-nb-text", String(text));
    else root.removeAttribute("data-nb-text");
    if (contrast) root.setAttribute("data-nb-contrast", "high");
    else root.removeAttribute("data-nb-contrast");
  }
  apply();

  function wire() {
    var group = document.querySelector("[data-nb-prefs]");
    if (!group) return;
    var textButton = group.querySelector('[data-nb-pref="text"]');
    var contrastButton = group.querySelector('[data-nb-pref="contrast"]');

    function show() {
      textButton.setAttribute("aria-pressed", text ? "true" : "false");
      textButton.querySelector(".nb-pref__step").textContent = TEXT_STEPS[text][0];
      textButton.setAttribute("aria-label", "大字" + TEXT_STEPS[text][1]);
      contrastButton.setAttribute("aria-pressed", contrast ? "true" : "false");
    }

    textButton.addEventListener("click", function () {
      text = (text + 1) % TEXT_STEPS.length;
      save("__nb_text", text);
      apply();
      show();
      // Material sizes its sidebars from the viewport on resize; the rem size just changed.
      window.dispatchEvent(new Event("resize"));
    });
    contrastButton.addEventListener("click", function () {
      contrast = !contrast;
      save("__nb_contrast", contrast);
      apply();
      show();
    });
    show();
    group.hidden = false;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
