/**
 * Ages as kubectl prints them: k8s.io/apimachinery's duration.HumanDuration, applied to the time
 * since a timestamp that the API server stores with whole-second precision (metav1.Time). The
 * rules are Go's integer arithmetic, so `Math.trunc` stands for Go's int conversion.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** duration.HumanDuration: `45s`, `3m12s`, `42m`, `5h3m`, `30h`, `3d4h`, `200d`, `2y30d`, `9y`. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  // A clock a second off is "now"; further into the future is an invalid timestamp.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/**
 * The AGE of something stamped at virtual time `at`, seen at virtual time `now`. Both are
 * offsets from the world's epoch; the stamp loses its milliseconds as the API server's does.
 */
export function age(epochMs: number, at: number, now: number): string {
  const stamp = Math.floor((epochMs + at) / SECOND) * SECOND;
  return humanDuration(epochMs + now - stamp);
}
