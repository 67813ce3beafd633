/* Keyboard access to the header's <label> buttons. Material opens the navigation drawer (below
   1220 px), the search (below 960 px) and the palette through a <label for=…> of a hidden checkbox
   or radio. A label cannot take the focus, so below 1220 px the menu could not be reached with Tab
   at all, and the palette's radio took the focus while 0×0 in size. Here each label becomes a
   button: focusable, named, pressed with Enter or Space, its state in aria-expanded. Without
   JavaScript nothing changes: the labels still work by mouse and touch, as Material made them.
   The drawer, once opened from the keyboard, takes the focus; Escape closes it and gives the focus
   back to the menu button; Tab past its end closes it. Tab out of the search closes it too, so the
   focus never moves on under the overlay that covers the page. */
(function () {
  "use strict";

  function asButton(label, name) {
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    if (name && !label.hasAttribute("aria-label")) label.setAttribute("aria-label", name);
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault(); // Space would scroll the page
      // Material presses a focused label on Enter itself (and the palette form again): one press
      // only, this one, or the drawer would open and shut at once.
      event.stopPropagation();
      label.click();
      label.dispatchEvent(new CustomEvent("nb-press", { bubbles: true }));
    });
  }

  function focusable(container) {
    var all = container.querySelectorAll("a[href], button, input, [tabindex]:not([tabindex='-1'])");
    for (var i = 0; i < all.length; i++) {
      var r = all[i].getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && !all[i].disabled) return all[i];
    }
    return null;
  }

  function drawer() {
    var toggle = document.getElementById("__drawer");
    var menu = document.querySelector('.md-header label[for="__drawer"]');
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle || !menu) return;
    asButton(menu, "导航菜单");
    var sync = function () {
      menu.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    };
    sync();
    toggle.addEventListener("change", sync);
    var close = function () {
      if (!toggle.checked) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    };
    menu.addEventListener("nb-press", function () {
      sync();
      var first = toggle.checked && sidebar && focusable(sidebar);
      if (first) first.focus({ preventScroll: true });
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        close();
        menu.focus();
      }
    });
    if (sidebar) {
      // Tab past the drawer's last link closes it: the focus is back on the page it covered.
      sidebar.addEventListener("focusout", function (event) {
        var next = event.relatedTarget;
        if (toggle.checked && next && !sidebar.contains(next) && next !== menu) close();
      });
    }
  }

  function search() {
    var toggle = document.getElementById("__search");
    var dialog = document.querySelector(".md-search");
    var input = document.querySelector(".md-search__input");
    var button = document.querySelector('.md-header label[for="__search"]');
    if (button) asButton(button, "搜索");
    if (!toggle || !dialog || !input) return;
    // Below 960 px the closed search box is 0×0: out of the Tab order (the search button opens it;
    // Material's s, f and / keys still focus it by script). Open, or on a wide screen, it is a stop.
    var phone = window.matchMedia("(max-width: 59.984375em)");
    var sync = function () {
      if (phone.matches && !toggle.checked) input.setAttribute("tabindex", "-1");
      else input.removeAttribute("tabindex");
    };
    sync();
    toggle.addEventListener("change", sync);
    if (phone.addEventListener) phone.addEventListener("change", sync);
    // Material focuses the box on opening; the box's focus then keeps the search open. Tab out of
    // the search closes it, so the focus never lands on the page under its dark overlay.
    dialog.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && next && !dialog.contains(next)) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  }

  function palette() {
    var form = document.querySelector('form[data-md-component="palette"]');
    if (!form) return;
    // The radios stay for Material; the visible label is the one tab stop.
    var radios = form.querySelectorAll("input.md-option");
    for (var i = 0; i < radios.length; i++) radios[i].setAttribute("tabindex", "-1");
    var labels = form.querySelectorAll("label.md-header__button");
    for (var j = 0; j < labels.length; j++) asButton(labels[j], labels[j].getAttribute("title"));
    // Pressing one hides it and shows the next (Material's CSS): keep the focus on the one shown.
    form.addEventListener("nb-press", function () {
      var shown = form.querySelector("input.md-option:checked + label");
      if (shown) shown.focus();
    });
  }

  function start() {
    drawer();
    search();
    palette();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
