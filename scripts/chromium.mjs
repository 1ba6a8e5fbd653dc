// Finds a headless Chromium for tests, benchmarks and screenshots: CHROME_PATH, else Debian's /usr/bin/chromium.
// When none is found and we are root on Debian/Ubuntu, installs Debian's `chromium`; otherwise says how to get one.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const DEBIAN_PATH = '/usr/bin/chromium';

/** Flags that keep Chromium quiet and working as root on a closed network. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export function findChromium({ install = true } = {}) {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to "${fromEnv}", but no file is there.`);
  }
  if (existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s "chromium" package (apt-get install -y chromium)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
    if (existsSync(DEBIAN_PATH)) return DEBIAN_PATH;
  }
  fail('No headless Chromium found.');
}

function fail(why) {
  console.error(`${why}
The tests run in a real headless Chromium. Either:
  - on Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium   (gives ${DEBIAN_PATH}), or
  - point CHROME_PATH at any Chrome/Chromium binary: CHROME_PATH=/path/to/chrome npm test`);
  process.exit(1);
}
