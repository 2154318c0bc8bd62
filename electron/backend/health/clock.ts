// Actions are due in wall-clock hours (shared/health/dates.ts). "Now" is the laptop's local wall
// clock: a consultant in Shanghai who opens an action at 09:00 sees it due at 09:00 two days later.

const pad = (n: number): string => String(n).padStart(2, '0');

export function localNow(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export function localToday(d: Date = new Date()): string {
  return localNow(d).slice(0, 10);
}
