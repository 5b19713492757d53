/**
 * Whether a URL host name is this machine: `localhost` (and `*.localhost`), 127.0.0.0/8 or ::1. Plain
 * `http://` is only allowed to these, because Basic credentials travel in clear text otherwise.
 *
 * @example
 * import { isLoopbackHost } from './isLoopbackHost';
 * isLoopbackHost('127.0.0.1'); // true
 * isLoopbackHost('planviewer.nl'); // false
 *
 * @since 0.1.0
 * @category utils
 */
export const isLoopbackHost = (hostname: string): boolean => {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((octet) => Number(octet) <= 255);
};
