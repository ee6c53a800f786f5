/**
 * Docker's human durations and sizes (go-units), as `docker ps` STATUS and `docker images`
 * SIZE print them: "Up 2 minutes", "Exited (0) 3 seconds ago", "187MB".
 */

/** go-units HumanDuration. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.floor(seconds / 60);
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.floor(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.floor(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24 / 30)} months`;
  return `${Math.floor(hours / 24 / 365)} years`;
}

function scaled(bytes: number, base: number, units: readonly string[], precision: number): string {
  let value = bytes;
  let i = 0;
  while (value >= base && i < units.length - 1) {
    value /= base;
    i++;
  }
  return `${Number(value.toPrecision(precision))}${units[i]}`;
}

/**
 * go-units HumanSizeWithPrecision with decimal units: precision 3 as `docker images` prints
 * sizes, 4 as HumanSize does ("Sending build context to Docker daemon  3.072kB").
 */
export function humanSize(bytes: number, precision = 3): string {
  return scaled(bytes, 1000, ['B', 'kB', 'MB', 'GB', 'TB'], precision);
}

/** go-units BytesSize (binary units), as `docker info` prints `Total Memory: 8GiB`. */
export function bytesSize(bytes: number): string {
  return scaled(bytes, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB'], 4);
}
