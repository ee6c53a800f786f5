/**
 * Lesson 1: Dockerfile -> image -> container. Build the demo app under /root/app, read its
 * layers with `docker history`, rebuild from the cache, edit a file and see the cache miss
 * from that step on, then run the image and see a container's changes live in its writable
 * layer (`docker diff`), which goes away with the container. True to FACTS.md §6 ("Image
 * structure": the image ID is the config's digest; "Layers and copy-on-write": RUN, COPY and
 * ADD make layers, other instructions only metadata, a thin writable container layer deleted
 * with the container; "Build cache": once a step misses, every later step rebuilds, COPY
 * compares file checksums, not mtimes), §3 (BuildKit is the default builder since 23.0) and
 * §5 (`docker build` is `POST /build`). The simulated CLI has no buildx plugin, so it runs the
 * legacy builder with its deprecation notice, as a real docker 28 without buildx does.
 */
import type { LessonInput } from '../schema';

export const dockerfile: LessonInput = {
  schemaVersion: 1,
  id: 'dockerfile',
  title: 'Dockerfile → image → container',
  summary:
    'Build a small Node app, read its layers, watch the build cache hit and then miss from the edited step on, and see where a running container keeps its own changes.',
  level: 'beginner',
  minutes: 12,
  start: { era: 'modern', liveRestore: false, setup: [] },
  steps: [
    {
      id: 'read-the-dockerfile',
      narration:
        'A **Dockerfile** is a list of build steps. `FROM` picks the base image; `COPY` and `RUN` change files, and each of them becomes a new read-only **layer** on top of the ones before. `EXPOSE` and `CMD` change only the image’s configuration, not its files.\n\nThis host has a tiny Node app in `/root/app`. Read its Dockerfile.',
      run: ['ls /root/app', 'cat /root/app/Dockerfile'],
    },
    {
      id: 'build',
      narration:
        '`docker build` sends the folder (the **build context**) to dockerd as `POST /build`, and the builder runs the steps in order, printing an image ID after each one. This host’s docker CLI has no buildx plugin, so it falls back to the **legacy builder** and says it is deprecated; with buildx installed, BuildKit (the default since Docker 23.0) does the build. The first build also pulls the base image, `node:20-alpine`.',
      task: {
        goal: 'Build the app in /root/app as an image tagged `hello`.',
        check: { kind: 'image', ref: 'hello', present: true },
        hints: [
          '`docker build` takes the context folder as its argument.',
          '`-t` gives the image a name: `docker build -t hello /root/app`.',
        ],
        solution: ['docker build -t hello /root/app'],
        par: 1,
      },
    },
    {
      id: 'history',
      narration:
        '`docker history` lists an image’s steps, newest first. Your six steps are on top: the `COPY` and `RUN` rows have a size (their layers), the `WORKDIR`, `EXPOSE` and `CMD` rows are 0B. Below them is `node:20-alpine`’s own history; its older rows show `<missing>` because the images of those steps were built elsewhere and never existed on this host.',
      run: ['docker history hello'],
    },
    {
      id: 'cache-hit',
      narration:
        'Build again with nothing changed. The builder compares each step with its cache: the instruction text and, for `COPY`, a checksum of the files it copies (their content and permissions, not their modification times). Every step after `FROM` prints **Using cache** and reuses the image it made last time, so the build ends with the same image ID (in dockerd’s classic image store, which this host uses, the digest of the image’s configuration).',
      run: ['docker build -t hello /root/app'],
    },
    {
      id: 'cache-miss',
      narration:
        'Now edit `index.html`. Its checksum changes, so `COPY app.js index.html ./` misses the cache, and once a step misses, **every step after it is rebuilt** too, even `EXPOSE` and `CMD`. The steps before it still come from the cache, `RUN npm install` included.\n\nThat is why the Dockerfile copies `package.json` and installs dependencies *before* copying the code: editing the code does not re-run the install.',
      task: {
        goal: 'Change /root/app/index.html so it says v2, and build the app as `hello:v2`.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'file', path: '/root/app/index.html', contains: 'v2' },
            { kind: 'image', ref: 'hello:v2', present: true },
          ],
        },
        hints: [
          'echo with `>` replaces a file’s content.',
          "`echo '<h1>Hello v2</h1>' > /root/app/index.html`, then build with `-t hello:v2`.",
        ],
        solution: [
          "echo '<h1>Hello v2</h1>' > /root/app/index.html",
          'docker build -t hello:v2 /root/app',
        ],
        par: 2,
      },
      questions: [
        {
          prompt: 'You change only package.json and build again. Which steps run again?',
          choices: [
            { text: 'None: the Dockerfile did not change', correct: false },
            { text: 'Only COPY package.json .', correct: false },
            {
              text: 'COPY package.json . and every step after it, RUN npm install included',
              correct: true,
            },
            { text: 'All of them, FROM included', correct: false },
          ],
          explanation:
            'COPY compares the files’ checksums, so changing package.json misses the cache at that step, and every later step is rebuilt. FROM and WORKDIR, before it, still come from the cache.',
        },
      ],
    },
    {
      id: 'run-it',
      narration:
        'An image is read-only. `docker run` creates a container from it: the image’s layers, plus a thin **writable layer** of the container’s own, then starts the image’s command: `node app.js`, through the `docker-entrypoint.sh` that the base image sets as its entrypoint. The app listens on port 3000 inside the container; `-p 3000:3000` publishes it on the host.',
      task: {
        goal: 'Run `hello:v2` in the background as a container named `web`.',
        check: { kind: 'container', name: 'web', state: 'running' },
        hints: [
          '`-d` runs it in the background, `--name` names it.',
          '`docker run -d --name web -p 3000:3000 hello:v2`',
        ],
        solution: ['docker run -d --name web -p 3000:3000 hello:v2'],
        par: 1,
      },
    },
    {
      id: 'writable-layer',
      narration:
        'Write a file inside `web`, and `docker diff` lists what differs from the image: **A** added, **C** changed, **D** deleted. The change lives in `web`’s writable layer (copy-on-write), never in the image. It survives `docker stop` and `docker start`, but `docker rm` deletes the layer with the container: a new container from the same image starts clean.',
      run: [
        "docker exec web sh -c 'echo draft > /app/notes.txt'",
        'docker diff web',
        'docker rm -f web',
        'docker run -d --name web -p 3000:3000 hello:v2',
        'docker exec web cat /app/notes.txt',
      ],
      questions: [
        {
          prompt:
            'Two containers run from the same image, and one of them edits a file. What does the other one see?',
          choices: [
            { text: 'The edited file: they share the image', correct: false },
            {
              text: 'The original file: the edit was copied up into the first container’s writable layer',
              correct: true,
            },
            { text: 'An error: the image is locked while a container writes', correct: false },
          ],
          explanation:
            'The image’s layers are read-only and shared. A container’s first write to a file copies it up into that container’s own writable layer, which is deleted with the container. Data that must outlive a container belongs in a volume.',
        },
      ],
    },
  ],
};
