/* framing briefing: filter the report by outlet and topic.
   Progressive: without JavaScript the whole report shows and nothing here is needed. The form
   is built from the page itself (data-outlet and data-topic attributes), so a custom template
   that keeps those attributes gets the filters for free. */
(function () {
  "use strict";
  var toc = document.querySelector("nav.toc");
  if (!toc || !document.querySelectorAll) { return; }

  function unique(selector, attribute) {
    var seen = [];
    document.querySelectorAll(selector).forEach(function (el) {
      var value = el.getAttribute(attribute);
      if (seen.indexOf(value) < 0) { seen.push(value); }
    });
    return seen;
  }

  var outlets = unique("#sources tr[data-outlet]", "data-outlet");
  var topics = unique("section.topic[data-topic]", "data-topic");
  if (outlets.length < 2 && topics.length < 2) { return; }

  var form = document.createElement("form");
  form.className = "filters";
  form.setAttribute("aria-label", "Filter the report");
  var outletBox = document.createElement("fieldset");
  outletBox.innerHTML = "<legend>Outlets</legend>";
  outlets.forEach(function (name) {
    var label = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = name;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + name));
    outletBox.appendChild(label);
  });
  form.appendChild(outletBox);

  var topicLabel = document.createElement("label");
  topicLabel.className = "topic-filter";
  topicLabel.textContent = "Topic ";
  var select = document.createElement("select");
  ["All topics"].concat(topics).forEach(function (name, i) {
    var option = document.createElement("option");
    option.value = i === 0 ? "" : name;
    option.textContent = name;
    select.appendChild(option);
  });
  topicLabel.appendChild(select);
  form.appendChild(topicLabel);
  var heading = toc.querySelector("h2");
  toc.insertBefore(form, heading ? heading.nextSibling : toc.firstChild);

  function apply() {
    var shown = {};
    outletBox.querySelectorAll("input").forEach(function (box) { shown[box.value] = box.checked; });
    var topic = select.value;
    /* Rows, columns of side-by-side sections: anything that is one outlet's. */
    document.querySelectorAll("main [data-outlet]:not(th)").forEach(function (el) {
      el.hidden = shown[el.getAttribute("data-outlet")] === false;
    });
    /* Table columns: hide the header and every cell below it. */
    document.querySelectorAll("main thead th[data-outlet]").forEach(function (th) {
      var off = shown[th.getAttribute("data-outlet")] === false;
      var index = th.cellIndex;
      th.hidden = off;
      th.closest("table").querySelectorAll("tbody tr").forEach(function (row) {
        if (row.cells[index] && row.cells.length > index) { row.cells[index].hidden = off; }
      });
    });
    document.querySelectorAll("main section[data-topic]").forEach(function (section) {
      section.hidden = topic !== "" && section.getAttribute("data-topic") !== topic;
    });
  }
  form.addEventListener("change", apply);
}());
