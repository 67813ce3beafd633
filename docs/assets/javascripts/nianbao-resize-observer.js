/* A small ResizeObserver for browsers without one (iOS 12, older domestic browser cores).
   Material's bundle would otherwise fetch a polyfill from a foreign CDN, which hangs where they
   are blocked, and search then never starts. Loaded before the bundle; does nothing where
   the browser has its own. Material reads only each entry's target (and then the element's
   offsetWidth/offsetHeight), so this reports changes of those, checked after resizes, DOM
   changes, transitions and animation frames that follow them. ES5 only. */
(function () {
  if (typeof window === "undefined" || window.ResizeObserver) return;
  var observers = [];
  var scheduled = false;
  function size(el) { return [el.offsetWidth, el.offsetHeight]; }
  function check() {
    scheduled = false;
    for (var i = 0; i < observers.length; i++) observers[i]._check();
  }
  function schedule() {
    if (scheduled) return;
    scheduled = true;
    (window.requestAnimationFrame || function (f) { return setTimeout(f, 16); })(check);
  }
  function ResizeObserver(callback) {
    if (!(this instanceof ResizeObserver)) throw new TypeError("ResizeObserver: use new");
    this._callback = callback;
    this._targets = [];
  }
  ResizeObserver.prototype.observe = function (el) {
    for (var i = 0; i < this._targets.length; i++) if (this._targets[i].el === el) return;
    this._targets.push({ el: el, size: null });  /* null: reported once, as browsers do */
    if (observers.indexOf(this) < 0) observers.push(this);
    schedule();
  };
  ResizeObserver.prototype.unobserve = function (el) {
    this._targets = this._targets.filter(function (t) { return t.el !== el; });
  };
  ResizeObserver.prototype.disconnect = function () {
    this._targets = [];
    var i = observers.indexOf(this);
    if (i >= 0) observers.splice(i, 1);
  };
  ResizeObserver.prototype._check = function () {
    var entries = [];
    for (var i = 0; i < this._targets.length; i++) {
      var t = this._targets[i], now = size(t.el);
      if (!t.size || t.size[0] !== now[0] || t.size[1] !== now[1]) {
        t.size = now;
        entries.push({
          target: t.el,
          contentRect: { x: 0, y: 0, top: 0, left: 0, width: now[0], height: now[1], right: now[0], bottom: now[1] }
        });
      }
    }
    if (entries.length) this._callback.call(this, entries, this);
  };
  window.ResizeObserver = ResizeObserver;
  ["resize", "orientationchange", "load", "transitionend", "animationend", "click", "keyup"].forEach(function (name) {
    window.addEventListener(name, schedule, true);
  });
  if (window.MutationObserver) {
    var start = function () {
      new MutationObserver(schedule).observe(document.documentElement,
        { attributes: true, childList: true, characterData: true, subtree: true });
    };
    if (document.documentElement) start(); else document.addEventListener("DOMContentLoaded", start);
  }
})();
