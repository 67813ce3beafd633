/* Material's search reads the query on keyup only: text pasted, filled in by voice input, or
   committed by an input method arrives without one, and no results appear. Tell the search box
   on every input (after an IME's composition ends, not during it) as a key would. */
(function () {
  function poke(event) {
    var box = event.target;
    if (!box || !box.matches || !box.matches("input.md-search__input")) return;
    if (event.type === "input" && event.isComposing) return;
    var keyup;
    try { keyup = new Event("keyup", { bubbles: true }); }
    catch (e) { keyup = document.createEvent("Event"); keyup.initEvent("keyup", true, false); }
    box.dispatchEvent(keyup);
  }
  document.addEventListener("input", poke, true);
  document.addEventListener("compositionend", poke, true);
})();
