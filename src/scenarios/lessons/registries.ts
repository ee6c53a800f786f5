/**
 * Lesson 9: images and registries. A pull is a manifest and then blobs by digest; a layer the
 * host already has is not downloaded again ("Already exists"); tags are names, digests are
 * content; push to a local registry (registry:2), remove the local copy and pull it back. True
 * to FACTS.md §6 ("Image structure": manifest -> config + layers by digest, the image ID is
 * the config's digest, an image index per platform; "Pull flow": GET manifests, then GET
 * blobs, layers already present are not pulled again), §5 (`docker pull` is
 * `POST /images/create`) and §3 (with the classic store, as this host's overlay2 is, dockerd
 * itself pulls and keeps the layers). The push's HEAD/upload/PUT-manifest sequence is the
 * registry API's (distribution-spec); FACTS.md does not detail it, so the narration stays at
 * "checks, uploads what is missing, then the manifest".
 */
import type { LessonInput } from '../schema';

export const registries: LessonInput = {
  schemaVersion: 1,
  id: 'registries',
  title: 'Images and registries: layers, tags, digests, push',
  summary:
    'Pull an image as a manifest and its layers, see shared layers skipped, tell tags from digests, then push to a registry of your own and pull the image back.',
  level: 'intermediate',
  minutes: 12,
  start: { era: 'modern', liveRestore: false, setup: [] },
  steps: [
    {
      id: 'pull-by-manifest',
      narration:
        'An image in a registry is a **manifest**: a small JSON document that names the image’s **config** and its ordered **layers**, each by a content **digest** (`sha256:…`). `docker pull` only asks dockerd (`POST /images/create`); dockerd then fetches the manifest (`GET /v2/<name>/manifests/<tag>`), then the config and each layer it lacks, as blobs (`GET /v2/<name>/blobs/<digest>`). Watch the diagram while alpine, a one-layer image, comes down.',
      run: ['docker pull alpine'],
    },
    {
      id: 'shared-layers',
      narration:
        '`node:20-alpine` is built on Alpine, and here its first layer is the very same blob, with the same digest, as alpine’s only layer (both are built on the same Alpine release). Layers are stored by digest, so dockerd sees it already has that one, prints **Already exists**, and downloads only the others. Images built on a common base share those layers on disk too.',
      task: {
        goal: 'Pull `node:20-alpine` and see which layer is not downloaded.',
        check: { kind: 'image', ref: 'node:20-alpine', present: true },
        hints: ['`docker pull` takes `name:tag`.', '`docker pull node:20-alpine`'],
        solution: ['docker pull node:20-alpine'],
        par: 1,
      },
    },
    {
      id: 'tags-and-digests',
      narration:
        'A **tag** is a name that points at an image, and it can be moved: `alpine:latest` will point at a newer image one day. `docker tag` adds a name and copies nothing: both rows below have the same **IMAGE ID** (in dockerd’s classic image store, which this host uses, the digest of the image’s config; in the containerd image store, the default for fresh installs since Docker 29.0, it is the manifest’s or index’s digest). The **DIGEST** column is what the registry served for the tag (for a multi-platform image, the index that lists one manifest per platform); `myalpine` has none because no registry has served it under that name. To pin exact content, refer to it by digest: `alpine@sha256:…`.',
      run: ['docker tag alpine myalpine:v1', 'docker images --digests'],
      questions: [
        {
          prompt: 'Your deployment must get byte-for-byte the image you tested. What do you use?',
          choices: [
            { text: 'The tag, e.g. `alpine:3.22`', correct: false },
            { text: 'The digest, e.g. `alpine@sha256:…`', correct: true },
            { text: '`latest`, which always means the tested one', correct: false },
          ],
          explanation:
            'A tag is a movable pointer: whoever pushes to the repository can point it at other content. A digest is computed from the content itself, so the same digest always means the same manifest, and through it the same config and layers.',
        },
      ],
    },
    {
      id: 'run-a-registry',
      narration:
        'Pushing to Docker Hub needs an account and `docker login`, which this simulation does not have. Run a registry of your own instead: `registry:2` is the open-source registry server, packaged as an image. The image’s name says where it goes: `localhost:5000/node:v1` is pushed to the registry at `localhost:5000`. dockerd checks which blobs the registry lacks, uploads only those, then puts the manifest. (dockerd accepts plain HTTP for registries on 127.0.0.0/8: see *Insecure Registries* in `docker info`.)',
      task: {
        goal: 'Start `registry:2` as `registry` on port 5000, and push node:20-alpine to it as `localhost:5000/node:v1`.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'container', name: 'registry', state: 'running' },
            { kind: 'image', ref: 'localhost:5000/node:v1', present: true },
            { kind: 'traced', message: 'http-request', label: '/images/localhost:5000/node/push' },
          ],
        },
        hints: [
          '`docker run -d -p 5000:5000 --name registry registry:2` starts the registry.',
          '`docker tag node:20-alpine localhost:5000/node:v1` gives the image a name in that registry.',
          'Then `docker push localhost:5000/node:v1`.',
        ],
        solution: [
          'docker run -d -p 5000:5000 --name registry registry:2',
          'docker tag node:20-alpine localhost:5000/node:v1',
          'docker push localhost:5000/node:v1',
        ],
        par: 3,
      },
    },
    {
      id: 'push-again',
      narration:
        'Push the same image again: dockerd asks the registry about each blob, the registry already has them all (**Layer already exists**), and only the manifest is sent. The digest printed at the end is the same, because the content is the same.',
      run: ['docker push localhost:5000/node:v1'],
    },
    {
      id: 'pull-it-back',
      narration:
        'Now delete the local copy and pull it back from your registry. `docker rmi` removes names, and the image’s layers go once no image uses them; Alpine’s base layer stays, because `alpine` still uses it.',
      task: {
        goal: 'Remove both local names of the node image, then pull `localhost:5000/node:v1` back.',
        check: {
          kind: 'all',
          checks: [
            { kind: 'image', ref: 'node:20-alpine', present: false },
            { kind: 'image', ref: 'localhost:5000/node:v1', present: true },
            {
              kind: 'traced',
              message: 'http-request',
              label: 'POST /images/create?fromImage=localhost%3A5000%2Fnode',
            },
          ],
        },
        hints: [
          '`docker rmi` takes several names at once.',
          '`docker rmi node:20-alpine localhost:5000/node:v1`, then `docker pull localhost:5000/node:v1`.',
        ],
        solution: [
          'docker rmi node:20-alpine localhost:5000/node:v1',
          'docker pull localhost:5000/node:v1',
        ],
        par: 2,
      },
      questions: [
        {
          prompt:
            'Pulling `localhost:5000/node:v1` back, one layer says “Already exists”. Why was it not downloaded?',
          choices: [
            { text: 'dockerd cached the whole image when it was pushed', correct: false },
            {
              text: 'A layer with that digest is still on the host, used by the alpine image',
              correct: true,
            },
            { text: 'The local registry shares its disk with dockerd', correct: false },
          ],
          explanation:
            'Layers are addressed by digest. Removing node’s names deleted only the layers no other image used; alpine still uses the base layer, so the pull skips it and downloads the three others.',
        },
      ],
    },
  ],
};
