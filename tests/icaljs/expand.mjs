// node expand.mjs FILE.ics UNTIL(YYYY-MM-DD)
// Reads FILE with ical.js, the parser of Thunderbird and Nextcloud Calendar, and prints the
// occurrences that start before UNTIL as JSON [uid, start, end, status]: zoned times in UTC
// ("...Z"), whole days as dates. Bare ical.js has no zone database: only the file's own
// VTIMEZONEs are known, which is what this check is for.
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [file, until] = process.argv.slice(2);

function iso(t) {
  if (t.isDate) return t.toString();
  if (t.zone === ICAL.Timezone.localTimezone) throw new Error(`floating time ${t.toString()}`);
  return t.convertToZone(ICAL.Timezone.utcTimezone).toString();
}

const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
const masters = new Map();
const overrides = [];
for (const vevent of calendar.getAllSubcomponents('vevent')) {
  // exceptions: [] keeps ical.js from relating every RECURRENCE-ID in the file to this event
  // whatever its UID; they are related by UID below, as Thunderbird groups items.
  const event = new ICAL.Event(vevent, { strictExceptions: true, exceptions: [] });
  if (event.isRecurrenceException()) overrides.push(event);
  else masters.set(event.uid, event);
}
for (const override of overrides) masters.get(override.uid).relateException(override);
const found = [];
for (const event of masters.values()) {
  const status = event.component.getFirstPropertyValue('status') || '';
  if (!event.isRecurring()) {
    found.push([event.uid, iso(event.startDate), iso(event.endDate), status]);
    continue;
  }
  const iterator = event.iterator();
  for (let next; (next = iterator.next()); ) {
    if (iso(next) >= until) break;
    const details = event.getOccurrenceDetails(next);
    found.push([event.uid, iso(details.startDate), iso(details.endDate), status]);
  }
}
console.log(JSON.stringify(found.filter(([, start]) => start < until)));
