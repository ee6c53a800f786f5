/**
 * The files of an image's base layers that the simulation models: the userland's top-level
 * directories and a few well-known ones below them, the release files, and what the official
 * nginx image adds. Layers the builder made (COPY, ADD, a commit) carry their own files
 * (Layer.files); everything here is what base and RUN layers hold without listing it.
 *
 * A modelled file whose text is not modelled (nginx's mime.types, say) reads as empty: it
 * exists, so `ls` lists it and writing to it copies it up, but its bytes are not part of the
 * lesson. Anything not named here does not exist. Pure data.
 */

export type Userland = 'alpine' | 'busybox' | 'debian' | 'scratch';

/** What the base layers hold: files (path -> text) and directories (absolute paths). */
export interface BaseFs {
  readonly files: ReadonlyMap<string, string>;
  readonly dirs: ReadonlySet<string>;
}

const OS_RELEASE: Record<'alpine' | 'debian', string> = {
  alpine: [
    'NAME="Alpine Linux"',
    'ID=alpine',
    'VERSION_ID=3.22.2',
    'PRETTY_NAME="Alpine Linux v3.22"',
    'HOME_URL="https://alpinelinux.org/"',
    'BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"',
  ].join('\n'),
  // The catalogue's Debian base is bookworm (images/catalogue.ts).
  debian: [
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"',
    'NAME="Debian GNU/Linux"',
    'VERSION_ID="12"',
    'VERSION="12 (bookworm)"',
    'VERSION_CODENAME=bookworm',
    'ID=debian',
    'HOME_URL="https://www.debian.org/"',
    'SUPPORT_URL="https://www.debian.org/support"',
    'BUG_REPORT_URL="https://bugs.debian.org/"',
  ].join('\n'),
};

const ROOT: Record<Userland, readonly string[]> = {
  alpine: 'bin dev etc home lib media mnt opt proc root run sbin srv sys tmp usr var'.split(' '),
  busybox: 'bin dev etc home lib lib64 root tmp usr var'.split(' '),
  debian:
    'bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var'.split(
      ' ',
    ),
  scratch: ['dev', 'etc', 'proc', 'sys'],
};

/** Directories below the top level that every distribution image has (FHS). */
const FHS = [
  '/usr/bin',
  '/usr/lib',
  '/usr/local',
  '/usr/local/bin',
  '/usr/local/lib',
  '/usr/local/sbin',
  '/usr/local/share',
  '/usr/sbin',
  '/usr/share',
  '/var/cache',
  '/var/lib',
  '/var/log',
  '/var/tmp',
];

/** The busybox image is one static binary with a minimal tree around it. */
const BUSYBOX_DIRS = ['/usr/sbin', '/var/spool', '/var/spool/mail', '/var/www'];

/** nginx's default pages (nginx 1.29, html/index.html and html/50x.html), which share a head. */
const nginxPage = (title: string, body: string): string => `<!DOCTYPE html>
<html>
<head>
<title>${title}</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
${body}</body>
</html>
`;

const NGINX_INDEX = nginxPage(
  'Welcome to nginx!',
  `<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
`,
);

const NGINX_50X = nginxPage(
  'Error',
  `<h1>An error occurred.</h1>
<p>Sorry, the page you are looking for is currently unavailable.<br/>
Please try again later.</p>
<p>If you are the system administrator of this resource then you should check
the error log for details.</p>
<p><em>Faithfully yours, nginx.</em></p>
`,
);

/**
 * nginx's conf.d/default.conf as the package installs it; the image's entrypoint script
 * 10-listen-on-ipv6-by-default.sh adds `listen  [::]:80;` below the first listen when the
 * container starts.
 */
