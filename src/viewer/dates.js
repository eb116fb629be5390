/* dates.js - kg's dates in the viewer: YYYYMMDD integers (start_day,
 * end_day) as kg build writes them, days since 1970 for the slider, and
 * whether an element holds on a day. No calendar of its own. */

/* ---- dates: YYYYMMDD integers as kg writes them -------------------- */

function dayToTime(yyyymmdd) {
  var y = Math.floor(yyyymmdd / 10000), m = Math.floor(yyyymmdd / 100) % 100, d = yyyymmdd % 100;
  var t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return Math.floor(t.getTime() / 86400000);
}

function timeToDay(days) {
  var t = new Date(days * 86400000);
  return t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
}

function dayText(yyyymmdd) {
  var s = String(yyyymmdd);
  while (s.length < 8) s = "0" + s;
  return s.slice(0, 4) + "-" + s.slice(4, 6) + "-" + s.slice(6, 8);
}

/* An element (node or edge data) holds on `day` when its [start, end]
 * span, each end taken at its precision, includes that day. */
function holdsOn(d, day) {
  if (day === null) return true;
  if (typeof d.start_day === "number" && d.start_day > day) return false;
  if (typeof d.end_day === "number" && d.end_day < day) return false;
  return true;
}

function datesText(d) {
  if (d.start && d.end) return d.start + " \u2013 " + d.end;
  if (d.start) return "from " + d.start;
  if (d.end) return "until " + d.end;
  return null;
}
