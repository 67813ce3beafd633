/* The site search: Material's search box and dialog (partials/search.html), answered by Pagefind.

   Pagefind's index (pagefind/, written by the build) is split into small chunks: a query fetches
   the chunks of its words and the fragments of the results it shows, never the whole index. The
   bundle loads when the search is first used, not with every page. Each year's reports are an
   index of their own (pagefind/<year>/, nianbao.search): the search covers the site's other pages
   and the latest year's reports, and merges another year's index, or all of them, when the
   reader chooses it (年度). On a sharded site (pagefind/search.json names the other shards) the
   other shards' indexes are merged the same way: one search covers them all. Results use Material's own
   markup and classes (md-search-result__…), so they look as Material's do: the report's title,
   the body and year, and the passage with the words found marked. The texts are Material's
   (its translations in __config) and the partial's data attributes: nothing here is in words.

   Pagefind's excerpts are text with <mark> around the words found; they are read by an inert
   parser and put in as text and <mark> elements only. */
(function () {
  var dialog = document.querySelector("[data-nb-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var form = dialog.querySelector("form");
  var input = dialog.querySelector(".md-search__input");
  var meta = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* none */ }
  var words = config.translations || {};
  var PAGE = 10;

  // The site's root as an absolute path (the site may live under a portal's sub-path): result
  // addresses in the index are relative to it.
  var rootUrl = new URL(dialog.getAttribute("data-nb-base") + "/", window.location.href);
  var root = rootUrl.pathname;
  var bundle = new URL(dialog.getAttribute("data-nb-index"), window.location.href).href;
  var yearChoice = dialog.querySelector(".nb-search-year");
  var years = [];
  // Where the indexes are: this site's, then each other shard's (its pagefind/ and its years).
  var sources = [];
  var merged = {};
  var loading = null;
  function pagefind() {
    if (!loading) {
      loading = import(bundle).then(function (module) {
        return Promise.resolve(module.options({ baseUrl: root, excerptLength: 40 })).then(function () {
          return fetch(new URL("search.json", bundle).href).then(function (r) { return r.ok ? r.json() : {}; });
        }).then(function (manifest) {
          sources = [{ bundle: bundle, base: root, years: (manifest.years || []).map(String) }];
          (manifest.others || []).forEach(function (other) {
            var site = new URL(other.root, rootUrl);
            sources.push({ bundle: new URL("pagefind/", site).href, base: site.pathname,
                           years: (other.years || []).map(String) });
          });
          var all = {};
          sources.forEach(function (s) { s.years.forEach(function (y) { all[y] = true; }); });
          years = Object.keys(all).sort().reverse();
          chooser();
          filterChoices(module);
          // The other shards' own pages (bodies, regions), then the latest year's reports.
          return Promise.all(sources.slice(1).map(function (s) {
            return module.mergeIndex(s.bundle, { baseUrl: s.base });
          })).then(function () { return years.length ? merge(module, [years[0]]) : null; });
        }).then(function () { return module; });
      });
    }
    return loading;
  }

  function merge(module, wanted) {
    var work = [];
    sources.forEach(function (s, n) {
      wanted.forEach(function (y) {
        var key = n + ":" + y;
        if (merged[key] || s.years.indexOf(y) < 0) return;
        merged[key] = y;
        // Reports before the site's own pages (the guide names every table's 行政复议 too).
        work.push(module.mergeIndex(new URL(y + "/", s.bundle).href, { baseUrl: s.base, indexWeight: 4 }));
      });
    });
    return Promise.all(work);
  }

  function chooser() {
    if (!yearChoice || !years.length) return;
    var label = dialog.getAttribute("data-nb-year");
    yearChoice.textContent = "";
    years.forEach(function (y) {
      var option = document.createElement("option");
      option.value = y;
      option.textContent = label.replace("{year}", y);
      yearChoice.appendChild(option);
    });
    var all = document.createElement("option");
    all.value = "";
    all.textContent = dialog.getAttribute("data-nb-all-years");
    yearChoice.appendChild(all);
    yearChoice.hidden = false;
    yearChoice.addEventListener("change", run);
  }

  // 层级 and 地区: the values of the indexes merged so far, loaded when the list is first opened
  // (a first search does not fetch the filters' part of the index).
  var filterLists = Array.prototype.slice.call(dialog.querySelectorAll(".nb-search-filter"));
  function filterChoices(module) {
    filterLists.forEach(function (list_) {
      list_.hidden = false;
      var filled = false;
      function fill() {
        if (filled) return;
        filled = true;
        Promise.resolve(module.filters()).then(function (all) {
          var values = all[list_.getAttribute("data-nb-filter")] || {};
          Object.keys(values).sort().forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = value;
            list_.appendChild(option);
          });
        });
      }
      list_.addEventListener("focus", fill);
      list_.addEventListener("pointerdown", fill);
      list_.addEventListener("change", run);
    });
  }

  // The indexes a query needs, and the 年度 filter when other years' are merged already (a body's
  // page carries each year it has a report of).
  function searchIn(module, query) {
    var year = yearChoice && years.length ? yearChoice.value : "";
    var wanted = year ? [year] : years;
    return merge(module, wanted).then(function () {
      var others = Object.keys(merged).some(function (key) { return merged[key] !== year; });
      var filters = {};
      if (year && others) filters[dialog.getAttribute("data-nb-year-filter")] = year;
      filterLists.forEach(function (list_) {
        if (list_.value) filters[list_.getAttribute("data-nb-filter")] = list_.value;
      });
      return module.search(query, Object.keys(filters).length ? { filters: filters } : {});
    });
  }

  function say(key, count) {
    var text = words[key] || "";
    return text.replace("#", String(count));
  }

  function marked(parent, html) {
    var doc = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.nodeName === "MARK") {
        // A term found in two words (行政|复议) is one mark.
        var last = parent.lastChild;
        if (last && last.nodeName === "MARK") {
          last.textContent += node.textContent;
          return;
        }
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text) el.textContent = text;
    return el;
  }

  function source(data) {
    var parts = [];
    if (data.meta.body) parts.push(data.meta.body);
    if (data.meta.year) parts.push(dialog.getAttribute("data-nb-year").replace("{year}", data.meta.year));
    return parts.join(" · ");
  }

  function item(data) {
    var li = element("li", "md-search-result__item");
    var link = element("a", "md-search-result__link");
    link.href = data.url;
    link.tabIndex = -1;
    var article = element("article", "md-search-result__article md-typeset");
    article.appendChild(element("div", "md-search-result__icon md-icon"));
    article.appendChild(element("h1", "", data.meta.title || data.url));
    var from = source(data);
    if (from) article.appendChild(element("p", "nb-search-source", from));
    var excerpt = element("p", "nb-search-excerpt");
    marked(excerpt, data.excerpt || "");
    article.appendChild(excerpt);
    link.appendChild(article);
    li.appendChild(link);
    // The sections the words are found in (Pagefind's sub-results: the page's headings).
    (data.sub_results || []).slice(0, 3).forEach(function (sub) {
      if (!sub.title || sub.url === data.url || sub.title === data.meta.title) return;
      var subLink = element("a", "md-search-result__link");
      subLink.href = sub.url;
      subLink.tabIndex = -1;
      var subArticle = element("article", "md-search-result__article md-typeset");
      subArticle.appendChild(element("h2", "", sub.title));
      var subExcerpt = element("p");
      marked(subExcerpt, sub.excerpt || "");
      subArticle.appendChild(subExcerpt);
      subLink.appendChild(subArticle);
      li.appendChild(subLink);
    });
    return li;
  }

  var current = null;
  var shown = 0;
  var asked = 0;
  var seen = {};

  // Every shard has the site's own pages (如何阅读本站, the guide): one result for each, not one a
  // shard. A page is known by its address within its shard.
  function within(url) {
    var best = "";
    sources.forEach(function (s) { if (url.indexOf(s.base) === 0 && s.base.length > best.length) best = s.base; });
    return url.slice(best.length);
  }

  function more() {
    var search = current;
    var next = search.results.slice(shown, shown + PAGE);
    shown += next.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (search !== current) return;
      var button = list.querySelector(".nb-search-more");
      if (button) button.parentNode.removeChild(button);
      pages.forEach(function (data) {
        var key = within(data.url);
        if (seen[key]) return;
        seen[key] = true;
        list.appendChild(item(data));
      });
      var left = search.results.length - shown;
      if (left > 0) {
        var li = element("li", "md-search-result__item nb-search-more");
        var more_ = element("button", "md-search-result__more",
                            dialog.getAttribute("data-nb-more").replace("{count}", String(left)));
        more_.type = "button";
        more_.addEventListener("click", function () { more(); });
        li.appendChild(more_);
        list.appendChild(li);
      }
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++asked;
    if (!query) {
      current = null;
      list.textContent = "";
      meta.textContent = say("search.result.placeholder");
      return;
    }
    pagefind().then(function (module) {
      return searchIn(module, query);
    }).then(function (search) {
      if (ticket !== asked || !search) return;
      current = search;
      shown = 0;
      seen = {};
      list.textContent = "";
      var count = search.results.length;
      meta.textContent = count === 0 ? say("search.result.none")
        : say(count === 1 ? "search.result.one" : "search.result.other", count);
      if (count) return more();
    }).catch(function () {
      // No index to search (a preview, mkdocs serve, writes none): said as no result, not a hang.
      if (ticket === asked) meta.textContent = say("search.result.none");
    });
  }

  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }
  // On every input, also text pasted, spoken or committed by an input method (not during its
  // composition): not on key presses only.
  input.addEventListener("input", function (event) { if (!event.isComposing) later(); });
  input.addEventListener("compositionend", later);
  form.addEventListener("reset", function () { setTimeout(run, 0); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a.md-search-result__link");
    if (first) window.location.href = first.href;
  });

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }
  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  }
  // As Material's search does: opening focuses the box, focusing the box opens the dialog, and the
  // bundle starts loading then, before the first word is typed.
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      input.focus();
      pagefind();
    } else {
      input.blur();
    }
  });
  input.addEventListener("focus", function () { open(); pagefind(); });

  document.addEventListener("keydown", function (event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    var active = document.activeElement;
    var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (toggle.checked) {
      if (event.key === "Escape") {
        close();
        event.preventDefault();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        var links = Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
        if (!links.length) return;
        var at = links.indexOf(active);
        var next = event.key === "ArrowDown" ? at + 1 : (at < 0 ? links.length : at) - 1;
        if (next < 0) input.focus();
        else links[Math.min(next, links.length - 1)].focus();
        event.preventDefault();
      }
    } else if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
      open();
      event.preventDefault();
    }
  });

  // ?q= opens the search with the query (the 404 page links to the home page so).
  var asked_for = new URLSearchParams(window.location.search).get("q");
  if (asked_for !== null) {
    open();
    input.value = asked_for;
    run();
  }
})();