export const NGINX_DEFAULT_CONF = `server {
    listen       80;
    server_name  localhost;

    #access_log  /var/log/nginx/host.access.log  main;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }

    #error_page  404              /404.html;

    # redirect server error pages to the static page /50x.html
    #
    error_page   500 502 503 504  /50x.html;
    location = /50x.html {
        root   /usr/share/nginx/html;
    }

    # proxy the PHP scripts to Apache listening on 127.0.0.1:80
    #
    #location ~ \\.php$ {
    #    proxy_pass   http://127.0.0.1;
    #}

    # pass the PHP scripts to FastCGI server listening on 127.0.0.1:9000
    #
    #location ~ \\.php$ {
    #    root           html;
    #    fastcgi_pass   127.0.0.1:9000;
    #    fastcgi_index  index.php;
    #    fastcgi_param  SCRIPT_FILENAME  /scripts$fastcgi_script_name;
    #    include        fastcgi_params;
    #}

    # deny access to .htaccess files, if Apache's document root
    # concurs with nginx's one
    #
    #location ~ /\\.ht {
    #    deny  all;
    #}
}
`;

/** What the official nginx image adds (its Debian variant): config, pages, entrypoint. */
const NGINX_FILES: Readonly<Record<string, string>> = {
  '/docker-entrypoint.sh': '',
  '/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': '',
  '/docker-entrypoint.d/15-local-resolvers.envsh': '',
  '/docker-entrypoint.d/20-envsubst-on-templates.sh': '',
  '/docker-entrypoint.d/30-tune-worker-processes.sh': '',
  '/etc/nginx/conf.d/default.conf': NGINX_DEFAULT_CONF,
  '/etc/nginx/fastcgi_params': '',
  '/etc/nginx/mime.types': '',
  '/etc/nginx/nginx.conf': '',
  '/etc/nginx/scgi_params': '',
  '/etc/nginx/uwsgi_params': '',
  '/usr/share/nginx/html/50x.html': NGINX_50X,
  '/usr/share/nginx/html/index.html': NGINX_INDEX,
};
const NGINX_DIRS = ['/etc/nginx/modules', '/var/cache/nginx', '/var/log/nginx'];

/** What the other official images add at the root, told by the programs they hold. */
const ROOT_EXTRAS: Readonly<Record<string, readonly string[]>> = {
  'redis-server': ['/data'],
  postgres: ['/docker-entrypoint-initdb.d'],
};

function releaseFiles(userland: Userland): [string, string][] {
  if (userland === 'alpine')
    return [
      ['/etc/os-release', `${OS_RELEASE.alpine}\n`],
      ['/usr/lib/os-release', `${OS_RELEASE.alpine}\n`],
      ['/etc/alpine-release', '3.22.2\n'],
    ];
  if (userland === 'debian')
    return [
      ['/etc/os-release', `${OS_RELEASE.debian}\n`],
      ['/usr/lib/os-release', `${OS_RELEASE.debian}\n`],
      ['/etc/debian_version', '12.12\n'],
    ];
  return [];
}

/** Every directory above a path, `/` excluded. */
export function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('/', 1); i > 0; i = path.indexOf('/', i + 1))
    out.push(path.slice(0, i));
  return out;
}

const cache = new Map<string, BaseFs>();

/** The base layers' files for a userland and the programs the image holds (memoised). */
export function baseFs(userland: Userland, binaries: readonly string[]): BaseFs {
  const nginx = binaries.includes('nginx');
  const extras = Object.entries(ROOT_EXTRAS)
    .filter(([bin]) => binaries.includes(bin))
    .flatMap(([, dirs]) => dirs);
  const key = `${userland} ${nginx} ${extras.join(' ')}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const files = new Map<string, string>(releaseFiles(userland));
  if (nginx) for (const [path, text] of Object.entries(NGINX_FILES)) files.set(path, text);
  const dirs = new Set<string>(ROOT[userland].map((d) => `/${d}`));
  if (userland === 'busybox') BUSYBOX_DIRS.forEach((d) => dirs.add(d));
  else if (userland !== 'scratch') FHS.forEach((d) => dirs.add(d));
  if (nginx) NGINX_DIRS.forEach((d) => dirs.add(d));
  extras.forEach((d) => dirs.add(d));
  for (const path of [...files.keys(), ...dirs]) ancestors(path).forEach((d) => dirs.add(d));
  const fs: BaseFs = { files, dirs };
  cache.set(key, fs);
  return fs;
}
